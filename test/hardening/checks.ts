/**
 * What a custom function may hand back to Excel (DESIGN.md "Errors"): a finite number, text that fits a cell,
 * a boolean, a rectangular 2-D array of those (a spill), or CustomFunctions.Error — thrown or inside a spill.
 * Never NaN, Infinity, undefined, an object, or any other exception. `#VALUE!` and `#N/A` carry a message that
 * says what to fix.
 */
import "../../src/functions/runtime";
import { MAX_CELL_TEXT } from "./arbitraries";

/** The CustomFunctions.Error class in use (Excel's, or the stand-in outside Excel). */
export const CfError = (globalThis as unknown as { CustomFunctions: { Error: new (...a: unknown[]) => Error } })
  .CustomFunctions.Error;

export const isCfError = (e: unknown): e is Error & { code: string; message: string } => e instanceof CfError;

/**
 * Words of an instruction or of the expected form: an accountant reading the message learns what to change.
 * A heuristic, deliberately broad; messages that fail it are read by a person (docs/HARDENING.md).
 */
const GUIDANCE =
  /\b(give|must|add|check|use|correct|fill|rename|remove|map|enter|choose|type|set|record|should|expected|needs?|e\.g\.|such as|one of|between|at least|at most|greater|less|only|try|instead|make|put|pass|not in|required|no \w+ (column|table|row))\b/i;

/** Problems with an error message, or [] when it is fine. `args` is what the call received (quoted text may echo it). */
export function messageProblems(code: string, message: string, args: unknown): string[] {
  const out: string[] = [];
  if (code !== "#VALUE!" && code !== "#N/A") return out;
  const m = (message ?? "").trim();
  if (m.length === 0) return [`${code} without a message`];
  if (m.length < 15) out.push(`${code} message too short to say what to fix: "${m}"`);
  if (!GUIDANCE.test(m)) out.push(`${code} message does not say what to fix: "${m.slice(0, 200)}"`);
  const echoed = JSON.stringify(args) ?? "";
  for (const junk of ["undefined", "NaN", "[object ", "Infinity"]) {
    if (m.includes(junk) && !echoed.includes(junk))
      out.push(`${code} message shows a programming value "${junk}": "${m.slice(0, 200)}"`);
  }
  return out;
}

function cellProblems(v: unknown, where: string, args: unknown): string[] {
  if (v === undefined) return [`${where}: undefined`];
  if (v === null) return [`${where}: null (Excel shows 0; return "" or a number)`];
  if (typeof v === "number") return Number.isFinite(v) ? [] : [`${where}: ${v}`];
  if (typeof v === "string")
    return v.length > MAX_CELL_TEXT ? [`${where}: text of ${v.length} characters (a cell holds ${MAX_CELL_TEXT})`] : [];
  if (typeof v === "boolean") return [];
  if (isCfError(v)) return messageProblems(v.code, v.message, args).map((p) => `${where}: ${p}`);
  if (v instanceof Error) return [`${where}: a ${v.name} (not CustomFunctions.Error): ${v.message}`];
  return [`${where}: ${Object.prototype.toString.call(v)} is not a cell value`];
}

/** Problems with a returned value, or [] when Excel can show it. */
export function resultProblems(r: unknown, args: unknown): string[] {
  if (!Array.isArray(r)) return cellProblems(r, "result", args);
  if (r.length === 0) return ["result: an empty array (Excel cannot spill nothing)"];
  const out: string[] = [];
  const width = Array.isArray(r[0]) ? r[0].length : -1;
  if (width <= 0) return ["result: not a 2-D array"];
  r.forEach((row, i) => {
    if (!Array.isArray(row)) return void out.push(`row ${i}: not an array`);
    if (row.length !== width) out.push(`row ${i}: ${row.length} cells, first row has ${width} (not rectangular)`);
    row.forEach((c, j) => out.push(...cellProblems(c, `[${i}][${j}]`, args)));
  });
  return out;
}

/** Problems with a thrown value, or [] when it is a CustomFunctions.Error with a proper message. */
export function thrownProblems(e: unknown, args: unknown): string[] {
  if (!isCfError(e)) {
    const what =
      e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split("\n").slice(1, 4).join("\n")}` : String(e);
    return [`threw something other than CustomFunctions.Error: ${what}`];
  }
  return messageProblems(e.code, e.message, args);
}

/** The error code of a returned or thrown value, for the outcome tally. */
export function outcomeOf(r: unknown, thrown: boolean): string {
  if (thrown) return isCfError(r) ? `throw ${r.code}` : "throw other";
  if (Array.isArray(r)) return "spill";
  if (isCfError(r)) return `return ${r.code}`;
  return typeof r;
}
