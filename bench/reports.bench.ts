/**
 * Report benchmarks (issue 7), 200,000 ledger rows of 5,000 items + 20,000 assets (fixed seed):
 * - model: parsing the five tables and building every report sheet's model (pure engine), in ms;
 * - cli: `stockbook report` end to end on an .xlsx file (a child process: wall time and peak RSS from
 *   /usr/bin/time when present);
 * - office: generateReports through the Office.js port against the counting Excel fake (test/fakes/excelFake):
 *   syncs, requests and the largest request.
 * Targets (issue 7): model ≤ 2 s; CLI ≤ 15 s and ≤ 1.5 GB; Office ≤ 10 syncs plus read and write chunks, no
 * request over 4 MB. Figures are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReports } from "../src/engine/reports/build";
import { createContext } from "../src/engine/reports/context";
import { SHEET_BUILDERS } from "../src/engine/reports/registry";
import type { ReportCell, ReportInput } from "../src/engine/reports/model";
import { reportOptions } from "../src/engine/reports/options";
import { parseTable } from "../src/engine/schema/parse";
import { TABLE_NAMES, TABLES, type TableName } from "../src/engine/schema/tables";
import { defaultSettings } from "../src/engine/settings";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { tableSpec } from "../src/port/setup";
import { generateReports } from "../src/reports/generate";
import { XlsxWorkbook } from "../src/xlsx/xlsxWorkbook";
import { ExcelFake } from "../test/fakes/excelFake";
import { makeLedger, prng } from "./inventory.bench";

const LEDGER_ROWS = 200_000;
const SKUS = 5_000;
const ASSETS = 20_000;
const BASE = 45292; // 2024-01-01
const PERIOD = { from: 45292, to: 45657 }; // calendar 2024, the span of the generated ledger

type Cells = { header: string[]; rows: ReportCell[][] };

function assetCells(n: number): Cells {
  const rnd = prng(7);
  const header = TABLES.Assets.columns.map((c) => c.name);
  const cats = ["IT", "Vehicles", "Furniture", "Tools", "Plant"];
  const locs = ["HQ", "Depot", "North", "South", "Field"];
  const methods = ["SL", "SL", "SL", "DDB", "SYD", "150DB"];
  const rows = Array.from({ length: n }, (_, i) => {
    const acquired = BASE - 1500 + Math.floor(rnd() * 2000);
    const cost = Math.round(500 + rnd() * 50000) / 1;
    const disposed = rnd() < 0.05 ? acquired + 200 + Math.floor(rnd() * 500) : null;
    const rec: Record<string, ReportCell> = {
      AssetID: `A-${String(i).padStart(6, "0")}`,
      Name: `Asset ${i}`,
      Category: cats[i % cats.length],
      Location: locs[Math.floor(rnd() * locs.length)],
      Custodian: rnd() < 0.3 ? `Person ${i % 400}` : null,
      Status: disposed ? "Disposed" : "In service",
      AcquiredOn: acquired,
      InServiceOn: acquired,
      Cost: cost,
      Salvage: Math.round(cost * 0.1),
      LifeYears: 3 + (i % 8),
      Method: methods[i % methods.length],
      TaxMethod: i % 4 === 0 ? "MACRS" : null,
      TaxLifeYears: i % 4 === 0 ? 5 : null,
      WarrantyExpires: acquired + 1095,
      LastAuditedOn: rnd() < 0.7 ? acquired + 300 : null,
      CostCenter: `CC-${i % 12}`,
      DisposedOn: disposed,
      DisposalProceeds: disposed ? Math.round(cost * 0.3) : null,
    };
    return header.map((h) => rec[h] ?? null);
  });
  return { header, rows };
}

function ledgerCells(): Cells {
  const header = TABLES.Ledger.columns.map((c) => c.name);
  const rows = makeLedger(LEDGER_ROWS, SKUS).map((r) =>
    header.map((h) => (r as unknown as Record<string, ReportCell>)[h] ?? null)
  );
  return { header, rows };
}

function itemCells(): Cells {
  const header = TABLES.Items.columns.map((c) => c.name);
  const rows = Array.from({ length: SKUS }, (_, s) =>
    header.map((h) =>
      h === "SKU"
        ? `SKU-${String(s).padStart(5, "0")}`
        : h === "Kind"
          ? "Stock"
          : h === "Category"
            ? `Cat ${s % 20}`
            : null
    )
  );
  return { header, rows };
}

export function data(): Record<TableName, Cells> {
  const empty = (t: TableName): Cells => ({ header: TABLES[t].columns.map((c) => c.name), rows: [] });
  return {
    Assets: assetCells(ASSETS),
    Checkouts: empty("Checkouts"),
    AssetLog: empty("AssetLog"),
    Items: itemCells(),
    Ledger: ledgerCells(),
  };
}

export function modelBench(d: Record<TableName, Cells>): Record<string, number> {
  const settings = defaultSettings();
  const t0 = performance.now();
  const tables = {} as Record<TableName, unknown>;
  const raw: ReportInput["raw"] = {};
  for (const n of TABLE_NAMES) {
    tables[n] = parseTable(n, d[n].header, d[n].rows);
    raw[n] = { ...d[n], headerRow: 1 };
  }
  const t1 = performance.now();
  const options = reportOptions(settings, { ...PERIOD, now: new Date(2026, 0, 15) });
  const input = { tables: tables as ReportInput["tables"], raw, settings, options };
  const built = buildReports(input);
  const t2 = performance.now();
  // Per builder (each on a fresh context, so shared runs — inventory, depreciation — count where first used).
  const perSheet: Record<string, number> = {};
  const ctx = createContext(input);
  for (const b of SHEET_BUILDERS) {
    const t = performance.now();
    b.build(ctx);
    perSheet[`${b.sheet}Ms`] = Math.round(performance.now() - t);
  }
  return {
    parseMs: Math.round(t1 - t0),
    buildMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    factRows: built.sheets.reduce((s, m) => s + m.tables.reduce((k, t) => k + t.rows.length, 0), 0),
    ...perSheet,
  };
}

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

export async function officeBench(d: Record<TableName, Cells>): Promise<Record<string, number>> {
  const fake = new ExcelFake();
  const settings = defaultSettings();
  for (const n of TABLE_NAMES) {
    const spec = tableSpec(n, settings);
    fake.state.seedTable(
      n,
      n,
      spec.headers,
      d[n].rows.map((r) => r.map((v) => (v === null ? "" : v)))
    );
  }
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  fake.resetCounters();
  const t0 = performance.now();
  let readSyncs = 0;
  const perSheet: Record<string, number> = {};
  let last = "";
  let at = 0;
  const res = await generateReports(port, { ...PERIOD, now: new Date(2026, 0, 15) }, (p) => {
    if (p.step === "Computing reports" && p.done === 0) readSyncs = fake.syncs;
    if (p.step !== last) {
      if (last.startsWith("Writing ")) perSheet[last.slice(8)] = fake.syncs - at;
      last = p.step;
      at = fake.syncs;
    }
  });
  const ms = performance.now() - t0;
  return {
    sheets: res.sheets.length,
    pivots: res.pivots,
    syncs: fake.syncs,
    readSyncs,
    ...Object.fromEntries(Object.entries(perSheet).map(([k, v]) => [`syncsWriting ${k}`, v])),
    requests: fake.requests.length,
    largestRequestMB: Math.round((fake.largestRequest / 1024 / 1024) * 100) / 100,
    ms: Math.round(ms),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const d = data();
  const model = modelBench(d);
  const dir = mkdtempSync(join(tmpdir(), "stockbook-bench-"));
  try {
    const book = join(dir, "big.xlsx");
    await writeBook(book, d);
    const cli = cliBench(book);
    const office = await officeBench(d);
    return { ledgerRows: LEDGER_ROWS, assets: ASSETS, model, cli, office };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
