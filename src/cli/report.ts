/** `stockbook report <book.xlsx>`: the report sheets written into a new file (never over the input). */
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReportRequest } from "../engine/reports/options";
import { generateReports, type GenerateResult } from "../reports/generate";
import { XlsxWorkbook } from "../xlsx/xlsxWorkbook";
import { BAD_FILE, CliFailure, type CliIO } from "./io";
import { openWorkbook, readInput } from "./open";
import { polishSheets } from "./polish";
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
    // Read, then let go of the source workbook (ExcelJS keeps all of it in memory) unless it is the target.
    const read = async () => {
      const source = await openWorkbook(book, (p) => bar.update(p));
      const input = await readInput(source, book, args, (step, done, total) => bar.update({ step, done, total }));
      return { input, source: args.withTables ? source : null };
    };
    const { input, source } = await read();
    let target: XlsxWorkbook;
    if (source) target = source;
    else {
      target = XlsxWorkbook.create({ onProgress: (p) => bar.update(p) });
      await target.writeSettings({ ...input.settings, ownedSheets: [] });
    }
    const result = await generateReports(target, { ...args, input }, (p) => bar.update(p));
    polishSheets(target.wb, result.sheets);
    bar.update({ step: `Saving ${output}`, done: 1, total: 1 });
    await target.saveAs(output);
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
