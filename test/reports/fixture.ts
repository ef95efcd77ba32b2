/** A small workbook with the five tables, as an accountant would have it, in the in-memory port. */
import { toSerial } from "../../src/engine/dates";
import { TABLE_NAMES, type TableName } from "../../src/engine/schema/tables";
import { defaultSettings } from "../../src/engine/settings";
import { MemoryWorkbook, type MemoryOptions } from "../../src/port/memory";
import { tableSpec } from "../../src/port/setup";
import type { CellValue } from "../../src/port/types";

export const d = (y: number, m: number, day: number): number => toSerial(y, m, day);

export const SAMPLE: Partial<Record<TableName, Record<string, CellValue>[]>> = {
  Assets: [
    {
      AssetID: "A-1",
      Name: "Van",
      Category: "Vehicles",
      Location: "Depot",
      Status: "In service",
      AcquiredOn: d(2024, 1, 1),
      Cost: 10000,
      Salvage: 1000,
      LifeYears: 5,
      Method: "SL",
    },
    {
      AssetID: "A-2",
      Name: "Laptop",
      Category: "IT",
      Location: "HQ",
      Status: "Disposed",
      AcquiredOn: d(2023, 1, 1),
      Cost: 12000,
      LifeYears: 4,
      DisposedOn: d(2025, 7, 1),
      DisposalProceeds: 5000,
    },
    {
      AssetID: '=HYPERLINK("x")',
      Name: "Formula-looking id",
      Category: "IT",
      AcquiredOn: d(2025, 2, 1),
      Cost: 300,
      LifeYears: 3,
    },
  ],
  Items: [{ SKU: "S1", Description: "Widget", Kind: "Stock", Category: "Parts" }],
  Ledger: [
    { Date: d(2025, 1, 2), SKU: "S1", Type: "Receipt", Quantity: 10, UnitCost: 2 },
    { Date: d(2025, 2, 3), SKU: "S1", Type: "Sale", Quantity: 4, UnitPrice: 5 },
    { Date: "soon", SKU: "S1", Type: "Sale", Quantity: 1, UnitPrice: 5 },
  ],
};

export async function sampleBook(opts: MemoryOptions = {}): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook(opts);
  const settings = defaultSettings();
  for (const n of TABLE_NAMES) {
    const spec = tableSpec(n, settings);
    const recs = SAMPLE[n] ?? [];
    await wb.createTable({ ...spec, rows: recs.map((r) => spec.headers.map((h) => r[h] ?? null)) });
  }
  return wb;
}

export const FY2025 = { from: d(2025, 1, 1), to: d(2025, 12, 31), now: new Date(2026, 0, 15, 9, 30) };
