/**
 * `stockbook report` end to end (issue 7) on an .xlsx file of 200,000 ledger rows + 20,000 assets (the data of
 * reports.bench.ts): a child process, wall time and peak RSS from /usr/bin/time when present.
 * Targets: ≤ 15 s and ≤ 1.5 GB. Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TABLE_NAMES, type TableName } from "../src/engine/schema/tables";
import { defaultSettings } from "../src/engine/settings";
import { tableSpec } from "../src/port/setup";
import { XlsxWorkbook } from "../src/xlsx/xlsxWorkbook";
import { data, type Cells } from "./reports.bench";

export async function writeBook(path: string, d: Record<TableName, Cells>): Promise<void> {
  const settings = defaultSettings();
  const wb = XlsxWorkbook.create();
  await wb.writeSettings(settings);
  for (const n of TABLE_NAMES) await wb.createTable({ ...tableSpec(n, settings), rows: d[n].rows });
  await wb.saveAs(path);
}

export function cliBench(book: string): Record<string, number | string> {
  const bin = join(__dirname, "..", "bin", "stockbook.js");
  const args = [bin, "report", book, "--from", "2024-01-01", "--to", "2024-12-31"];
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const memFile = join(tmpdir(), `stockbook-bench-mem-${process.pid}`);
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "%M", "-o", memFile, process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t0;
  const peakKb = timeBin && existsSync(memFile) ? Number(readFileSync(memFile, "utf8").trim().split("\n").pop()) : NaN;
  rmSync(memFile, { force: true });
  return {
    exitCode: r.status ?? -1,
    endToEndMs: Math.round(ms),
    peakMB: Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : "n/a",
    ...(r.status !== 0 ? { stderr: (r.stderr ?? "").slice(0, 300) } : {}),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const d = data();
  const dir = mkdtempSync(join(tmpdir(), "stockbook-bench-"));
  try {
    const book = join(dir, "big.xlsx");
    await writeBook(book, d);
    return { cli: cliBench(book) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
