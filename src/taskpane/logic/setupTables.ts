/** "Set up tables": creates each missing table on its own sheet, one by one, reporting progress. */
import { missingTableSpecs } from "../../port/setup";
import type { Book } from "../../port/book";
import { errorText } from "../context";
import type { Outcome } from "./outcome";

export async function setUpTables(book: Book): Promise<Outcome> {
  const list = await book.port.listTables();
  const specs = missingTableSpecs(list, book.settings);
  if (specs.length === 0) return { ok: true, message: "All five tables are already there." };
  const made: string[] = [];
  for (const [i, spec] of specs.entries()) {
    book.port.progress({ step: `Creating table ${spec.name}`, done: i, total: specs.length });
    try {
      await book.port.createTable(spec);
      made.push(spec.name);
    } catch (e) {
      const so = made.length ? ` Created so far: ${made.join(", ")}.` : "";
      return { ok: false, message: `Could not create table ${spec.name}: ${errorText(e)}${so}` };
    }
  }
  book.port.progress({ step: "Tables ready", done: specs.length, total: specs.length });
  return { ok: true, message: `Created ${made.join(", ")}.` };
}
