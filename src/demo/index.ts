/**
 * The demo workbook: a small distributor's five tables (Assets, Checkouts, AssetLog, Items, Ledger) generated
 * from a fixed seed, dated relative to `today` so loans are overdue and warranties expire "now". Pure: returns
 * the values Excel would hold (serial dates, numbers, text, blanks). Used by the task pane's demo mode, the
 * CLI demo and report tests.
 */
import { TABLE_NAMES, type TableName } from "../engine/schema/tables";
import { defaultSettings } from "../engine/settings";
import type { MemoryWorkbook } from "../port/memory";
import { tableSpec } from "../port/setup";
import type { CellValue } from "../port/types";
import { ASSET_HEADER, CHECKOUT_HEADER, demoRegister, LOG_HEADER } from "./assets";
import { demoItems, itemRows, ITEM_HEADER } from "./items";
import { demoLedger, LEDGER_HEADER } from "./ledger";
import { rng } from "./random";

export const DEMO_SEED = 20240601;

export interface DemoTable {
  header: string[];
  rows: CellValue[][];
}

export type DemoTables = Record<TableName, DemoTable>;

export function demoWorkbook(today: number, seed = DEMO_SEED): DemoTables {
  const today0 = Math.floor(today);
  // Separate streams per table, so changing one generator does not reshuffle the others.
  const reg = demoRegister(rng(seed), today0);
  const items = demoItems(rng(seed + 1));
  return {
    Assets: { header: [...ASSET_HEADER], rows: reg.assets },
    Checkouts: { header: [...CHECKOUT_HEADER], rows: reg.checkouts },
    AssetLog: { header: [...LOG_HEADER], rows: reg.log },
    Items: { header: [...ITEM_HEADER], rows: itemRows(items) },
    Ledger: { header: [...LEDGER_HEADER], rows: demoLedger(rng(seed + 2), items, today0) },
  };
}

export interface FillOptions {
  /** Tables to leave out (to show "Set up tables"). */
  omit?: readonly TableName[];
  seed?: number;
}

/**
 * Loads the demo tables into an in-memory workbook, each on its own sheet named like the table, carrying the
 * same spec (formats, validation lists, conditional formats) "Set up tables" would have given it.
 */
export function fillMemoryWorkbook(wb: MemoryWorkbook, today: number, opts: FillOptions = {}): void {
  const data = demoWorkbook(today, opts.seed);
  const settings = defaultSettings();
  for (const name of TABLE_NAMES) {
    if (opts.omit?.includes(name)) continue;
    wb.addUserTable(name, data[name].header, data[name].rows);
    const t = wb.tables.get(name);
    if (t) t.spec = tableSpec(name, settings);
  }
}
