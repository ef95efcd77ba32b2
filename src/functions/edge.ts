/**
 * The edge between Excel and the engine. Argument rules are data (ArgSpec); one runner coerces Excel's values
 * as Excel's own functions do, and one translator turns engine errors into CustomFunctions.Error. Function
 * bodies in this folder therefore read like the accounting formula.
 */
import "./runtime";
import { parseDateText } from "../engine/dates";
import { isEngineError, valueError, numError, type EngineError } from "../engine/errors";
import { parseNumberText } from "../engine/schema/parse";

/** What Excel hands a custom function for one cell. */
export type Scalar = number | string | boolean | null | undefined;

const CODE_NAMES: Record<EngineError["code"], keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** Engine error value -> CustomFunctions.Error. Excel shows a message only for #VALUE! and #N/A. */
export function toCfError(e: EngineError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODE_NAMES[e.code]];
  const withMessage = e.code === "#VALUE!" || e.code === "#N/A";
  return withMessage ? new CustomFunctions.Error(code, e.message) : new CustomFunctions.Error(code);
}

/** Throws the engine error as Excel's error (the documented way for a scalar custom function to fail). */
export function fail(e: EngineError): never {
  throw toCfError(e);
}

/** A number for a cell: errors become CustomFunctions.Error, NaN and Infinity become #NUM!. */
export function cell<T extends number | string | boolean>(x: T | EngineError): T | CustomFunctions.Error {
  if (isEngineError(x)) return toCfError(x);
  if (typeof x === "number" && !Number.isFinite(x)) return toCfError(numError("The result is not a finite number."));
  return x;
}

/** A scalar result: returns the value or throws the error. */
export function scalar<T extends number | string | boolean>(x: T | EngineError): T {
  const c = cell(x);
  if (c instanceof CustomFunctions.Error) throw c;
  return c as T;
}

export const isBlank = (v: Scalar): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export type ArgType = "number" | "date" | "text" | "boolean";

export interface ArgSpec {
  name: string;
  type: ArgType;
  /** Used when the argument is omitted or blank; without it a blank number is 0 as in Excel, a blank date is an error. */
  default?: number | string | boolean | (() => number);
  min?: number;
  /** The minimum itself is not allowed (e.g. life > 0). */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** Which Excel error a number out of range gives (Excel's own functions give #NUM!). */
  rangeError?: "#NUM!" | "#VALUE!";
}

export type ArgValue = number | string | boolean;

function describe(v: Scalar): string {
  return typeof v === "string" ? `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"` : String(v);
}

function coerce(spec: ArgSpec, v: Scalar): ArgValue | EngineError {
  if (isBlank(v)) {
    if (spec.default !== undefined) return typeof spec.default === "function" ? spec.default() : spec.default;
    if (spec.type === "number") return 0;
    if (spec.type === "boolean") return false;
    if (spec.type === "text") return "";
    return valueError(`${spec.name} is blank: give a date (an Excel date or text such as 2024-03-31).`);
  }
  switch (spec.type) {
    case "text":
      return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v).trim();
    case "boolean":
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      if (/^(true|false)$/i.test(String(v).trim())) return String(v).trim().toLowerCase() === "true";
      return valueError(`${spec.name} must be TRUE or FALSE; got ${describe(v)}.`);
    case "number":
    case "date": {
      let n: number | null = null;
      if (typeof v === "number") n = v;
      else if (typeof v === "boolean") n = v ? 1 : 0;
      else if (typeof v === "string") n = parseNumberText(v) ?? (spec.type === "date" ? parseDateText(v) : null);
      if (n === null || !Number.isFinite(n)) {
        const want = spec.type === "date" ? "a date (an Excel date or text such as 2024-03-31)" : "a number";
        return valueError(`${spec.name} must be ${want}; got ${describe(v)}.`);
      }
      if (spec.integer || spec.type === "date") n = Math.trunc(n);
      const tooLow = spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min);
      const tooHigh = spec.max !== undefined && n > spec.max;
      if (tooLow || tooHigh) {
        const lo = spec.min !== undefined ? `${spec.minExclusive ? "greater than" : "at least"} ${spec.min}` : "";
        const hi = spec.max !== undefined ? `at most ${spec.max}` : "";
        const msg = `${spec.name} must be ${[lo, hi].filter(Boolean).join(" and ")}; got ${n}.`;
        return spec.rangeError === "#VALUE!" ? valueError(msg) : { code: "#NUM!", message: msg };
      }
      return n;
    }
  }
}

/** Runs the argument rules over the values Excel passed: all coerced values, or the first error. */
export function readArgs(specs: readonly ArgSpec[], values: readonly Scalar[]): ArgValue[] | EngineError {
  const out: ArgValue[] = [];
  for (let i = 0; i < specs.length; i++) {
    const r = coerce(specs[i], values[i]);
    if (isEngineError(r)) return r;
    out.push(r);
  }
  return out;
}

/** Like readArgs, but throws the first error as Excel's error. */
export function args(specs: readonly ArgSpec[], values: readonly Scalar[]): ArgValue[] {
  const r = readArgs(specs, values);
  return isEngineError(r) ? fail(r) : r;
}

/** A key argument that may be one value or a range: its cells in row-major order and the shape to spill back. */
export interface Keys {
  values: Scalar[];
  rows: number;
  cols: number;
  /** True when the user passed a range (a 2-D array), so the result spills in the same shape. */
  isRange: boolean;
}

export function keysOf(v: Scalar | Scalar[][]): Keys {
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = rows ? v[0].length : 0;
    return { values: v.flat(), rows, cols, isRange: true };
  }
  return { values: [v], rows: 1, cols: 1, isRange: false };
}

/** Maps each key through f and returns the spill in the keys' shape; errors stay in the cells they concern. */
export function spill<T extends number | string | boolean>(
  keys: Keys,
  f: (key: Scalar, i: number) => T | EngineError
): (T | CustomFunctions.Error)[][] {
  const out: (T | CustomFunctions.Error)[][] = [];
  for (let r = 0; r < keys.rows; r++) {
    const line: (T | CustomFunctions.Error)[] = [];
    for (let c = 0; c < keys.cols; c++) line.push(cell(f(keys.values[r * keys.cols + c], r * keys.cols + c)));
    out.push(line);
  }
  return out;
}

/** A table argument (e.g. Ledger[#All]): header row first. */
export interface TableArg {
  header: Scalar[];
  rows: Scalar[][];
}

export function tableOf(v: Scalar[][] | Scalar | undefined, name: string): TableArg | EngineError {
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) {
    return valueError(`${name} must be a table with its header row, e.g. ${name}[#All].`);
  }
  return { header: v[0], rows: v.slice(1) };
}

/**
 * The result of a key-taking function. Keys are declared `any[][]` and results `any[][]`: Excel hands a single
 * value to a matrix parameter as a 1×1 range and shows a 1×1 result as one value, so a single key and a range of
 * keys take the same path, and a range spills one result per key.
 */
export function spilled<T extends number | string | boolean>(
  keys: Keys,
  f: (key: Scalar, i: number) => T | EngineError
): (T | CustomFunctions.Error)[][] {
  return spill(keys, f);
}
