/**
 * The one inventory valuation of a report run, shared by every sheet that needs it (Profitability, Inventory
 * Valuation, the inventory journal, Issues): valued once with the report's options, from the Ledger and Items
 * rows the run already parsed (parsing 200,000 rows again would double the report's time).
 */
import { valueError, type EngineError } from "../errors";
import { compileLedger, valueLedger, type LedgerInput, type ValuationResult } from "../inventory";
import { inventoryMessages as IM } from "../messages/inventory";
import type { Issue } from "../schema/parse";
import type { ReportContext } from "./model";

export interface InventoryRun {
  /** As readLedger would return it for the same cells (compiled ledger, rows, per-item bad-data errors). */
  input: LedgerInput;
  /** Valuation over [from, to] with lots and the cost of each Sale/CustomerReturn/outflow row. */
  result: ValuationResult;
}

type Cells = { header: readonly unknown[]; rows: readonly (readonly unknown[])[]; headerRow: number };

/**
 * Which item each bad Ledger/Items row concerns, so that item's figures are withheld and marked. Mirrors the
 * attribution in src/engine/inventory/read.ts (readLedger), run on the issues the report already has.
 */
function attribute(
  table: "Ledger" | "Items",
  issues: readonly Issue[],
  cells: Cells | null,
  skuCol: number | undefined,
  skuErrors: Map<string, EngineError>,
  setTableError: (e: EngineError) => void
): void {
  const headerRow = cells?.headerRow ?? 1;
  for (const is of issues) {
    if (is.row !== null && is.column === null) continue; // a blank row: nothing to value, nothing wrong
    if (is.row === null || skuCol === undefined || cells === null) {
      setTableError(valueError(IM.ledgerUnusable(is.message), { table, column: is.column ?? undefined }));
      continue;
    }
    if (is.row === headerRow) continue;
    const raw = cells.rows[is.row - headerRow - 1]?.[skuCol];
    const sku = raw === null || raw === undefined ? "" : String(raw).trim();
    const where = { table, row: is.row, column: is.column ?? undefined };
    const what = is.message.replace(/; the (row is skipped|value is ignored)\.$/, "");
    const detail = `${what}${is.value !== null ? ` (found "${String(is.value)}")` : ""}.`;
    if (!sku || is.column === "SKU") {
      setTableError(valueError(IM.badRowNoSku(is.row, detail, table), where));
      continue;
    }
    const key = sku.toLowerCase();
    if (!skuErrors.has(key)) skuErrors.set(key, valueError(IM.badRow(sku, is.row, detail, table), where));
  }
}

export function inventoryRun(ctx: ReportContext): InventoryRun {
  return ctx.memo("inventory:run", () => {
    const { settings, options } = ctx;
    const L = ctx.tables.Ledger;
    const I = ctx.tables.Items;
    const skuErrors = new Map<string, EngineError>();
    let tableError: EngineError | null = null;
    const setTableError = (e: EngineError) => {
      tableError ??= e;
    };
    attribute("Ledger", L.issues, ctx.raw.Ledger ?? null, L.columns.SKU, skuErrors, setTableError);
    if (ctx.raw.Items) attribute("Items", I.issues, ctx.raw.Items, I.columns.SKU, skuErrors, setTableError);
    const compiled = compileLedger(L.rows, I.rows);
    const input: LedgerInput = {
      compiled,
      rows: L.rows,
      items: I.rows,
      skuErrors,
      tableError,
      issues: [...L.issues, ...(ctx.raw.Items ? I.issues : [])],
    };
    const result = valueLedger(compiled, {
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
