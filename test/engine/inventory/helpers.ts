/** Builds typed Ledger rows for tests: dates as ISO text, sheet rows numbered from 2 in the order given. */
import { toSerial } from "../../../src/engine/dates";
import type { ItemRow, LedgerRow } from "../../../src/engine/schema/rows";
import type { LedgerType } from "../../../src/engine/schema/tables";

export const day = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return toSerial(y, m, d);
};

export interface RowSpec {
  date: string | number;
  sku?: string;
  type: LedgerType;
  qty: number;
  cost?: number;
  price?: number;
  loc?: string;
  to?: string;
  ref?: string;
}

export function ledger(specs: RowSpec[]): LedgerRow[] {
  return specs.map((s, index) => ({
    row: index + 2,
    index,
    Date: typeof s.date === "number" ? s.date : day(s.date),
    SKU: s.sku ?? "W",
    Type: s.type,
    Quantity: s.qty,
    UnitCost: s.cost ?? null,
    UnitPrice: s.price ?? null,
    Location: s.loc ?? null,
    ToLocation: s.to ?? null,
    Reference: s.ref ?? null,
    Party: null,
  }));
}

export function item(sku: string, extra: Partial<ItemRow> = {}): ItemRow {
  return {
    row: 2,
    index: 0,
    SKU: sku,
    Description: null,
    Kind: null,
    Category: null,
    Unit: null,
    Method: null,
    ReorderPoint: null,
    ReorderQty: null,
    SafetyStock: null,
    LeadTimeDays: null,
    ListPrice: null,
    Supplier: null,
    CostCenter: null,
    ...extra,
  };
}
