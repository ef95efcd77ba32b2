/**
 * Running the reports on a workbook built from raw tables, and reading back what a person would check: the
 * Issues sheet's list and its rows-per-table summary, every generated cell, and a hash of the source tables.
 */
import { createHash } from "crypto";
import { MemoryWorkbook } from "../../src/port/memory";
import type { CellValue } from "../../src/port/types";
import type { TableName } from "../../src/engine/schema/tables";
import type { RawTables } from "../fixtures/hostile/base";

export function memoryBook(tables: RawTables): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (const [name, t] of Object.entries(tables)) if (t) wb.addUserTable(name, t.header, t.rows);
  return wb;
}

/** SHA-256 of the user tables (name, sheet, header, every cell), to prove a run left them as they were. */
export function hashTables(wb: MemoryWorkbook, names: readonly string[]): string {
  const h = createHash("sha256");
  for (const n of [...names].sort()) {
    const t = wb.tables.get(n);
    h.update(JSON.stringify(t ? [t.name, t.sheet, t.headerRow, t.header, t.rows] : null));
  }
  return h.digest("hex");
}

export interface IssueLine {
  table: string;
  row: number | null;
  column: string | null;
  value: CellValue;
  problem: string;
  effect: string;
}

/** The Issues sheet's list (its fact table, whatever it is called, found by its headers). */
export function issuesOf(wb: MemoryWorkbook): IssueLine[] {
  const t = [...wb.tables.values()].find(
    (x) => x.sheet === "Issues" && x.header.includes("Problem") && x.header.includes("Row")
  );
  if (!t) throw new Error("no issues table on the Issues sheet");
  const i = (h: string) => t.header.indexOf(h);
  return t.rows.map((r) => ({
    table: String(r[i("Table")]),
    row: typeof r[i("Row")] === "number" ? (r[i("Row")] as number) : null,
    column: r[i("Column")] === null ? null : String(r[i("Column")]),
    value: r[i("Value")],
    problem: String(r[i("Problem")] ?? ""),
    effect: String(r[i("Effect")] ?? ""),
  }));
}

/** Rows in / used per table, from the Issues sheet's "Rows per table" block. */
export function rowCountsOf(wb: MemoryWorkbook): Record<string, { rowsIn: number; used: number; check: number }> {
  const v = wb.sheetValues("Issues");
  const top = v.findIndex((r) => r[0] === "Table" && r.includes("Rows in") && r.includes("Rows used"));
  if (top < 0) throw new Error("no rows-per-table block on the Issues sheet");
  const head = v[top];
  const out: Record<string, { rowsIn: number; used: number; check: number }> = {};
  for (let k = top + 1; k < v.length && typeof v[k][0] === "string" && v[k][0] !== ""; k++) {
    const r = v[k];
    out[String(r[0])] = {
      rowsIn: Number(r[head.indexOf("Rows in")]),
      used: Number(r[head.indexOf("Rows used")]),
      check: Number(r[head.length - 1]),
    };
  }
  return out;
}

/** Every cell of every sheet the add-in owns (the generated ones), with where it is. */
export async function generatedCells(
  wb: MemoryWorkbook
): Promise<{ sheet: string; r: number; c: number; v: CellValue }[]> {
  const out: { sheet: string; r: number; c: number; v: CellValue }[] = [];
  for (const s of await wb.ownedSheets()) {
    wb.sheetValues(s).forEach((row, r) => row.forEach((v, c) => out.push({ sheet: s, r, c, v })));
  }
  return out;
}

export const TABLES_OF = (t: RawTables): TableName[] => Object.keys(t) as TableName[];
