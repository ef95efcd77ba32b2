/** How the conventions (FM, MM, HY, MQ, DAYS) place the first and the disposal year on the fiscal calendar. */
import type { Convention } from "./types";
import type { FiscalPosition } from "./position";
import * as _position from "./position";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { calendarMonth, fiscalYearDays, monthLength } = _position;

/** Months from the start of the fiscal year at which depreciation starts, by convention. */
export function startMonth(conv: Convention, p: FiscalPosition): number {
  if (conv === "MM") return p.monthIndex + 0.5;
  if (conv === "DAYS") return p.monthIndex + (p.day - 1) / p.daysInMonth;
  return p.monthIndex;
}

/** Months from the start of the fiscal year at which depreciation stops for a disposal, by convention. */
export function stopMonth(conv: Convention, p: FiscalPosition): number {
  switch (conv) {
    case "MM":
      return p.monthIndex + 0.5;
    case "HY":
      return 6;
    case "MQ":
      return 3 * Math.floor(p.monthIndex / 3) + 1.5;
    case "DAYS":
      return p.monthIndex + (p.day - 1) / p.daysInMonth;
    default:
      return p.monthIndex; // FM: nothing in the month of disposal
  }
}

/** Share of the first fiscal year the convention counts. */
export function firstYearShare(conv: Convention, p: FiscalPosition, fyEndMonth: number): number {
  switch (conv) {
    case "HY":
      return 0.5;
    case "MQ":
      return (12 - 3 * Math.floor(p.monthIndex / 3) - 1.5) / 12;
    case "MM":
      return (12 - p.monthIndex - 0.5) / 12;
    case "DAYS": {
      const days = fiscalYearDays(p.fiscalYear, fyEndMonth);
      // Days from the in-service day to the fiscal year end, inclusive.
      let left = p.daysInMonth - p.day + 1;
      for (let i = p.monthIndex + 1; i < 12; i++) {
        const { year, month } = calendarMonth(p.fiscalYear, i, fyEndMonth);
        left += monthLength(year, month);
      }
      return left / days;
    }
    default:
      return (12 - p.monthIndex) / 12;
  }
}
