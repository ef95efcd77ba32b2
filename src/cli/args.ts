/** Command-line argument readers: dates, valuation method, fiscal year end. Bad input is a one-line CliFailure. */
import { MONTH_NAMES, parseDateText } from "../engine/dates";
import { VALUATION_METHODS, type ValuationMethod } from "../engine/settings";
import { CliFailure } from "./io";

const USAGE = 2;
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());

export function dateArg(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = parseDateText(text);
  if (s === null) throw new CliFailure(USAGE, `--${name} "${text}" is not a date; write it as 2025-12-31.`);
  return s;
}

export function methodArg(text: string | undefined): ValuationMethod | undefined {
  if (text === undefined) return undefined;
  const m = text.trim().toUpperCase();
  if (!(VALUATION_METHODS as readonly string[]).includes(m))
    throw new CliFailure(USAGE, `--method "${text}" is not a valuation method; use ${VALUATION_METHODS.join(", ")}.`);
  return m as ValuationMethod;
}

export function fyEndArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase();
  const n = /^\d+$/.test(t) ? Number(t) : MONTHS.indexOf(t.slice(0, 3)) + 1;
  if (!(n >= 1 && n <= 12))
    throw new CliFailure(USAGE, `--fy-end "${text}" is not a month; give its number (6) or name (June).`);
  return n;
}
