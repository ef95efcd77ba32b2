/**
 * Report model benchmark (issue 7), 200,000 ledger rows of 5,000 items + 20,000 assets (fixed seed): parsing the
 * five tables and building every report sheet's model (pure engine), in ms. Target: ≤ 2 s. The same data feed
 * cli.bench.ts (`stockbook report` end to end) and office.bench.ts (the Office.js path's syncs).
 * Figures are printed, never asserted.
 */
import { buildReports } from "../src/engine/reports/build";
import { createContext } from "../src/engine/reports/context";
import { SHEET_BUILDERS } from "../src/engine/reports/registry";
import type { ReportCell, ReportInput } from "../src/engine/reports/model";
import { reportOptions } from "../src/engine/reports/options";
import { parseTable } from "../src/engine/schema/parse";
import { TABLE_NAMES, TABLES, type TableName } from "../src/engine/schema/tables";
import { defaultSettings } from "../src/engine/settings";
import { makeLedger, prng } from "./inventory.bench";

const LEDGER_ROWS = 200_000;
const SKUS = 5_000;
const ASSETS = 20_000;
const BASE = 45292; // 2024-01-01
export const PERIOD = { from: 45292, to: 45657 }; // calendar 2024, the span of the generated ledger

export type Cells = { header: string[]; rows: ReportCell[][] };

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

export async function run(): Promise<Record<string, unknown>> {
  const d = data();
  modelBench(d); // warm-up: the first run pays for JIT compilation
  return { ledgerRows: LEDGER_ROWS, assets: ASSETS, model: modelBench(d) };
}
