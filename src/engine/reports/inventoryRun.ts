/**
 * The one inventory valuation of a report run, shared by every sheet that needs it (Profitability, Inventory
 * Valuation, the inventory journal, Issues): the ledger is read and valued once with the report's options.
 */
import { readLedger, valueLedger, type LedgerInput, type ValuationResult } from "../inventory";
import type { ReportContext } from "./model";

export interface InventoryRun {
  input: LedgerInput;
  /** Valuation over [from, to] with lots and the cost of each Sale/CustomerReturn/outflow row. */
  result: ValuationResult;
}

export function inventoryRun(ctx: ReportContext): InventoryRun {
  return ctx.memo("inventory:run", () => {
    const { raw, settings, options } = ctx;
    const cells = (t: "Ledger" | "Items") => raw[t] ?? null;
    const ledger = cells("Ledger") ?? { header: ["Date", "SKU", "Type", "Quantity"], rows: [], headerRow: 1 };
    const items = cells("Items");
    const input = readLedger(ledger, items, {
      ledger: { headerMap: settings.headerMap.Ledger, headerRow: ledger.headerRow, date1904: ctx.date1904 },
      items: items ? { headerMap: settings.headerMap.Items, headerRow: items.headerRow, date1904: ctx.date1904 } : {},
    });
    const result = valueLedger(input.compiled, {
      from: options.from,
      to: options.to,
      method: options.valuationMethod ?? undefined,
      defaultMethod: settings.valuationMethod,
      fiscalYearEndMonth: options.fiscalYearEndMonth,
      weightedPeriod: settings.weightedPeriod,
      allowNegativeStock: options.allowNegativeStock,
      lots: true,
      lineCosts: true,
    });
    return { input, result };
  });
}
