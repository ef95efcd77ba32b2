import { numError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";

/**
 * Declining-balance depreciation of period `period` (1-based) at rate factor/life, never below salvage:
 * value before = cost × (1 − rate)^(period − 1), value after = cost × (1 − rate)^period, and the period takes
 * the difference, or only down to salvage. A rate of 1 or more writes everything off in period 1.
 */
export function ddbPeriod(cost: number, salvage: number, life: number, period: number, factor: number): number {
  let rate = factor / life;
  let before: number;
  if (rate >= 1) {
    rate = 1;
    before = period === 1 ? cost : 0;
  } else if (Number.isInteger(period) && period <= 64) {
    // Whole periods: the balance after period − 1 by repeated multiplication (cheaper than two pow calls).
    const q = 1 - rate;
    let f = 1;
    for (let i = 1; i < period; i++) f *= q;
    before = cost * f;
  } else {
    before = cost * Math.pow(1 - rate, period - 1);
  }
  const after = rate === 1 ? (period >= 1 ? 0 : cost) : before * (1 - rate);
  const dep = after < salvage ? before - salvage : before - after;
  return dep > 0 ? dep : 0;
}

/**
 * Excel DDB: double-declining (or `factor`) balance, MIN((cost − prior) × factor/life, cost − salvage − prior).
 * Never switches to straight line. #NUM! when cost < 0, salvage < 0, life ≤ 0, period ≤ 0, factor ≤ 0 or
 * period > life (ECMA-376 Part 1 §18.17.7, Microsoft's DDB page).
 */
export function ddb(cost: number, salvage: number, life: number, period: number, factor = 2): number | EngineError {
  if (cost < 0) return numError(m.negative("DDB", "cost"));
  if (salvage < 0) return numError(m.negative("DDB", "salvage"));
  if (life <= 0) return numError(m.notPositive("DDB", "life"));
  if (period <= 0) return numError(m.notPositive("DDB", "period"));
  if (factor <= 0) return numError(m.notPositive("DDB", "factor"));
  if (period > life) return numError(m.periodBeyondLife("DDB"));
  return ddbPeriod(cost, salvage, life, period, factor);
}
