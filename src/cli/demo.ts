/**
 * `stockbook demo [dir]`: writes the fixed-seed demo workbook (src/demo) and its report, so anyone can see
 * Stockbook work without Excel. Dates in the demo are relative to today (or --today), so loans are overdue and
 * warranties expire "now".
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { todaySerial } from "../engine/dates";
import { TABLE_NAMES } from "../engine/schema/tables";
import { defaultSettings } from "../engine/settings";
import { demoWorkbook } from "../demo";
import { tableSpec } from "../port/setup";
import type { CliIO } from "./io";
import { runReport, type ReportArgs } from "./report";
import { loadXlsxWorkbook } from "./lazy";

export const DEMO_FILE = "stockbook-demo.xlsx";

export async function writeDemoWorkbook(path: string, today: number): Promise<void> {
  const data = demoWorkbook(today);
  const settings = defaultSettings();
  const { XlsxWorkbook } = loadXlsxWorkbook();
  const wb = XlsxWorkbook.create();
  await wb.writeSettings(settings);
  for (const n of TABLE_NAMES) {
    const spec = tableSpec(n, settings);
    const t = data[n];
    // Put each demo column under the spec's header of the same name (the demo may order columns its own way).
    const at = spec.headers.map((h) => t.header.findIndex((x) => x.toLowerCase() === h.toLowerCase()));
    await wb.createTable({ ...spec, rows: t.rows.map((r) => at.map((i) => (i < 0 ? null : (r[i] ?? null)))) });
  }
  await wb.activateSheet(TABLE_NAMES[0]);
  await wb.saveAs(path);
}

export async function runDemo(
  dir: string,
  args: ReportArgs & { today?: number },
  io: CliIO
): Promise<{ workbook: string; report: string }> {
  mkdirSync(dir, { recursive: true });
  const workbook = join(dir, DEMO_FILE);
  const today = args.today ?? todaySerial(args.now ?? new Date());
  await writeDemoWorkbook(workbook, today);
  const { output } = await runReport(workbook, { to: today, ...args }, io);
  return { workbook, report: output };
}
