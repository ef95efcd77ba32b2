/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes a cell, a range or a table; custom-function
   metadata can only say `any` for that. Values are narrowed to Scalar / Scalar[][] at once. */
/**
 * Inventory functions (namespace BOOK) over the Ledger table. Each takes the table with its header row
 * (`Ledger[#All]`), finds its columns by header (with the schema's synonyms), and one SKU or a range of SKUs
 * (then spills one result per SKU, from one pass over the ledger); an omitted SKU means all items together.
 * The Items table, optional last argument, gives each item's default method and marks services.
 * Parsed ledgers and valuations are cached on the tables' full contents (see engine/inventory/cache.ts).
 * Settings the functions cannot read from the workbook take their defaults: fiscal year ending December,
 * weighted average per month, negative stock an error.
 */
import { todaySerial } from "../engine/dates";
import { divZero, notFound, valueError, type EngineError } from "../engine/errors";
import {
  ageing,
  LedgerCache,
  reorder as reorderAdvice,
  turnover as turnoverOf,
  OnHandCache,
  type CachedLedger,
  type QuickOnHand,
  type SkuResult,
  type ValuationResult,
  type ValueOptions,
} from "../engine/inventory";
import { inventoryMessages as M } from "../engine/messages/inventory";
import { normalizeName } from "../engine/schema";
import { VALUATION_METHODS, type ValuationMethod } from "../engine/settings";
import { args, cell, fail, isBlank, keysOf, spill, tableOf, type ArgSpec, type Keys, type Scalar } from "./edge";

/** One cache for every inventory function of the workbook (shared runtime). */
export const ledgerCache = new LedgerCache();
/** ONHAND's one-pass counts, remembered on the ledger's contents the same way. */
export const onHandCache = new OnHandCache();

const today = () => todaySerial();
const asOfSpec: ArgSpec = { name: "as_of", type: "date", default: today };
const toSpec: ArgSpec = { name: "to", type: "date", default: today };
const fromSpec: ArgSpec = { name: "from", type: "date", default: -Infinity as number };

type Table = Scalar[][];

interface Book {
  entry: CachedLedger;
  items: boolean;
}

function open(ledger: unknown, items: unknown): Book {
  const l = tableOf(ledger as Table, "Ledger");
  if ("code" in l) fail(l);
  let it = null;
  if (items !== null && items !== undefined && !(typeof items !== "object" && isBlank(items as Scalar))) {
    const t = tableOf(items as Table, "Items");
    if ("code" in t) fail(t);
    it = t;
  }
  return { entry: ledgerCache.read(l, it), items: it !== null };
}

function methodArg(v: unknown): ValuationMethod | undefined {
  if (isBlank(v as Scalar)) return undefined;
  const m = normalizeName(String(v)).toUpperCase();
  if ((VALUATION_METHODS as readonly string[]).includes(m)) return m as ValuationMethod;
  return fail(valueError(M.unknownMethod(String(v))));
}

/** The error that concerns an item: the table's, its rows' bad data, or its valuation's. */
function itemError(b: Book, r: SkuResult | undefined, key: string): EngineError | null {
  const input = b.entry.input;
  return input.tableError ?? input.skuErrors.get(key) ?? r?.error ?? null;
}

/**
 * Applies `pick` per SKU, or `all` to every item together when the SKU is omitted. Keys and results are
 * matrices (Excel hands one value as a 1×1 range and shows a 1×1 result as one value), so one SKU and a range
 * of SKUs take the same path and a range spills one result per SKU; an error fills only its own cell.
 * Blank cells of a SKU range give "" (so a stock sheet with gaps spills cleanly).
 */
function bySku(
  b: Book,
  v: ValuationResult,
  sku: unknown,
  pick: (r: SkuResult) => number | EngineError,
  all: (rs: SkuResult[]) => number | EngineError
): any[][] {
  if (sku === null || sku === undefined || (!Array.isArray(sku) && isBlank(sku as Scalar))) {
    const tableError = b.entry.input.tableError;
    if (tableError) fail(tableError);
    const bad = b.entry.input.skuErrors.values().next();
    if (!bad.done) fail(bad.value);
    const inError = v.items.find((r) => r.error);
    if (inError?.error) fail(inError.error);
    const x = all(v.items);
    return spill({ values: [null], rows: 1, cols: 1, isRange: false }, () => x);
  }
  const keys: Keys = keysOf(sku as Scalar | Scalar[][]); // a plain value (outside Excel) is one key
  return spill<number | string>(keys, (k) => {
    if (isBlank(k)) return keys.isRange ? "" : valueError("sku is blank: give an item's SKU.");
    const name = String(k).trim();
    const key = name.toLowerCase();
    const r = v.get(name);
    const err = itemError(b, r, key);
    if (err) return err;
    if (!r) return notFound(M.unknownSku(name));
    return pick(r);
  });
}

const sum = (rs: SkuResult[], f: (r: SkuResult) => number) => rs.reduce((a, r) => a + f(r), 0);

function valuation(b: Book, options: ValueOptions): ValuationResult {
  return ledgerCache.value(b.entry, options);
}

/**
 * Value of stock on hand at cost, as of a date.
 * @customfunction STOCKVALUE
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills one value per SKU). Omitted: all items together.
 * @param [as_of] Date of the valuation. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED (periodic, per month) or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row (methods, services).
 * @returns Value at cost.
 */
export function stockValue(ledger: any[][], sku?: any[][], as_of?: any, method?: any, items?: any[][]): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, to, needs: "value" });
  return bySku(
    b,
    v,
    sku,
    (r) => r.value,
    (rs) => sum(rs, (r) => r.value)
  );
}

/**
 * Quantity on hand as of a date, in total or at one location.
 * @customfunction ONHAND
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills one quantity per SKU). Omitted: all items together.
 * @param [as_of] Date of the count. Default: today.
 * @param [location] Only this location (as written in the Location/ToLocation columns). Default: all.
 * @param [items] The Items table with its header row.
 * @returns Units on hand.
 */
export function onHand(ledger: any[][], sku?: any[][], as_of?: any, location?: any, items?: any[][]): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  // The table is read in place (header row first): no copy of its rows.
  if (!Array.isArray(ledger) || ledger.length === 0 || !Array.isArray(ledger[0])) {
    fail(tableOf(ledger as Table, "Ledger") as EngineError);
  }
  // A clean ledger without Items: count units in one pass; anything else (bad cells, errors to report,
  // services) takes the valuation, which reports it exactly as before.
  if (isBlankArg(items)) {
    const where = isBlank(location as Scalar) ? null : String(location).trim().toLowerCase();
    const q = onHandCache.count({ header: ledger[0] as Scalar[], rows: ledger as Table, start: 1 }, to, where);
    if (q) return onHandQuick(q, sku, location, where);
  }
  return onHandValued(ledger, sku, as_of, location, items);
}

function isBlankArg(v: unknown): boolean {
  return v === null || v === undefined || (typeof v !== "object" && isBlank(v as Scalar));
}

/** ONHAND's answer from the quick count (no errors to place: the ledger was clean). */
function onHandQuick(q: QuickOnHand, sku: unknown, location: unknown, where: string | null): any[][] {
  if (where !== null && !q.locations.has(where)) {
    fail(notFound(`Location ${String(location).trim()} does not appear in the Ledger. Check the spelling.`));
  }
  if (sku === null || sku === undefined || (!Array.isArray(sku) && isBlank(sku as Scalar))) {
    let total = 0;
    for (let s = 0; s < q.onHand.length; s++) total += q.onHand[s];
    return spill({ values: [null], rows: 1, cols: 1, isRange: false }, () => total);
  }
  const one = (k: Scalar, isRange: boolean): number | string | EngineError => {
    if (isBlank(k)) return isRange ? "" : valueError("sku is blank: give an item's SKU.");
    const name = String(k).trim();
    const s = q.skuIndex.get(name.toLowerCase());
    if (s === undefined) return notFound(M.unknownSku(name));
    return q.onHand[s];
  };
  const grid = Array.isArray(sku) ? spillGrid(sku as unknown[]) : null;
  if (!grid) {
    const keys: Keys = keysOf(sku as Scalar | Scalar[][]);
    return spill<number | string>(keys, (k) => one(k, keys.isRange));
  }
  // A range of SKUs, spilled in its shape: a key written as in the ledger is one lookup.
  const { spellings, onHand: units } = q;
  const out: any[][] = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const keys = grid[r];
    const line: any[] = new Array(keys.length);
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c];
      const item = spellings.get(k);
      line[c] = item !== undefined ? units[item] : cell(one(k, true));
    }
    out[r] = line;
  }
  return out;
}

/** The range as rows of equal length (Excel's shape), else null (then the general spill takes it). */
function spillGrid(v: unknown[]): Scalar[][] | null {
  if (v.length === 0 || !Array.isArray(v[0])) return null;
  const cols = (v[0] as unknown[]).length;
  if (cols === 0) return null;
  for (let r = 0; r < v.length; r++) {
    const row = v[r];
    if (!Array.isArray(row) || row.length !== cols) return null;
  }
  return v as Scalar[][];
}

/** ONHAND through the full valuation (parse, compile, FIFO lots): the reference the quick count must match. */
export function onHandValued(ledger: any[][], sku?: any[][], as_of?: any, location?: any, items?: any[][]): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  const b = open(ledger, items);
  const v = valuation(b, { to });
  if (isBlank(location as Scalar))
    return bySku(
      b,
      v,
      sku,
      (r) => r.onHand,
      (rs) => sum(rs, (r) => r.onHand)
    );
  const where = String(location).trim().toLowerCase();
  if (!b.entry.input.compiled.locations.some((l) => l.toLowerCase() === where)) {
    fail(notFound(`Location ${String(location).trim()} does not appear in the Ledger. Check the spelling.`));
  }
  const at = (r: SkuResult) =>
    r.locations.reduce((a, l) => a + (l.location.toLowerCase() === where ? l.quantity : 0), 0);
  return bySku(b, v, sku, at, (rs) => sum(rs, at));
}

/**
 * Unit cost on hand (value ÷ quantity), or the last unit cost when none is on hand.
 * @customfunction UNITCOST
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param sku An item's SKU, or a range of SKUs (spills one cost per SKU).
 * @param [as_of] Date. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row.
 * @returns Cost per unit.
 */
export function unitCost(ledger: any[][], sku: any[][], as_of?: any, method?: any, items?: any[][]): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, to, needs: "value" });
  return bySku(
    b,
    v,
    sku,
    (r) => r.unitCost,
    (rs) => {
      const q = sum(rs, (r) => r.onHand);
      return q !== 0 ? sum(rs, (r) => r.value) / q : divZero("Nothing is on hand, so there is no unit cost.");
    }
  );
}

function span(from: unknown, to: unknown): { from: number; to: number } {
  const [f, t] = args([fromSpec, toSpec], [from as Scalar, to as Scalar]) as number[];
  if (f > t) fail(valueError(`from (${f}) is after to (${t}): give the first day of the period, then the last.`));
  return { from: f, to: t };
}

/**
 * Cost of goods sold in a period: cost of the units sold, less the cost of customer returns.
 * @customfunction COGS
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [from] First day of the period. Default: the ledger's beginning.
 * @param [to] Last day of the period. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row.
 * @returns Cost of goods sold.
 */
export function cogs(ledger: any[][], sku?: any[][], from?: any, to?: any, method?: any, items?: any[][]): any[][] {
  const s = span(from, to);
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, from: s.from, to: s.to, needs: "value" });
  return bySku(
    b,
    v,
    sku,
    (r) => r.cogs,
    (rs) => sum(rs, (r) => r.cogs)
  );
}

/**
 * Revenue in a period: quantity × unit price of sales, less customer returns.
 * @customfunction REVENUE
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [from] First day of the period. Default: the ledger's beginning.
 * @param [to] Last day of the period. Default: today.
 * @param [items] The Items table with its header row.
 * @returns Net revenue.
 */
export function revenue(ledger: any[][], sku?: any[][], from?: any, to?: any, items?: any[][]): any[][] {
  const s = span(from, to);
  const b = open(ledger, items);
  const v = valuation(b, { from: s.from, to: s.to, needs: "value" });
  return bySku(
    b,
    v,
    sku,
    (r) => r.revenue,
    (rs) => sum(rs, (r) => r.revenue)
  );
}

/**
 * Gross margin in a period: revenue − cost of goods sold.
 * @customfunction MARGIN
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [from] First day of the period. Default: the ledger's beginning.
 * @param [to] Last day of the period. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row.
 * @returns Gross margin amount.
 */
export function margin(ledger: any[][], sku?: any[][], from?: any, to?: any, method?: any, items?: any[][]): any[][] {
  const s = span(from, to);
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, from: s.from, to: s.to, needs: "value" });
  return bySku(
    b,
    v,
    sku,
    (r) => r.revenue - r.cogs,
    (rs) => sum(rs, (r) => r.revenue - r.cogs)
  );
}

/**
 * Gross margin % in a period: (revenue − cost of goods sold) ÷ revenue, as a fraction (format the cell as %).
 * @customfunction MARGINPCT
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [from] First day of the period. Default: the ledger's beginning.
 * @param [to] Last day of the period. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row.
 * @returns Margin as a fraction of revenue; #DIV/0! without revenue.
 */
export function marginPct(
  ledger: any[][],
  sku?: any[][],
  from?: any,
  to?: any,
  method?: any,
  items?: any[][]
): any[][] {
  const s = span(from, to);
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, from: s.from, to: s.to, needs: "value" });
  const pct = (rev: number, c: number, who: string) => (rev !== 0 ? (rev - c) / rev : divZero(M.noRevenue(who)));
  return bySku(
    b,
    v,
    sku,
    (r) => pct(r.revenue, r.cogs, r.sku),
    (rs) =>
      pct(
        sum(rs, (r) => r.revenue),
        sum(rs, (r) => r.cogs),
        "(all items)"
      )
  );
}

/**
 * Suggested order quantity: 0 while on hand is above the reorder point. Reorder point = average daily outflow
 * (sales + issues, last 90 days) × LeadTimeDays + SafetyStock, or Items.ReorderPoint; the order is
 * Items.ReorderQty, else reorder point + 30 days of outflow − on hand.
 * @customfunction REORDER
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param items The Items table with its header row (ReorderPoint, ReorderQty, SafetyStock, LeadTimeDays).
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together (sum of orders).
 * @param [as_of] Date. Default: today.
 * @returns Units to order.
 */
export function reorder(ledger: any[][], items: any[][], sku?: any[][], as_of?: any): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  const b = open(ledger, items);
  if (!b.items) fail(valueError("items must be the Items table with its header row, e.g. Items[#All]."));
  const v = valuation(b, { to });
  const L = b.entry.input.compiled;
  const one = (r: SkuResult) => {
    if (r.service) return 0;
    const s = L.skuIndex.get(r.sku.toLowerCase());
    return reorderAdvice(r, s === undefined ? null : L.itemRows[s]).suggestedOrder;
  };
  return bySku(b, v, sku, one, (rs) => sum(rs, one));
}

/**
 * Average age in days of the units on hand (FIFO lots, weighted by quantity).
 * @customfunction STOCKAGE
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [as_of] Date. Default: today.
 * @param [items] The Items table with its header row.
 * @returns Days.
 */
export function stockAge(ledger: any[][], sku?: any[][], as_of?: any, items?: any[][]): any[][] {
  const [to] = args([asOfSpec], [as_of]) as number[];
  const b = open(ledger, items);
  const v = valuation(b, { method: "FIFO", to, lots: true });
  return bySku(
    b,
    v,
    sku,
    (r) => ageing(r.lots, to).averageAge,
    (rs) =>
      ageing(
        rs.flatMap((r) => r.lots),
        to
      ).averageAge
  );
}

/**
 * Inventory turnover in a period: cost of goods sold ÷ average inventory value (mean of opening and closing).
 * @customfunction TURNOVER
 * @volatile
 * @param ledger The Ledger table with its header row, e.g. Ledger[#All].
 * @param [sku] An item's SKU, or a range of SKUs (spills). Omitted: all items together.
 * @param [from] First day of the period. Default: 365 days ending at `to`.
 * @param [to] Last day of the period. Default: today.
 * @param [method] FIFO, LIFO, WEIGHTED or MOVING. Default: the item's Method in Items, else FIFO.
 * @param [items] The Items table with its header row.
 * @returns Times the inventory turned over; #DIV/0! when it held no value.
 */
export function turnover(ledger: any[][], sku?: any[][], from?: any, to?: any, method?: any, items?: any[][]): any[][] {
  const [t] = args([toSpec], [to as Scalar]) as number[];
  const s = span(isBlank(from as Scalar) ? t - 364 : from, t);
  const m = methodArg(method);
  const b = open(ledger, items);
  const v = valuation(b, { method: m, from: s.from, to: s.to });
  const one = (r: SkuResult) => {
    const x = turnoverOf(r, s.from, s.to);
    return "code" in x ? x : x.turnover;
  };
  return bySku(b, v, sku, one, (rs) => {
    const avg = (sum(rs, (r) => r.opening.value) + sum(rs, (r) => r.value)) / 2;
    return Math.abs(avg) > 1e-9 ? sum(rs, (r) => r.cogs) / avg : divZero(M.noAverageInventory("(all items)"));
  });
}
