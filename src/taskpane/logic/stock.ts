/**
 * Reads the Ledger and Items of a book and values them as of today with the workbook's settings; the low-stock
 * list comes from the engine's reorder rule (reorder point, else lead-time demand plus safety stock).
 */
import { readLedger, reorder, valueLedger, type LedgerInput, type TableCells } from "../../engine/inventory";
import type { ValuationResult } from "../../engine/inventory";
import { TABLES, type TableName } from "../../engine/schema/tables";
import type { Book } from "../../port/book";
import type { CellValue } from "../../port/types";

export interface LowStockLine {
  sku: string;
  description: string | null;
  onHand: number;
  reorderPoint: number;
  suggestedOrder: number;
  unitCost: number;
  supplier: string | null;
  unit: string | null;
}

export interface StockData {
  input: LedgerInput;
  valuation: ValuationResult;
  low: LowStockLine[];
  /** The Ledger's cells as read (to check a new movement against). */
  ledger: TableCells & { headerRow: number };
  items: (TableCells & { headerRow: number }) | null;
}

async function cells(book: Book, table: TableName): Promise<(TableCells & { headerRow: number }) | null> {
  const info = book.tables[table];
  if (!info) return null;
  const d = await book.port.readTable(info.name);
  return { header: d.header, rows: d.rows, headerRow: d.headerRow };
}

export function valueOptions(book: Book, today: number) {
  const s = book.settings;
  return {
    to: today,
    defaultMethod: s.valuationMethod,
    fiscalYearEndMonth: s.fiscalYearEndMonth,
    weightedPeriod: s.weightedPeriod,
    allowNegativeStock: s.allowNegativeStock,
  };
}

export function parseOptions(book: Book, table: TableName, headerRow: number) {
  return { headerMap: book.settings.headerMap[table], headerRow, date1904: book.date1904 };
}

/** Reads and values a ledger, optionally with extra rows (in the Ledger's own header order) appended. */
export function valueCells(
  book: Book,
  today: number,
  ledger: TableCells & { headerRow: number },
  items: (TableCells & { headerRow: number }) | null,
  extra: CellValue[][] = []
): { input: LedgerInput; valuation: ValuationResult } {
  const input = readLedger({ header: ledger.header, rows: [...ledger.rows, ...extra] }, items, {
    ledger: parseOptions(book, "Ledger", ledger.headerRow),
    items: items ? parseOptions(book, "Items", items.headerRow) : undefined,
  });
  return { input, valuation: valueLedger(input.compiled, valueOptions(book, today)) };
}

export async function readStock(book: Book, today: number): Promise<StockData> {
  const empty = { header: TABLES.Ledger.columns.map((c) => c.name), rows: [], headerRow: 1 };
  const [ledger, items] = await Promise.all([cells(book, "Ledger"), cells(book, "Items")]);
  const l = ledger ?? empty;
  const { input, valuation } = valueCells(book, today, l, items);
  const low: LowStockLine[] = [];
  for (const it of input.items) {
    if (it.Kind === "Service") continue;
    const r = valuation.get(it.SKU);
    if (!r || r.error || r.service) continue;
    const ro = reorder(r, it);
    if (ro.suggestedOrder > 0) {
      low.push({
        sku: it.SKU,
        description: it.Description,
        onHand: r.onHand,
        reorderPoint: ro.reorderPoint,
        suggestedOrder: Math.ceil(ro.suggestedOrder),
        unitCost: r.unitCost,
        supplier: it.Supplier,
        unit: it.Unit,
      });
    }
  }
  low.sort((a, b) => a.onHand - a.reorderPoint - (b.onHand - b.reorderPoint) || a.sku.localeCompare(b.sku));
  return { input, valuation, low, ledger: l, items };
}
