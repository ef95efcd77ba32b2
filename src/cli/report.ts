/** `stockbook report <book.xlsx>`: the report sheets written into a new file (never over the input). */
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReportRequest } from "../engine/reports/options";
import { generateReports, type GenerateResult } from "../reports/generate";
import { XlsxReportFile } from "../xlsx/xlsxReportFile";
import { BAD_FILE, CliFailure, type CliIO } from "./io";
import { openSource, openWorkbook, readInput } from "./open";
import { phases } from "./phases";
import { progressBar } from "./progressBar";

/** `book.xlsx` -> `book.report.xlsx`, beside it. */
export function defaultOutput(input: string): string {
  const ext = extname(input) || ".xlsx";
  return join(dirname(input), `${basename(input, extname(input))}.report${ext}`);
}

export interface ReportArgs extends ReportRequest {
  output?: string;
  /**
   * Also copy the source tables into the output (ExcelJS writes the whole input back, which is slow on big
   * ledgers). Default: the output holds the report sheets only — each carries its own fact tables.
   */
  withTables?: boolean;
}

export async function runReport(
  book: string,
  args: ReportArgs,
  io: CliIO
): Promise<{ output: string; result: GenerateResult }> {
  const output = args.output ?? defaultOutput(book);
  if (resolve(output) === resolve(book))
    throw new CliFailure(
      BAD_FILE,
      `Stockbook does not overwrite the workbook it reads (${book}); choose another -o file.`
    );
  const bar = progressBar(io);
  try {
    const tell = (step: string, done: number, total: number) => bar.update({ step, done, total });
    if (args.withTables) {
      // The slow path: ExcelJS holds the whole input and writes it back with the report sheets added.
      const source = await openWorkbook(book, (p) => bar.update(p));
      const input = await readInput(source, book, args, tell);
      const result = await generateReports(source, { ...args, input }, (p) => bar.update(p));
      bar.update({ step: `Saving ${output}`, done: 1, total: 1 });
      await source.saveAs(output);
      return { output, result };
    }
    // Read the tables' cells only, then write a new file of report sheets streamed out sheet by sheet.
    const t = phases(io);
    const source = await openSource(book, (p) => bar.update(p));
    t.mark("open (table cells)");
    const input = await readInput(source, book, args, tell);
    t.mark("read + parse tables");
    const target = new XlsxReportFile({ onProgress: (p) => bar.update(p), refuse: book });
    await target.writeSettings({ ...input.settings, ownedSheets: [] });
    const result = await generateReports(target, { ...args, input }, (p) => bar.update(p));
    t.mark("report model + sheet specs");
    bar.update({ step: `Saving ${output}`, done: 0, total: 1 });
    await target.saveAs(output);
    t.mark("save (layout, XML, zip)");
    t.print();
    return { output, result };
  } finally {
    bar.done();
  }
}

export function reportSummary(output: string, r: GenerateResult): string[] {
  return [
    `Wrote ${output}: ${r.sheets.join(", ")}.`,
    `${r.issues} row${r.issues === 1 ? "" : "s"} listed on the Issues sheet.`,
    r.pivotFallback ? `Static summaries stand in for PivotTables (${r.pivotFallback})` : `${r.pivots} PivotTables.`,
  ];
}
