import * as _db from "../excel/db";
import * as _conventions from "./conventions";
import type { Plan } from "./plan";
import type { FiscalPosition } from "./position";
import type { ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { dbRate } = _db;
const { stopMonth } = _conventions;

/** Excel DB on fiscal years: the first year holds the months in service (month = 12 − months before). */
export function dbYears(s: ScheduleSpec, start: FiscalPosition, disposal: FiscalPosition | null, plan: Plan): void {
  const month = 12 - start.monthIndex;
  const whole = Math.floor(s.life);
  const periods = whole + (month < 12 ? 1 : 0);
  const rate = s.cost === 0 || s.salvage >= s.cost ? 0 : dbRate(s.cost, s.salvage, s.life);
  let taken = 0;
  for (let k = 0; k < periods; k++) {
    let dep: number;
    if (k === 0) dep = (s.cost * rate * month) / 12;
    else if (k < whole) dep = (s.cost - taken) * rate;
    else dep = ((s.cost - taken) * rate * (12 - month)) / 12;
    taken += dep;
    plan.exact.push(dep);
    plan.lo.push(k === 0 ? start.monthIndex : 0);
    plan.hi.push(k === periods - 1 && month < 12 ? start.monthIndex : 12);
  }
  if (disposal) cutAtDisposal(plan, disposal.fiscalYear - start.fiscalYear, stopMonth(s.convention, disposal));
}

/** Stops a plan at month `stop` of year index `kd`: that year keeps the share of its window before the stop. */
function cutAtDisposal(plan: Plan, kd: number, stop: number): void {
  if (kd >= plan.exact.length) return;
  const k = Math.max(0, kd);
  const lo = plan.lo[k];
  const hi = plan.hi[k];
  const newHi = Math.max(lo, Math.min(hi, stop));
  const share = kd < 0 ? 0 : hi > lo ? (newHi - lo) / (hi - lo) : stop > lo ? 1 : 0;
  plan.exact[k] *= share;
  plan.hi[k] = newHi;
  plan.exact.length = plan.lo.length = plan.hi.length = k + 1;
}
