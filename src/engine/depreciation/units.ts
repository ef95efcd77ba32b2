import { numError, type EngineError } from "../errors";
import { deprMessages as m } from "../messages/depreciation";
import { cents, roundPeriods } from "./schedule/cents";

/** Units of production for one period: (cost − salvage) × units ÷ total units. */
export function unitsDepr(cost: number, salvage: number, totalUnits: number, units: number): number | EngineError {
  if (cost < 0) return numError(m.badCost());
  if (salvage < 0 || salvage > cost) return numError(m.badSalvage());
  if (totalUnits <= 0) return numError(m.unitsTotal());
  if (units < 0) return numError(m.unitsNegative());
  return ((cost - salvage) * units) / totalUnits;
}

/** One period of a rounded schedule. */
export interface PeriodAmount {
  period: number;
  depreciation: number;
  accumulated: number;
  bookValue: number;
}

function rows(cost: number, amounts: readonly number[]): PeriodAmount[] {
  let acc = 0;
  return amounts.map((d, i) => {
    acc = cents(acc + d);
    return { period: i + 1, depreciation: d, accumulated: acc, bookValue: cents(cost - acc) };
  });
}

/**
 * Units-of-production schedule, rounded to cents per period. Depreciation stops at cost − salvage; once the
 * units used reach the total, that period absorbs the rounding so the schedule sums to cost − salvage exactly.
 */
export function unitsSchedule(
  cost: number,
  salvage: number,
  totalUnits: number,
  unitsPerPeriod: readonly number[]
): PeriodAmount[] | EngineError {
  const first = unitsDepr(cost, salvage, totalUnits, 0);
  if (typeof first !== "number") return first;
  if (unitsPerPeriod.some((u) => !(u >= 0))) return numError(m.unitsNegative());
  const base = cents(cost - salvage);
  let used = 0;
  let reached = unitsPerPeriod.length;
  const exact = unitsPerPeriod.map((u, i) => {
    const before = Math.min(used, totalUnits);
    used += u;
    if (used >= totalUnits && reached === unitsPerPeriod.length) reached = i;
    return ((cost - salvage) * (Math.min(used, totalUnits) - before)) / totalUnits;
  });
  const head = roundPeriods(exact.slice(0, reached + 1), base, reached < exact.length);
  const amounts = head.concat(exact.slice(reached + 1).map(() => 0));
  return rows(cost, amounts);
}

/**
 * A user-defined schedule: percentage i of (cost − salvage) in period i (fractions: 0.25 is 25%). When the
 * percentages total 100% the last period absorbs the rounding, so the schedule sums to cost − salvage exactly;
 * beyond 100% nothing more is depreciated.
 */
export function percentSchedule(
  cost: number,
  salvage: number,
  percents: readonly number[]
): PeriodAmount[] | EngineError {
  if (cost < 0) return numError(m.badCost());
  if (salvage < 0 || salvage > cost) return numError(m.badSalvage());
  if (percents.some((p) => !(p >= 0))) return numError(m.percentList());
  const base = cents(cost - salvage);
  const sum = percents.reduce((s, p) => s + p, 0);
  const full = Math.abs(sum - 1) < 1e-9 || sum > 1;
  // Periods after the one where the running percentage reaches 100% take nothing.
  let running = 0;
  let end = percents.length - 1;
  for (let i = 0; i < percents.length; i++) {
    running += percents[i];
    if (running >= 1 - 1e-9) {
      end = i;
      break;
    }
  }
  const exact = percents.slice(0, end + 1).map((p) => (cost - salvage) * p);
  const amounts = roundPeriods(exact, base, full).concat(percents.slice(end + 1).map(() => 0));
  return rows(cost, amounts);
}
