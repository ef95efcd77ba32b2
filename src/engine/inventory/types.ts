/** Options and results of the one ledger pass (valueLedger). */
import type { EngineError } from "../errors";
import { LEDGER_TYPES, normalizeName } from "../schema/tables";
import type { ValuationMethod } from "../settings";

/** Ledger row types as small integers (the order of LEDGER_TYPES), for the typed-array columns. */
export const RECEIPT = 0;
export const SALE = 1;
export const ISSUE = 2;
export const CUSTOMER_RETURN = 3;
export const VENDOR_RETURN = 4;
export const TRANSFER = 5;
export const ADJUSTMENT = 6;
/**
 * The same codes as one object. Kernels destructure it into module constants: named imports compile to getter
 * calls under CommonJS interop (jest, tsx), which would cost a call per use in the hot loops.
 */
export const CODES = { RECEIPT, SALE, ISSUE, CUSTOMER_RETURN, VENDOR_RETURN, TRANSFER, ADJUSTMENT } as const;
export const TYPE_NAMES = ["Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn", "Transfer", "Adjustment"];

/** Code of a Type spelled exactly as ours ("CustomerReturn"), -1 for any other text: a switch on the string. */
export function canonicalType(raw: string): number {
  switch (raw) {
    case "Receipt":
      return RECEIPT;
    case "Sale":
      return SALE;
    case "Issue":
      return ISSUE;
    case "CustomerReturn":
      return CUSTOMER_RETURN;
    case "VendorReturn":
      return VENDOR_RETURN;
    case "Transfer":
      return TRANSFER;
    case "Adjustment":
      return ADJUSTMENT;
    default:
      return -1;
  }
}

/**
 * Code of a Type text as the schema matches choices (ignoring case and spaces), -1 when none: the canonical
 * spellings first, then the table's other spellings, memoised in `memo` (up to 4,096, so a column of made-up
 * types cannot grow it without bound). The cells reader and the ONHAND scan read a Type through this one function.
 */
export function typeOf(raw: string, memo: Map<string, number>): number {
  const canonical = canonicalType(raw);
  if (canonical >= 0) return canonical;
  let code = memo.get(raw);
  if (code === undefined) {
    const n = normalizeName(raw);
    code = LEDGER_TYPES.findIndex((v) => normalizeName(v) === n);
    if (memo.size < 4096) memo.set(raw, code);
  }
  return code;
}

export interface ValueOptions {
  /** One method for every stock item (a function's `method` argument). Else Items.Method, else defaultMethod. */
  method?: ValuationMethod;
  /** Method for items whose Items row names none (Settings.valuationMethod). Default FIFO. */
  defaultMethod?: ValuationMethod;
  /** First day of the span whose flows are reported (inclusive). Rows before it make the opening balance. */
  from?: number;
  /** The as-of date: last day processed (inclusive). Rows after it are ignored. Default: every row. */
  to?: number;
  /** Month (1-12) the fiscal year ends in; default 12. */
  fiscalYearEndMonth?: number;
  /** Period of the periodic weighted average; default "month" (fiscal month). */
  weightedPeriod?: "month" | "year";
  /** Allow stock below zero, valued at the last unit cost (ERPNext). Default false: the first such row is an error. */
  allowNegativeStock?: boolean;
  /** Keep the remaining cost layers (FIFO/LIFO) per item in SkuResult.lots. Default false. */
  lots?: boolean;
  /** Keep the cost of each Sale/CustomerReturn/outflow row in ValuationResult.lineCost. Default false. */
  lineCosts?: boolean;
  /**
   * What the caller reads. "all" (default): every figure. "value" (STOCKVALUE, COGS, REVENUE, MARGIN, UNITCOST):
   * on hand, value, unit cost, opening and the span's flows, COGS and revenue, errors and warnings, the same to
   * the bit as "all"; FIFO, LIFO and MOVING items then skip the reorder and ABC windows (outflow90 and cogs12m
   * are NaN) and the per-location quantities (`locations` is empty, and no location-below-zero warning is
   * reported), which plain valuation pays for on every row. WEIGHTED and services compute everything either way.
   */
  needs?: "all" | "value";
}

export interface QtyValue {
  quantity: number;
  value: number;
}

/** A remaining cost layer: `quantity` units received on `date` at `unitCost`. */
export interface Lot {
  date: number;
  quantity: number;
  unitCost: number;
}

export interface LocationQty {
  /** Location as first written in the ledger; "" for rows without a Location. */
  location: string;
  quantity: number;
}

/**
 * One item's figures. Flows are for the span [from, to]; on hand, value and lots are as of `to`.
 * Roll-forward (value): opening.value + receipts.value − vendorReturns.value + adjustments.value
 *   = cogs + issues.value + value (closing), to full precision.
 */
export interface SkuResult {
  sku: string;
  /** Method used; null for a service. */
  method: ValuationMethod | null;
  service: boolean;
  /** The first error for this item. When set the figures are incomplete and must not be shown. */
  error: EngineError | null;
  opening: QtyValue;
  /** Quantity on hand and its value as of `to`. */
  onHand: number;
  value: number;
  /** value ÷ onHand, or the last unit cost when nothing is on hand. */
  unitCost: number;
  receipts: QtyValue;
  /** Units returned to vendors and the cost that left with them. */
  vendorReturns: QtyValue;
  /** Net adjustment: signed units and value (count corrections, negative-stock cost differences). */
  adjustments: QtyValue;
  /** Gross sales: units and the cost at which they left. */
  sales: QtyValue;
  /** Customer returns: units and the cost at which they came back. */
  customerReturns: QtyValue;
  /** Internal consumption: units and cost. */
  issues: QtyValue;
  /** Net cost of goods sold = sales.value − customerReturns.value (services: their direct cost). */
  cogs: number;
  /** Net revenue: sales revenue − revenue reversed by customer returns. */
  revenue: number;
  /** Units out through sales and issues in the 90 days up to `to` (reorder demand). */
  outflow90: number;
  /** Net COGS of the 12 months up to `to` (ABC analysis). */
  cogs12m: number;
  /** Quantity per location as of `to` (non-zero ones and any that went below zero). */
  locations: LocationQty[];
  /** Remaining cost layers, oldest first (only with options.lots and FIFO/LIFO). */
  lots: Lot[];
}

/** A finding about the ledger: an error stops that item's valuation; a warning does not. */
export interface InventoryIssue {
  sku: string;
  /** Sheet row as Excel shows it, when the issue is about a row. */
  row: number | null;
  date: number | null;
  severity: "error" | "warning";
  message: string;
}

export interface ValuationResult {
  /** One result per item, in the order items first appear (Items table first, then the ledger). */
  items: SkuResult[];
  /** Lookup by SKU, ignoring case. */
  get(sku: string): SkuResult | undefined;
  issues: InventoryIssue[];
  /**
   * With options.lineCosts: cost of each ledger row, aligned with the rows passed in (NaN for rows not costed:
   * receipts, transfers, rows after `to`, rows of items in error). Sales and issues carry the cost that left,
   * customer returns the cost that came back, vendor returns the cost that left, adjustments the signed value.
   */
  lineCost: Float64Array | null;
  from: number;
  to: number;
}
