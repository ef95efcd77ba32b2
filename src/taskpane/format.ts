/** Display helpers: Excel serial dates as ISO text for <input type="date">, numbers for people. */
import { toIso, toSerial } from "../engine/dates";

export const isoOf = (serial: number | null | undefined): string =>
  serial === null || serial === undefined ? "" : toIso(serial);

/** The serial of a yyyy-mm-dd text (what a date input gives), or null when empty or not a real date. */
export function serialOfIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const s = toSerial(y, mo, d);
  return toIso(s) === text.trim() ? s : null;
}

export function money(x: number, decimals = 2): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function qty(x: number): string {
  return Number(x.toPrecision(12)).toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** A number typed in a form: null when blank, NaN when not a number. */
export function numberOf(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}
