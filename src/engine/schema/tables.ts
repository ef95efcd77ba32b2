/**
 * The workbook's tables (DESIGN.md): columns, their types, which are required, header synonyms and value lists.
 * Header matching ignores case, spaces, underscores and punctuation, so only truly different words are synonyms.
 */
export type TableName = "Assets" | "Checkouts" | "AssetLog" | "Items" | "Ledger";
export const TABLE_NAMES: readonly TableName[] = ["Assets", "Checkouts", "AssetLog", "Items", "Ledger"];

export type ColumnType = "text" | "number" | "date" | "choice";

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly synonyms?: readonly string[];
  /** For type "choice": the canonical values (matched ignoring case and spaces). */
  readonly values?: readonly string[];
  /** Numbers must be >= 0 (costs, prices, lives). */
  readonly nonNegative?: boolean;
}

export interface TableDef {
  readonly name: TableName;
  readonly columns: readonly ColumnDef[];
  /** Column that identifies a row (duplicates are issues), if any. */
  readonly key?: string;
}

export const STATUS_VALUES = ["In service", "Checked out", "In repair", "Lost", "Disposed"] as const;
export type AssetStatus = (typeof STATUS_VALUES)[number];
export const CONVENTION_VALUES = ["FM", "MM", "HY", "MQ", "DAYS"] as const;
export type Convention = (typeof CONVENTION_VALUES)[number];
export const DEPRECIATION_METHOD_VALUES = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS", "UOP", "NONE"] as const;
export const VALUATION_METHOD_VALUES = ["FIFO", "LIFO", "WEIGHTED", "MOVING"] as const;
export const KIND_VALUES = ["Stock", "Service"] as const;
export type ItemKind = (typeof KIND_VALUES)[number];
export const LEDGER_TYPES = [
  "Receipt",
  "Sale",
  "Issue",
  "CustomerReturn",
  "VendorReturn",
  "Transfer",
  "Adjustment",
] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];
export const ASSET_ACTIONS = ["CheckOut", "CheckIn", "Move", "Audit", "Dispose"] as const;
export type AssetAction = (typeof ASSET_ACTIONS)[number];

const text = (name: string, synonyms: string[] = [], required = false): ColumnDef => ({
  name,
  type: "text",
  synonyms,
  required,
});
const num = (name: string, synonyms: string[] = [], required = false, nonNegative = true): ColumnDef => ({
  name,
  type: "number",
  synonyms,
  required,
  nonNegative,
});
const date = (name: string, synonyms: string[] = [], required = false): ColumnDef => ({
  name,
  type: "date",
  synonyms,
  required,
});
const choice = (name: string, values: readonly string[], synonyms: string[] = [], required = false): ColumnDef => ({
  name,
  type: "choice",
  values,
  synonyms,
  required,
});

export const TABLES: Readonly<Record<TableName, TableDef>> = {
  Assets: {
    name: "Assets",
    key: "AssetID",
    columns: [
      text("AssetID", ["Asset Tag", "Tag", "Asset No", "Asset Number", "Asset"], true),
      text("Name", ["Asset Name", "Description"]),
      text("Category", ["Class", "Asset Class", "Type"]),
      text("Location", ["Site", "Where"]),
      text("Custodian", ["Assigned To", "Holder", "User", "Owner"]),
      choice("Status", STATUS_VALUES, ["State"]),
      date("AcquiredOn", ["Acquired", "Purchase Date", "Purchased", "Date Acquired", "Acquisition Date"], true),
      date("InServiceOn", ["In Service", "Placed In Service", "Service Date", "In Service Date"]),
      num("Cost", ["Purchase Cost", "Cost Basis", "Basis", "Purchase Price"], true),
      num("Salvage", ["Salvage Value", "Residual", "Residual Value", "Scrap Value"]),
      num("LifeYears", ["Life", "Useful Life", "Life (Years)", "Useful Life Years"], true),
      choice("Method", DEPRECIATION_METHOD_VALUES, ["Depreciation Method", "Book Method"]),
      choice("Convention", CONVENTION_VALUES, ["Book Convention"]),
      choice("TaxMethod", DEPRECIATION_METHOD_VALUES, ["Tax Depreciation Method"]),
      num("TaxLifeYears", ["Tax Life", "Recovery Period"]),
      choice("TaxConvention", CONVENTION_VALUES),
      date("WarrantyExpires", ["Warranty", "Warranty End", "Warranty Expiry", "Warranty Expiration"]),
      date("LastAuditedOn", ["Last Audit", "Last Audited", "Audited On"]),
      text("Vendor", ["Supplier"]),
      text("SerialNumber", ["Serial", "Serial No", "S/N"]),
      text("CostCenter", ["Cost Centre", "Department", "Dept"]),
      date("DisposedOn", ["Disposed", "Disposal Date", "Date Disposed"]),
      num("DisposalProceeds", ["Proceeds", "Sale Proceeds"]),
    ],
  },
  Checkouts: {
    name: "Checkouts",
    columns: [
      text("AssetID", ["Asset Tag", "Tag", "Asset No", "Asset Number", "Asset"], true),
      text("CheckedOutTo", ["Checked Out To", "Borrower", "To", "Assigned To", "Holder"], true),
      date("CheckedOutOn", ["Checked Out", "Out", "Out On", "Checkout Date", "Loan Date"], true),
      date("DueOn", ["Due", "Due Date", "Expected Return", "Expected Checkin"]),
      date("ReturnedOn", ["Returned", "Return Date", "Checked In", "Checked In On"]),
      text("Location"),
      text("Notes", ["Note", "Comment", "Comments"]),
    ],
  },
  AssetLog: {
    name: "AssetLog",
    columns: [
      date("Date", ["On", "When"], true),
      text("AssetID", ["Asset Tag", "Tag", "Asset"], true),
      choice("Action", ASSET_ACTIONS, ["Event"], true),
      text("From"),
      text("To"),
      text("By", ["User", "Done By"]),
      text("Notes", ["Note", "Comment"]),
    ],
  },
  Items: {
    name: "Items",
    key: "SKU",
    columns: [
      text("SKU", ["Item", "Item Code", "Item No", "Product Code", "Code", "Part Number"], true),
      text("Description", ["Name", "Item Name", "Product"]),
      choice("Kind", KIND_VALUES, ["Item Type"]),
      text("Category", ["Group", "Product Category"]),
      text("Unit", ["UOM", "Unit Of Measure"]),
      choice("Method", VALUATION_METHOD_VALUES, ["Valuation Method", "Costing Method"]),
      num("ReorderPoint", ["Reorder Level", "Min", "Minimum"]),
      num("ReorderQty", ["Reorder Quantity", "Order Qty"]),
      num("SafetyStock", ["Safety Stock Qty"]),
      num("LeadTimeDays", ["Lead Time", "Lead Days"]),
      num("ListPrice", ["Price", "Sales Price", "Selling Price"]),
      text("Supplier", ["Vendor"]),
      text("CostCenter", ["Cost Centre", "Department", "Dept"]),
    ],
  },
  Ledger: {
    name: "Ledger",
    columns: [
      date("Date", ["Posting Date", "Transaction Date", "Txn Date"], true),
      text("SKU", ["Item", "Item Code", "Item No", "Product Code", "Code"], true),
      choice("Type", LEDGER_TYPES, ["Movement", "Transaction Type", "Txn Type"], true),
      num("Quantity", ["Qty", "Units"], true, false),
      num("UnitCost", ["Cost", "Cost Each", "Unit Cost Price"]),
      num("UnitPrice", ["Price", "Sale Price", "Selling Price", "Price Each"]),
      text("Location", ["From Location", "Warehouse", "Site"]),
      text("ToLocation", ["To", "To Warehouse", "Destination"]),
      text("Reference", ["Ref", "Document", "Doc No", "Invoice"]),
      text("Party", ["Customer", "Supplier", "Vendor", "Counterparty"]),
    ],
  },
};

/** Our column names of a table, in the order Set up tables writes them. */
export function columnNames(table: TableName): string[] {
  return TABLES[table].columns.map((c) => c.name);
}

/** Normal form used to compare headers and choice values: lower case, letters and digits only. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}
