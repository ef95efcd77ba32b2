import { divZero, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";

/** Excel SLN: straight-line depreciation for one period. Excel returns #DIV/0! only for a zero life. */
export function sln(cost: number, salvage: number, life: number): number | EngineError {
  if (life === 0) return divZero(m.lifeZero("SLN"));
  return (cost - salvage) / life;
}
