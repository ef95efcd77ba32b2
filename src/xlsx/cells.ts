/**
 * Cell values between ExcelJS and the port. ExcelJS hands date-formatted numbers back as JavaScript Dates (UTC,
 * computed as (serial − 25569) days from 1970, plus 1462 in a 1904 workbook); the port wants the number the cell
 * stores, so the Date is turned back with the exact inverse. Formulas give their cached result, rich text its
 * plain text, hyperlinks their text, errors their code (#N/A…).
 */
import type { CellValue } from "../port/types";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system as ExcelJS counts it) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** The serial a cell stores for a Date ExcelJS returned (1904 workbooks store 1462 less). */
export function dateToStoredSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? 1462 : 0);
  // ExcelJS rounds to the millisecond; strip the float noise of the division.
  return Math.round(serial * 1e9) / 1e9;
}

export function fromExcelJs(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToStoredSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) return fromExcelJs(o.result, date1904);
    if ("text" in o) return fromExcelJs(o.text, date1904);
  }
  return String(v);
}

/**
 * A value for ExcelJS: text always stays text (ExcelJS writes strings as strings, never as formulas). XML turns a
 * carriage return into a line feed, so CR is written as OOXML's `_x000D_` escape (as Excel does), and text that
 * already looks like such an escape has its underscore escaped (`_x005F_`); ExcelJS and Excel decode both. Text
 * longer than a cell holds is cut to 32,767 characters.
 */
export function toExcelJs(v: CellValue): string | number | boolean | null {
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  // Excel holds at most 32,767 characters in a cell and reports a longer one as damage.
  if (typeof v === "string" && v.length > 32_767) v = v.slice(0, 32_767);
  if (typeof v === "string" && /\r|_x[0-9A-Fa-f]{4}_/.test(v))
    return v.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(/\r/g, "_x000D_");
  return v;
}
