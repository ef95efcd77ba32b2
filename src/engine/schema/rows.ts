/** Typed rows of the workbook's tables. `row` is the sheet row as Excel shows it; `index` the 0-based data row. */
import type { AssetAction, AssetStatus, Convention, ItemKind, LedgerType } from "./tables";

export interface RowRef {
  row: number;
  index: number;
}

export interface AssetRow extends RowRef {
  AssetID: string;
  Name: string | null;
  Category: string | null;
  Location: string | null;
  Custodian: string | null;
  Status: AssetStatus | null;
  AcquiredOn: number;
  InServiceOn: number | null;
  Cost: number;
  Salvage: number | null;
  LifeYears: number;
  Method: string | null;
  Convention: Convention | null;
  TaxMethod: string | null;
  TaxLifeYears: number | null;
  TaxConvention: Convention | null;
  WarrantyExpires: number | null;
  LastAuditedOn: number | null;
  Vendor: string | null;
  SerialNumber: string | null;
  CostCenter: string | null;
  DisposedOn: number | null;
  DisposalProceeds: number | null;
}

export interface CheckoutRow extends RowRef {
  AssetID: string;
  CheckedOutTo: string;
  CheckedOutOn: number;
  DueOn: number | null;
  ReturnedOn: number | null;
  Location: string | null;
  Notes: string | null;
}

export interface AssetLogRow extends RowRef {
  Date: number;
  AssetID: string;
  Action: AssetAction;
  From: string | null;
  To: string | null;
  By: string | null;
  Notes: string | null;
}

export interface ItemRow extends RowRef {
  SKU: string;
  Description: string | null;
  Kind: ItemKind | null;
  Category: string | null;
  Unit: string | null;
  Method: "FIFO" | "LIFO" | "WEIGHTED" | "MOVING" | null;
  ReorderPoint: number | null;
  ReorderQty: number | null;
  SafetyStock: number | null;
  LeadTimeDays: number | null;
  ListPrice: number | null;
  Supplier: string | null;
  CostCenter: string | null;
}

export interface LedgerRow extends RowRef {
  Date: number;
  SKU: string;
  Type: LedgerType;
  Quantity: number;
  UnitCost: number | null;
  UnitPrice: number | null;
  Location: string | null;
  ToLocation: string | null;
  Reference: string | null;
  Party: string | null;
}

export interface RowTypes {
  Assets: AssetRow;
  Checkouts: CheckoutRow;
  AssetLog: AssetLogRow;
  Items: ItemRow;
  Ledger: LedgerRow;
}
