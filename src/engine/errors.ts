/**
 * One error value for the whole engine. Engine functions return `T | EngineError`; nothing in the engine throws
 * for bad data. The custom-function edge translates these to `CustomFunctions.Error` (src/functions/edge.ts), the
 * report writer turns table issues into the Issues sheet.
 */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

export interface EngineError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly table?: string;
  /** Row number as Excel shows it (sheet row), when the error comes from a table row. */
  readonly row?: number;
  readonly column?: string;
}

const CODES: ReadonlySet<string> = new Set(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"]);

export function isEngineError(x: unknown): x is EngineError {
  return (
    typeof x === "object" &&
    x !== null &&
    CODES.has((x as { code?: unknown }).code as string) &&
    typeof (x as { message?: unknown }).message === "string"
  );
}

export function engineError(
  code: ErrorCode,
  message: string,
  where?: { table?: string; row?: number; column?: string }
): EngineError {
  return where ? { code, message, ...where } : { code, message };
}

export const valueError = (message: string, where?: { table?: string; row?: number; column?: string }) =>
  engineError("#VALUE!", message, where);
export const numError = (message: string) => engineError("#NUM!", message);
export const notFound = (message: string) => engineError("#N/A", message);
export const divZero = (message: string) => engineError("#DIV/0!", message);

/** "(row 14, column Cost)" style suffix used in every message that points at a table cell. */
export function locate(where: { table?: string; row?: number; column?: string }): string {
  const parts: string[] = [];
  if (where.table) parts.push(`table ${where.table}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column) parts.push(`column ${where.column}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
