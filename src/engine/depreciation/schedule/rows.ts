import { MAX_SERIAL } from "../../dates";
import * as _cents from "./cents";
import * as _position from "./position";
import type { Plan } from "./plan";
import type { AsOfValues, MonthRow, ScheduleRow } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { cents, roundPeriods } = _cents;
const { calendarMonth, fiscalPosition } = _position;

/** Year-by-year rows: depreciation rounded per year, the last year absorbing rounding where the method ends at salvage. */
export function yearRows(plan: Plan): ScheduleRow[] {
  const rows = new Array<ScheduleRow>(plan.rounded.length);
  let acc = 0;
  for (let k = 0; k < plan.rounded.length; k++) {
    const d = plan.rounded[k];
    acc = cents(acc + d);
    rows[k] = {
      fiscalYear: plan.firstFiscalYear + k,
      depreciation: d,
      accumulated: acc,
      bookValue: cents(plan.cost - acc),
    };
  }
  return rows;
}

/**
 * The twelve monthly amounts of year index k: the year's rounded amount spread evenly over the months it accrues
 * in (its window), each rounded to cents, the last month with depreciation absorbing so they add up to the year.
 */
export function monthAmounts(plan: Plan, k: number): number[] {
  const lo = plan.lo[k];
  const hi = plan.hi[k];
  const year = plan.rounded[k];
  const exact = new Array<number>(12).fill(0);
  if (hi > lo) {
    for (let j = Math.floor(lo); j < 12 && j < hi; j++) {
      const overlap = Math.min(j + 1, hi) - Math.max(j, lo);
      if (overlap > 0) exact[j] = (year * overlap) / (hi - lo);
    }
  } else {
    exact[Math.min(11, Math.floor(lo))] = year;
  }
  let last = 11;
  while (last > 0 && exact[last] === 0) last--;
  const head = roundPeriods(exact.slice(0, last + 1), year, true);
  return head.concat(new Array<number>(11 - last).fill(0));
}

/** Month-by-month rows from the first month in service to the last month with depreciation. */
export function monthRows(plan: Plan): MonthRow[] {
  const rows: MonthRow[] = [];
  let acc = 0;
  for (let k = 0; k < plan.rounded.length; k++) {
    const amounts = monthAmounts(plan, k);
    const from = k === 0 ? Math.floor(plan.lo[0]) : 0;
    const to = k === plan.rounded.length - 1 ? lastNonZero(amounts, from) : 11;
    const fiscalYear = plan.firstFiscalYear + k;
    for (let j = from; j <= to; j++) {
      acc = cents(acc + amounts[j]);
      const { year, month } = calendarMonth(fiscalYear, j, plan.fyEndMonth);
      rows.push({
        fiscalYear,
        year,
        month,
        period: j + 1,
        depreciation: amounts[j],
        accumulated: acc,
        bookValue: cents(plan.cost - acc),
      });
    }
  }
  return rows;
}

function lastNonZero(amounts: number[], from: number): number {
  let j = 11;
  while (j > from && amounts[j] === 0) j--;
  return j;
}

/**
 * Accumulated depreciation at the end of day `serial`: the rounded schedule up to the month before, plus the
 * month's rounded amount pro rata of its days; from a disposal date on, everything the schedule books. Monotone
 * in the date; equal to the monthly rows at month ends and to the yearly rows at fiscal year ends.
 */
export function accumulatedAt(plan: Plan, serial: number): number {
  if (!(serial >= 1)) return 0; // before Excel's first date (or not a number): nothing yet
  if (serial > MAX_SERIAL) serial = MAX_SERIAL;
  if (plan.disposedOn !== null && serial >= plan.disposedOn) return cents(plan.rounded.reduce((x, y) => x + y, 0));
  const p = fiscalPosition(serial, plan.fyEndMonth);
  const k = p.fiscalYear - plan.firstFiscalYear;
  if (k < 0) return 0;
  let acc = 0;
  const years = Math.min(k, plan.rounded.length);
  for (let i = 0; i < years; i++) acc += plan.rounded[i];
  acc = cents(acc);
  if (k >= plan.rounded.length) return acc;
  const amounts = monthAmounts(plan, k);
  for (let j = 0; j < p.monthIndex; j++) acc += amounts[j];
  const month = amounts[p.monthIndex];
  const part = cents((month * p.day) / p.daysInMonth);
  return cents(acc + Math.min(month, Math.max(0, part)));
}

/** Accumulated depreciation and net book value at the end of day `serial`. */
export function valuesAt(plan: Plan, serial: number): AsOfValues {
  const accumulated = accumulatedAt(plan, serial);
  return { accumulated, bookValue: cents(plan.cost - accumulated) };
}

/** Depreciation from the start of day `from` to the end of day `to` (inclusive). */
export function depreciationBetween(plan: Plan, from: number, to: number): number {
  return cents(accumulatedAt(plan, to) - accumulatedAt(plan, from - 1));
}
