import type { EngineError } from "../../errors";
import type { MacrsConvention } from "../macrs/rate";
import * as _rate from "../macrs/rate";
import type { Plan } from "./plan";
import type { FiscalPosition } from "./position";
import type { ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { macrsColumn } = _rate;

/**
 * MACRS from the published tables: recovery year k is fiscal (tax) year k. The disposal year takes the
 * convention's share (half a year, up to the middle of the quarter or month of disposal); property disposed of
 * in the year placed in service gets nothing (Pub 946).
 */
export function macrsYears(
  s: ScheduleSpec,
  start: FiscalPosition,
  disposal: FiscalPosition | null,
  plan: Plan
): EngineError | null {
  const real = s.life === 27.5 || s.life === 39;
  const conv: MacrsConvention = real ? "MM" : s.convention === "MQ" ? "MQ" : "HY";
  const which = conv === "MM" ? start.monthIndex + 1 : conv === "MQ" ? Math.floor(start.monthIndex / 3) + 1 : null;
  const column = macrsColumn(s.life, conv, which);
  if (!Array.isArray(column)) return column as EngineError;
  let years = column.length;
  while (years > 1 && column[years - 1] === 0) years--;
  // The share of the last recovery year the convention counts, for spreading it over months.
  const lastShare = conv === "HY" ? 0.5 : conv === "MQ" ? (3 * (which! - 1) + 1.5) / 12 : 1;
  for (let k = 0; k < years; k++) {
    plan.exact.push((s.cost * column[k]) / 100);
    plan.lo.push(k === 0 ? (conv === "MM" ? start.monthIndex + 0.5 : start.monthIndex) : 0);
    plan.hi.push(k === years - 1 && years > 1 ? 12 * lastShare : 12);
  }
  if (disposal) {
    const kd = disposal.fiscalYear - start.fiscalYear;
    if (kd >= years) return null;
    const share =
      kd <= 0
        ? 0
        : conv === "HY"
          ? 0.5
          : conv === "MQ"
            ? (3 * Math.floor(disposal.monthIndex / 3) + 1.5) / 12
            : (disposal.monthIndex + 0.5) / 12;
    const k = Math.max(0, kd);
    plan.exact[k] *= share;
    plan.lo[k] = k === 0 ? plan.lo[k] : 0;
    plan.hi[k] = k === 0 ? plan.lo[k] : Math.max(plan.lo[k], 12 * share);
    plan.exact.length = plan.lo.length = plan.hi.length = k + 1;
  }
  return null;
}
