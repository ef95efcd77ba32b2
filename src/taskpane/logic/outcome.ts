/** The result of an action the user asked for: what was done, or why nothing was (the workbook unchanged). */
import { errorText } from "../context";

export type Outcome = { ok: true; message: string; warnings?: string[] } | { ok: false; message: string };

export const refused = (message: string): Outcome => ({ ok: false, message });

/** A failure of the workbook itself (a host error, a missing column): nothing was written. */
export function portFailure(e: unknown): Outcome {
  return { ok: false, message: `${errorText(e)} Nothing was written to the workbook.` };
}
