/**
 * The Office.js port over the stateful Excel fake (test/fakes/excelFake.ts), seeded with raw tables, and a
 * snapshot of everything a person could see in the fake workbook: sheets (visibility, every cell's value, formula
 * and number format), tables, validations, conditional formats, PivotTables and charts.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { ExcelFake, type FakeValue } from "../fakes/excelFake";
import type { RawTables } from "../fixtures/hostile/base";

export function officeBook(tables: RawTables): { fake: ExcelFake; port: OfficeWorkbook } {
  const fake = new ExcelFake();
  for (const [name, t] of Object.entries(tables)) {
    if (t) fake.state.seedTable(name, name, t.header, t.rows as FakeValue[][]);
  }
  return { fake, port: new OfficeWorkbook(fake.run, { isSetSupported: () => true }) };
}

export interface SheetShot {
  name: string;
  visibility: string;
  cells: Record<string, { value: FakeValue; formula?: string; numberFormat: string }>;
}

export interface Shot {
  sheets: SheetShot[];
  tables: { name: string; sheet: string; rect: unknown }[];
  pivots: string[];
  charts: string[];
}

export function snapshot(fake: ExcelFake): Shot {
  const s = fake.state;
  return {
    sheets: s.sheets.map((sh) => ({
      name: sh.name,
      visibility: sh.visibility,
      cells: Object.fromEntries(
        [...sh.cells].map(([a, c]) => [a, { value: c.value, formula: c.formula, numberFormat: c.numberFormat }])
      ),
    })),
    tables: s.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect })),
    pivots: s.pivots.map((p) => `${p.sheet.name}/${p.name}`),
    charts: s.charts.map((c) => `${c.sheet.name}/${c.name}`),
  };
}

/** One sheet's snapshot by name, or undefined. */
export const sheetOf = (shot: Shot, name: string): SheetShot | undefined => shot.sheets.find((x) => x.name === name);
