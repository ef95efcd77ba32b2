import { numError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";

/**
 * Excel SYD: sum-of-years' digits, (cost − salvage) × (life − per + 1) × 2 ÷ (life × (life + 1)).
 * #NUM! when life ≤ 0, per ≤ 0 or per > life.
 */
export function syd(cost: number, salvage: number, life: number, per: number): number | EngineError {
  if (life <= 0) return numError(m.notPositive("SYD", "life"));
  if (per <= 0) return numError(m.notPositive("SYD", "per"));
  if (per > life) return numError(m.periodBeyondLife("SYD"));
  return ((cost - salvage) * (life - per + 1) * 2) / (life * (life + 1));
}
