/** `stockbook check <book.xlsx>`: prints every row that could not be used, and the rows-in check per table. */
import { buildReports } from "../engine/reports/build";
import { ISSUES_SHEET } from "../engine/reports/issues";
import type { ReportCell } from "../engine/reports/model";
import type { ReportRequest } from "../engine/reports/options";
import type { CliIO } from "./io";
import { openSource, readInput } from "./open";

const show = (v: ReportCell): string => (v === null ? "" : String(v));

/** Returns the number of issues found. */
export async function runCheck(book: string, args: ReportRequest, io: CliIO): Promise<number> {
  const port = await openSource(book);
  const input = await readInput(port, book, args);
  const sheet = buildReports(input).sheets.find((s) => s.name === ISSUES_SHEET);
  if (!sheet) return 0;
  const counts = sheet.summaries[0];
  io.out(counts.headers.join("\t"));
  for (const r of counts.rows) io.out(r.map(show).join("\t"));
  const issues = sheet.tables[0].rows;
  io.out("");
  if (issues.length === 0) {
    io.out("No issues: every row of every table was used.");
    return 0;
  }
  for (const [table, row, column, value, problem, effect] of issues) {
    const where = [table, row === null ? null : `row ${row}`, column].filter((x) => x !== null).join(", ");
    const found = value === null || value === "" ? "" : ` [found: ${show(value)}]`;
    io.out(`${where}: ${show(problem)}${found} (${show(effect)})`);
  }
  io.out("");
  io.out(`${issues.length} issue${issues.length === 1 ? "" : "s"}.`);
  return issues.length;
}
