import { numError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import * as _cents from "../schedule/cents";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { roundFast } = _cents;

/** DB's fixed rate: 1 − (salvage/cost)^(1/life), rounded to three decimals (Excel ROUND) as Excel documents. */
export function dbRate(cost: number, salvage: number, life: number): number {
  return roundFast(1 - Math.pow(salvage / cost, 1 / life), 1000);
}

/**
 * Excel DB: fixed-declining balance. The first period is prorated by `month`/12, and when month < 12 an extra
 * period life + 1 takes the leftover (12 − month)/12. `period` and `month` are truncated to whole numbers.
 * #NUM! as Excel: cost < 0, salvage < 0, life ≤ 0, period ≤ 0, month outside 1..12, period > life + 1, or
 * period > life when month is 12 ([MS-OI29500] 2.1.924).
 */
export function db(cost: number, salvage: number, life: number, period: number, month = 12): number | EngineError {
  const per = Math.trunc(period);
  const mon = Math.trunc(month);
  if (cost < 0) return numError(m.negative("DB", "cost"));
  if (salvage < 0) return numError(m.negative("DB", "salvage"));
  if (life <= 0) return numError(m.notPositive("DB", "life"));
  if (per <= 0) return numError(m.notPositive("DB", "period"));
  if (mon < 1 || mon > 12) return numError(m.dbMonth());
  if (per > life + 1 || (mon === 12 && per > life)) return numError(m.dbPeriodBeyond());
  // Nothing to depreciate (also avoids 0/0 in the rate).
  if (cost === 0 || salvage >= cost) return 0;
  return dbPeriods(cost, dbRate(cost, salvage, life), life, per, mon);
}

/** Depreciation of period `per` (already validated) with the rounded rate. */
export function dbPeriods(cost: number, rate: number, life: number, per: number, month: number): number {
  const first = (cost * rate * month) / 12;
  if (per === 1) return first;
  const lastFull = Math.min(per, Math.floor(life));
  let taken = first;
  let dep = first;
  if (lastFull <= 1000) {
    // Period by period, as the documented formula reads: (cost − total depreciation from prior periods) × rate.
    for (let i = 2; i <= lastFull; i++) {
      dep = (cost - taken) * rate;
      taken += dep;
    }
  } else {
    // Absurdly long lives (a typo, a pasted serial number): the same amounts in closed form, so no loop runs for ever.
    const left = (cost - first) * Math.pow(1 - rate, lastFull - 1);
    dep = rate === 1 ? 0 : (left / (1 - rate)) * rate; // rate 1: all gone in period 2
    taken = cost - left;
  }
  // The period after the life holds the months the first period did not.
  if (per > life) dep = ((cost - taken) * rate * (12 - month)) / 12;
  return dep;
}
