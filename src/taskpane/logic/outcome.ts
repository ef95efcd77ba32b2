/** The result of an action the user asked for: what was done, or why nothing was (the workbook unchanged). */
import { errorText } from "../context";

export type Outcome = { ok: true; message: string; warnings?: string[] } | { ok: false; message: string };

export const refused = (message: string): Outcome => ({ ok: false, message });

/**
 * A failure of the workbook itself (a host error, a missing column): nothing was written — unless the port says
 * Excel stopped part-way and could not undo it (`partialWrite`); its message then names the rows to check.
 */
export function portFailure(e: unknown): Outcome {
  if ((e as { partialWrite?: unknown } | null)?.partialWrite === true) return { ok: false, message: errorText(e) };
  return { ok: false, message: `${errorText(e)} Nothing was written to the workbook.` };
}
