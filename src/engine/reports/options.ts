/**
 * Options of one report run. Dates are serials (1900 system). Anything not given comes from the workbook's
 * settings; the period defaults to the fiscal year to date.
 */
import { fiscalYear, fiscalYearBounds, todaySerial } from "../dates";
import type { Settings, ValuationMethod } from "../settings";

export interface ReportOptions {
  /** First day of the period (inclusive). */
  from: number;
  /** Last day of the period (inclusive); also the as-of date of balances. */
  to: number;
  fiscalYearEndMonth: number;
  /** One valuation method for every stock item; null = each item's own (Items.Method, else the settings). */
  valuationMethod: ValuationMethod | null;
  allowNegativeStock: boolean;
  /** When the report was generated, a serial with the time of day as its fraction. */
  generatedAt: number;
  /** The generating clock's offset from UTC in minutes (east positive: +60 for UTC+01:00), shown with the time. */
  utcOffsetMinutes: number;
}

export interface ReportRequest {
  from?: number;
  to?: number;
  fiscalYearEndMonth?: number;
  valuationMethod?: ValuationMethod | null;
  allowNegativeStock?: boolean;
  /** Clock for the generated time and the default period (tests pass a fixed one). */
  now?: Date;
}

/** A local Date as a serial with its time of day. */
export function serialWithTime(d: Date): number {
  const secs = d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  return todaySerial(d) + secs / 86400;
}

/** Full options from a request and the settings: the period defaults to the fiscal year up to today. */
export function reportOptions(settings: Settings, req: ReportRequest = {}): ReportOptions {
  const now = req.now ?? new Date();
  const fyEnd = req.fiscalYearEndMonth ?? settings.fiscalYearEndMonth;
  const to = Math.floor(req.to ?? todaySerial(now));
  const from = Math.floor(req.from ?? fiscalYearBounds(fiscalYear(to, fyEnd), fyEnd).start);
  return {
    from,
    to,
    fiscalYearEndMonth: fyEnd,
    valuationMethod: req.valuationMethod ?? null,
    allowNegativeStock: req.allowNegativeStock ?? settings.allowNegativeStock,
    generatedAt: serialWithTime(now),
    // Date.getTimezoneOffset is UTC − local (west positive); the header states local − UTC.
    utcOffsetMinutes: now.getTimezoneOffset() === 0 ? 0 : -now.getTimezoneOffset(),
  };
}

/** A problem with the options themselves, as a sentence for the user; null when they are fine. */
export function checkOptions(o: ReportOptions): string | null {
  if (!Number.isFinite(o.from) || !Number.isFinite(o.to)) return "The report period needs a start and an end date.";
  if (o.from > o.to) return "The report period starts after it ends; check the From and To dates.";
  if (!(Number.isInteger(o.fiscalYearEndMonth) && o.fiscalYearEndMonth >= 1 && o.fiscalYearEndMonth <= 12))
    return "The fiscal year's last month must be a month number from 1 to 12.";
  return null;
}

/** The fiscal years the period touches, oldest first. */
export function reportYears(o: ReportOptions): number[] {
  const first = fiscalYear(o.from, o.fiscalYearEndMonth);
  const last = fiscalYear(o.to, o.fiscalYearEndMonth);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
