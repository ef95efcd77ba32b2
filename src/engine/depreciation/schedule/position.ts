import * as _dates from "../../dates";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { fromSerial } = _dates;

/** Where a day falls in the fiscal calendar. */
export interface FiscalPosition {
  fiscalYear: number;
  /** 0-based fiscal month (0 = the month after the fiscal year's last month). */
  monthIndex: number;
  /** 1-based day of month and the month's length. */
  day: number;
  daysInMonth: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function monthLength(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** One date conversion per call; the rest is arithmetic (schedules for 100,000 assets call this often). */
export function fiscalPosition(serial: number, fyEndMonth: number): FiscalPosition {
  const { year, month, day } = fromSerial(serial);
  return {
    fiscalYear: month > fyEndMonth ? year + 1 : year,
    monthIndex: (month - fyEndMonth - 1 + 24) % 12,
    day,
    daysInMonth: monthLength(year, month),
  };
}

/** Calendar year and month of fiscal month `monthIndex` (0-based) of fiscal year `fiscalYear`. */
export function calendarMonth(
  fiscalYear: number,
  monthIndex: number,
  fyEndMonth: number
): { year: number; month: number } {
  const month = ((fyEndMonth + monthIndex) % 12) + 1;
  return { year: month > fyEndMonth ? fiscalYear - 1 : fiscalYear, month };
}

/** Days in fiscal year `fiscalYear`. */
export function fiscalYearDays(fiscalYear: number, fyEndMonth: number): number {
  let days = 0;
  for (let i = 0; i < 12; i++) {
    const { year, month } = calendarMonth(fiscalYear, i, fyEndMonth);
    days += monthLength(year, month);
  }
  return days;
}
