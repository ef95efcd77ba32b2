/**
 * `stockbook report` end to end (issue 7) on an .xlsx file of 200,000 ledger rows + 20,000 assets (the data of
 * reports.bench.ts): a child process, wall time, CPU time (user + system: the work itself, which a loaded machine
 * does not inflate) and peak RSS from /usr/bin/time when present, and the CLI's own phase timings
 * (STOCKBOOK_PROFILE=1: open, read + parse, model + sheet specs, save). The input is written with XlsxWorkbook
 * (ExcelJS), as Excel-like as a file made without Excel gets; that setup is timed apart (inputWriteMs).
 * Targets: ≤ 15 s and ≤ 1.5 GB. Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
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

export function cliBench(book: string): Record<string, unknown> {
  const bin = join(__dirname, "..", "bin", "stockbook.js");
  const args = [bin, "report", book, "--from", "2024-01-01", "--to", "2024-12-31"];
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const memFile = join(tmpdir(), `stockbook-bench-mem-${process.pid}`);
  const t0 = performance.now();
  const env = { ...process.env, STOCKBOOK_PROFILE: "1" };
  const load = loadavg()[0];
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "%M %U %S", "-o", memFile, process.execPath, ...args], { encoding: "utf8", env })
    : spawnSync(process.execPath, args, { encoding: "utf8", env });
  const ms = performance.now() - t0;
  const [peakKb, user, sys] =
    timeBin && existsSync(memFile)
      ? (readFileSync(memFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number)
      : [NaN, NaN, NaN];
  rmSync(memFile, { force: true });
  // "profile: <phase>   1234 ms  rss 456 MB" lines on stderr (src/cli/phases.ts).
  const phases: Record<string, string> = {};
  for (const m of (r.stderr ?? "").matchAll(/^profile: (.*?)\s{2,}(.+)$/gm))
    phases[m[1]] = m[2].trim().replace(/\s+/g, " ");
  return {
    exitCode: r.status ?? -1,
    endToEndMs: Math.round(ms),
    cpuMs: Number.isFinite(user) ? Math.round((user + sys) * 1000) : "n/a",
    peakMB: Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : "n/a",
    loadAverageAtStart: Math.round(load * 100) / 100,
    phases,
    ...(r.status !== 0 ? { stderr: (r.stderr ?? "").slice(0, 300) } : {}),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const d = data();
  const dir = mkdtempSync(join(tmpdir(), "stockbook-bench-"));
  try {
    const book = join(dir, "big.xlsx");
    const t0 = performance.now();
    await writeBook(book, d);
    const inputWriteMs = Math.round(performance.now() - t0);
    return { cli: cliBench(book), inputWriteMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
