/**
 * Reads the Ledger (and optionally Items) table as Excel holds it into a compiled ledger, and attributes every
 * row that parsing had to skip or blank to its item: bad data then shows in that item's figures only. A
 * missing required column, or a bad row whose SKU itself cannot be read, concerns every item.
 */
import { valueError, type EngineError } from "../errors";
import { inventoryMessages as M } from "../messages/inventory";
import { parseTable, type Cell, type Issue, type ParseOptions } from "../schema";
import type { ItemRow, LedgerRow } from "../schema/rows";
import { readLedgerCells, ledgerRowsOf } from "./cells";
import { compileLedger, compileRaw, type CompiledLedger } from "./compile";

export interface TableCells {
  header: readonly Cell[];
  rows: readonly (readonly Cell[])[];
}

export interface LedgerInput {
  compiled: CompiledLedger;
  rows: LedgerRow[];
  items: ItemRow[];
  /** Lower-case SKU -> the first bad-data error among its Ledger and Items rows. */
  skuErrors: Map<string, EngineError>;
  /** An error that concerns every item (missing column, unreadable SKU on a bad row), else null. */
  tableError: EngineError | null;
  /** Every parsing issue of both tables (for the Issues sheet). */
  issues: Issue[];
}

export function readLedger(
  ledger: TableCells,
  items?: TableCells | null,
  opts: { ledger?: ParseOptions; items?: ParseOptions } = {}
): LedgerInput {
  // Items first (small): the compiled ledger numbers its SKUs from them.
  const pi = items ? parseTable("Items", items.header, items.rows, opts.items) : null;
  const itemRows: ItemRow[] = pi ? pi.rows : [];
  // The Ledger's cells straight into columns; the parser only when a required column is missing.
  const fast = readLedgerCells(ledger.header, ledger.rows, opts.ledger, itemRows, true);
  const parsed = fast
    ? { issues: fast.issues, columns: fast.columns, rows: null }
    : parseTable("Ledger", ledger.header, ledger.rows, opts.ledger);
  const skuErrors = new Map<string, EngineError>();
  let tableError: EngineError | null = null;
  const issues: Issue[] = [...parsed.issues];
  const attribute = (
    table: "Ledger" | "Items",
    list: Issue[],
    cells: TableCells,
    skuCol: number | undefined,
    headerRow: number
  ) => {
    for (const is of list) {
      if (is.row !== null && is.column === null) continue; // a blank row: nothing to value, nothing wrong
      if (is.row === null || skuCol === undefined) {
        tableError ??= valueError(M.ledgerUnusable(is.message), { table, column: is.column ?? undefined });
        continue;
      }
      if (is.row === headerRow) continue; // duplicate header: a warning about the header, not data
      const raw = cells.rows[is.row - headerRow - 1]?.[skuCol];
      const sku = raw === null || raw === undefined ? "" : String(raw).trim();
      const where = { table, row: is.row, column: is.column ?? undefined };
      // The schema's message says what parsing did with the row; here what matters is what to correct.
      const what = is.message.replace(/; the (row is skipped|value is ignored)\.$/, "");
      const detail = `${what}${is.value !== null ? ` (found "${String(is.value)}")` : ""}.`;
      if (!sku || is.column === "SKU") {
        tableError ??= valueError(M.badRowNoSku(is.row, detail, table), where);
        continue;
      }
      const key = sku.toLowerCase();
      if (!skuErrors.has(key)) skuErrors.set(key, valueError(M.badRow(sku, is.row, detail, table), where));
    }
  };
  attribute("Ledger", parsed.issues, ledger, parsed.columns.SKU, opts.ledger?.headerRow ?? 1);
  if (items && pi) {
    issues.push(...pi.issues);
    attribute("Items", pi.issues, items, pi.columns.SKU, opts.items?.headerRow ?? 1);
  }
  // Typed rows are parsed only if someone reads them (the valuation does not need them).
  let rows: LedgerRow[] | null = parsed.rows;
  return {
    compiled: fast ? compileRaw(fast.raw) : compileLedger(parsed.rows ?? [], itemRows),
    get rows() {
      return (rows ??= ledgerRowsOf(ledger.header, ledger.rows, opts.ledger));
    },
    items: itemRows,
    skuErrors,
    tableError,
    issues,
  };
}
