/**
 * Excel serial dates, 1900 date system: serial 1 is 1900-01-01 and, like Lotus 1-2-3, Excel counts a 29 February
 * 1900 that never existed (serial 60). From serial 61 (1900-03-01) on, serial = days since 1899-12-30.
 * The 1904 date system (old Mac workbooks) counts from 1904-01-01 = 0, i.e. 1462 days less.
 */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);
/** Days between the 1900 and 1904 date systems' serial numbers for the same day. */
export const DATE1904_OFFSET = 1462;
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Serial number of a calendar date (1900 system). Month and day may overflow as in Excel's DATE. */
export function toSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  if (year === 1900 && month === 2 && day === 29) return 60;
  if (ms < Date.UTC(1900, 2, 1)) return Math.round((ms - EPOCH_1899_12_31) / MS_PER_DAY);
  return Math.round((ms - EPOCH_1899_12_30) / MS_PER_DAY);
}

/** Calendar date of a serial number (1900 system); the time of day is dropped. Serial 60 is 1900-02-29. */
export function fromSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const base = whole < 60 ? EPOCH_1899_12_31 : EPOCH_1899_12_30;
  const d = new Date(base + whole * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function from1904(serial1904: number): number {
  return serial1904 + DATE1904_OFFSET;
}

export function to1904(serial1900: number): number {
  return serial1900 - DATE1904_OFFSET;
}

/** ISO text (yyyy-mm-dd) of a serial. */
export function toIso(serial: number): string {
  const { year, month, day } = fromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today's serial in the local time zone of the machine (the user's day, as Excel's TODAY()). */
export function todaySerial(now: Date = new Date()): number {
  return toSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A JavaScript Date (its local calendar day) as a serial. */
export function dateToSerial(d: Date): number {
  return toSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A UTC-midnight JavaScript Date (as ExcelJS returns cell dates) as a serial, keeping any time of day. */
export function utcDateToSerial(d: Date): number {
  const ms = d.getTime();
  const dayMs = Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  const day = new Date(dayMs);
  const whole = toSerial(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  return whole + (ms - dayMs) / MS_PER_DAY;
}

/** The UTC-midnight Date for a serial (for writers such as ExcelJS). */
export function serialToUtcDate(serial: number): Date {
  const { year, month, day } = fromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Adds whole months like Excel's EDATE: the day is clamped to the target month's length. */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = fromSerial(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return toSerial(y, m, Math.min(day, daysInMonth(y, m)));
}

export function endOfMonth(serial: number): number {
  const { year, month } = fromSerial(serial);
  return toSerial(year, month, daysInMonth(year, month));
}

/**
 * Fiscal year of a date, named by the calendar year in which it ends. With a June year end (6),
 * 2024-06-30 is in FY2024 and 2024-07-01 in FY2025. fyEndMonth 12 is the calendar year.
 */
export function fiscalYear(serial: number, fyEndMonth = 12): number {
  const { year, month } = fromSerial(serial);
  return month > fyEndMonth ? year + 1 : year;
}

/** Fiscal period (1-12) of a date: period 1 is the month after the fiscal year's last month. */
export function fiscalPeriod(serial: number, fyEndMonth = 12): number {
  const { month } = fromSerial(serial);
  return ((month - fyEndMonth - 1 + 24) % 12) + 1;
}

/** Fiscal quarter (1-4) of a date. */
export function fiscalQuarter(serial: number, fyEndMonth = 12): number {
  return Math.ceil(fiscalPeriod(serial, fyEndMonth) / 3);
}

/** First and last day (serials) of fiscal year `fy`. */
export function fiscalYearBounds(fy: number, fyEndMonth = 12): { start: number; end: number } {
  const end = toSerial(fy, fyEndMonth, daysInMonth(fy, fyEndMonth));
  const start = toSerial(fy - 1, fyEndMonth + 1, 1);
  return { start, end };
}

/** English month names, January first: the one list reports, the task pane and the command line show and read. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());

function validSerial(y: number, m: number, d: number): number | null {
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return null;
  if (d > (y === 1900 && m === 2 ? 29 : daysInMonth(y, m))) return null;
  return toSerial(y, m, d);
}

/**
 * Reads a date typed as text, as accountants paste them: ISO `2024-03-31` (also with `/` or `.`),
 * US `3/31/2024` (month first, as Excel en-US reads it), `31.03.2024` (day first with dots),
 * `31 Mar 2024`, `Mar 31, 2024`, `31-Mar-2024`. Returns null when the text is not such a date.
 */
export function parseDateText(text: string): number | null {
  const s = text.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$/.exec(s);
  if (m) return validSerial(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return validSerial(+m[3], +m[1], +m[2]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return validSerial(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(s);
  if (m && MONTHS.includes(m[2])) return validSerial(+m[3], MONTHS.indexOf(m[2]) + 1, +m[1]);
  m = /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m && MONTHS.includes(m[1])) return validSerial(+m[3], MONTHS.indexOf(m[1]) + 1, +m[2]);
  return null;
}
