/**
 * An in-memory workbook for the asset tests: tables as Excel holds them (header + rows of cells). Edits are
 * applied to the cells and the tables re-read through the schema parser, as the port and the task pane do.
 */
import { parseDateText } from "../../../src/engine/dates";
import type { EngineEdits } from "../../../src/engine/assets/edits";
import type { AssetRegister } from "../../../src/engine/assets/register";
import { isEngineError, type EngineError } from "../../../src/engine/errors";
import { parseTable, type Cell } from "../../../src/engine/schema";

export const D = (iso: string): number => {
  const s = parseDateText(iso);
  if (s === null) throw new Error(`bad test date ${iso}`);
  return s;
};

export interface RawTable {
  header: string[];
  rows: Cell[][];
}

export const ASSET_HEADER = [
  "AssetID",
  "Name",
  "Location",
  "Custodian",
  "Status",
  "AcquiredOn",
  "InServiceOn",
  "Cost",
  "LifeYears",
  "WarrantyExpires",
  "LastAuditedOn",
  "DisposedOn",
  "DisposalProceeds",
];
export const CHECKOUT_HEADER = ["AssetID", "CheckedOutTo", "CheckedOutOn", "DueOn", "ReturnedOn", "Location", "Notes"];
export const LOG_HEADER = ["Date", "AssetID", "Action", "From", "To", "By", "Notes"];

export type Rec = Record<string, Cell>;

function toCells(header: string[], rec: Rec): Cell[] {
  for (const k of Object.keys(rec)) if (!header.includes(k)) throw new Error(`no column ${k}`);
  return header.map((h) => (rec[h] === undefined ? null : rec[h]));
}

/** A plain asset acquired 2024-01-02, in service, at HQ. Override any column. */
export function asset(id: string, over: Rec = {}): Rec {
  return {
    AssetID: id,
    Name: `Laptop ${id}`,
    Location: "HQ",
    Custodian: null,
    Status: "In service",
    AcquiredOn: D("2024-01-02"),
    InServiceOn: D("2024-01-02"),
    Cost: 1200,
    LifeYears: 3,
    ...over,
  };
}

export class Book {
  assets: RawTable;
  checkouts: RawTable;
  log: RawTable;

  constructor(assets: Rec[], checkouts: Rec[] = [], log: Rec[] = []) {
    this.assets = { header: ASSET_HEADER, rows: assets.map((r) => toCells(ASSET_HEADER, r)) };
    this.checkouts = { header: CHECKOUT_HEADER, rows: checkouts.map((r) => toCells(CHECKOUT_HEADER, r)) };
    this.log = { header: LOG_HEADER, rows: log.map((r) => toCells(LOG_HEADER, r)) };
  }

  table(name: EngineEdits["table"]): RawTable {
    if (name === "Assets") return this.assets;
    if (name === "Checkouts") return this.checkouts;
    if (name === "AssetLog") return this.log;
    throw new Error(`asset operations never edit ${name}`);
  }

  parsed() {
    return {
      assets: parseTable("Assets", this.assets.header, this.assets.rows),
      checkouts: parseTable("Checkouts", this.checkouts.header, this.checkouts.rows),
      log: parseTable("AssetLog", this.log.header, this.log.rows),
    };
  }

  register(): AssetRegister {
    const p = this.parsed();
    return { assets: p.assets.rows, checkouts: p.checkouts.rows, log: p.log.rows };
  }

  apply(edits: readonly EngineEdits[]): void {
    for (const e of edits) {
      const t = this.table(e.table);
      for (const u of e.update) {
        const cells = t.rows[u.index];
        if (!cells) throw new Error(`no data row ${u.index} in ${e.table}`);
        for (const [k, v] of Object.entries(u.values)) {
          const col = t.header.indexOf(k);
          if (col < 0) throw new Error(`no column ${k} in ${e.table}`);
          cells[col] = v;
        }
      }
      for (const r of e.append) t.rows.push(toCells(t.header, r));
    }
  }

  /** Cells of a table as records (for readable assertions). */
  records(name: EngineEdits["table"]): Rec[] {
    const t = this.table(name);
    return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
  }
}

/** The value of an engine result, failing the test with the refusal's message if it is an error. */
export function ok<T>(r: T | EngineError): T {
  if (isEngineError(r)) throw new Error(`unexpected refusal: ${r.message}`);
  return r;
}

/** The refusal of an engine result, failing the test if it succeeded. */
export function err(r: unknown): EngineError {
  if (!isEngineError(r)) throw new Error("expected a refusal");
  return r;
}
