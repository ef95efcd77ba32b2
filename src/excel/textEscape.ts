/**
 * Which strings Excel would not keep as typed when they are assigned through `range.values`.
 *
 * Assigning a value is like typing it: "=…" becomes a formula, and so do "+…", "-…" and "@…" (Excel prefixes
 * "="); numeric, date, time, percent and currency text becomes a number; TRUE/FALSE a boolean; "#N/A" an error;
 * a leading apostrophe is eaten as the "text prefix". The adapter writes such strings into cells formatted as
 * Text ("@") — the format is set in the same request before the value — so they land exactly as typed. A leading
 * apostrophe or a `=` substitute would change the text the accountant sees or copies; the "@" format does not.
 * Tab, CR and LF before the sign are covered too: spreadsheet injection guidance (OWASP CSV injection) lists them.
 */
const FORMULA_LIKE = /^[\t\r\n ]*[=+\-@]/;
/** Digits, a decimal point, a sign, an accounting "(", a currency symbol: Excel may read a number/date/time. */
const NUMBER_LIKE = /^\s*[-+(.$€£¥\d]/;
const MONTH_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/.,]*\d/i;
const BOOLEAN = /^\s*(true|false)\s*$/i;

export function mustWriteAsText(s: string): boolean {
  return (
    FORMULA_LIKE.test(s) ||
    NUMBER_LIKE.test(s) ||
    BOOLEAN.test(s) ||
    MONTH_DATE.test(s) ||
    s.startsWith("#") ||
    s.startsWith("'")
  );
}
