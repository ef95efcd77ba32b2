/**
 * The Inventory Valuation sheet, as at the end of the period: per stock item its quantity on hand (in total and
 * per location), unit cost, value, reorder point, suggested order, status, ageing (FIFO layers), turnover, days on
 * hand and ABC class; the inventory roll-forward (opening + receipts − vendor returns ± adjustments − COGS −
 * issues = closing) with a check that must be zero; status, ageing, ABC and location summaries. Items whose
 * figures are withheld are marked "Not valued" here and listed, with the reason, on the Issues sheet (which
 * collects the valuation's errors itself, so nothing is pushed to ctx.findings).
 */
import { round } from "../money";
import { headerBlock, inventoryMethodLine, lifoNotes } from "./header";
import { inventoryRun } from "./inventoryRun";
import { reportMessages as M } from "./messages";
import type { ReportCell, ReportContext, ReportFormat, SheetBuilder, SheetModel, Summary } from "./model";
import { periodRollForward, rollForwardYears, type YearRoll } from "./inventoryYears";
import { stockLines, type StockLine } from "./profitabilityParts/stock";
import { Groups } from "./profitabilityParts/tally";
import { allocate, footed, orNone } from "./tally";
import { dateText } from "./text";

export const VALUATION_SHEET = "Inventory Valuation";
export const VALUATION_FACT = "SB_Valuation";
export const NOT_VALUED = "Not valued (see Issues)";
const BUCKETS = ["0-30 days", "31-60 days", "61-90 days", "91+ days"];

const money = (names: string[]): Record<string, ReportFormat> =>
  Object.fromEntries(names.map((n) => [n, "currency" as const]));

/** Locations that hold or held stock of a valued item at the end of the period, first spelling, sorted. */
function locationsOf(lines: readonly StockLine[]): string[] {
  const g = new Groups();
  for (const l of lines) if (!l.error) for (const x of l.result.locations) g.touch([x.location || "(none)"]);
  return g.sorted().map((x) => x.keys[0]);
}

const qtyAt = (l: StockLine, loc: string): number =>
  l.result.locations.reduce(
    (s, x) => s + ((x.location || "(none)").toLowerCase() === loc.toLowerCase() ? x.quantity : 0),
    0
  );

function itemRows(lines: readonly StockLine[], locs: string[], dec: number): ReportCell[][] {
  const r = (x: number) => round(x, dec);
  return lines.map((l) => {
    const res = l.result;
    const description = l.item?.Description ?? null;
    const head: ReportCell[] = [res.sku, orNone(l.item?.Category), res.method];
    if (l.error)
      return [...head, NOT_VALUED, null, ...new Array<null>(12).fill(null), description, ...locs.map(() => null)];
    const a = l.ageing;
    return [
      ...head,
      l.status,
      l.abc,
      res.onHand,
      r(res.unitCost),
      r(res.value),
      round(l.reorderPoint, 2),
      round(l.suggestedOrder, 2),
      ...(a ? a.buckets : [null, null, null, null]),
      a ? round(a.averageAge, 1) : null,
      l.turnover === null ? null : round(l.turnover, 2),
      l.daysOnHand === null ? null : round(l.daysOnHand, 1),
      description,
      ...locs.map((loc) => qtyAt(l, loc)),
    ];
  });
}

const ROLL_HEADERS = [
  "Opening value",
  "Receipts",
  "Vendor returns",
  "Adjustments",
  "COGS",
  "Issues",
  "Closing value",
  M.checkZero(),
];

/**
 * Roll-forward by category over the period, with the check column: opening + receipts − vendor returns ±
 * adjustments − COGS − issues − closing. The lines are built from the fiscal years' lines as the Journal posts
 * them (inventoryYears.ts: one year = the year's figures as shown, Adjustments absorbing each line's rounding);
 * the Total row is the sum of the lines shown, so it foots and its check is the sum of the line checks.
 */
export function valuationRollForward(years: readonly YearRoll[], dec: number): Summary {
  const shownLines = periodRollForward(years, dec);
  const totals = columnTotals(shownLines, dec);
  const rows: ReportCell[][] = [...shownLines, { name: "Total", v: totals }].map((c) => [c.name, ...c.v]);
  const headers = ["Category", ...ROLL_HEADERS];
  return {
    title: "Inventory roll-forward: opening + receipts − vendor returns ± adjustments − COGS − issues = closing",
    headers,
    rows,
    formats: money(headers.slice(1)),
    boldRows: [rows.length - 1],
  };
}

/** Each of the roll-forward's eight columns summed over lines as shown (footed: a sum of rounded figures). */
function columnTotals(lines: readonly { v: readonly number[] }[], dec: number): number[] {
  return ROLL_HEADERS.map((_, i) =>
    footed(
      lines.map((c) => c.v[i]),
      dec
    )
  );
}

/**
 * For a period of several fiscal years: one line per year (the sum of its category lines, as its journal entries
 * post them), each opening with the closing of the year before, and the period's line — the roll-forward's Total.
 */
function yearsRollForward(years: readonly YearRoll[], dec: number): Summary {
  const lines = years.map((y) => ({
    name: `FY${y.fiscalYear} (${dateText(y.from)} – ${dateText(y.to)})`,
    v: columnTotals(y.lines, dec),
  }));
  // The period's flows are the years' summed; it opens with the first year's opening, closes with the last's closing.
  const sums = columnTotals(lines, dec);
  const period = [lines[0].v[0], ...sums.slice(1, 6), lines[lines.length - 1].v[6], sums[7]];
  const rows: ReportCell[][] = [...lines, { name: "Period", v: period }].map((c) => [c.name, ...c.v]);
  const headers = ["Fiscal year", ...ROLL_HEADERS];
  return {
    title: "By fiscal year: each year opens with the year before's closing value; the Period line is the Total above",
    headers,
    rows,
    formats: money(headers.slice(1)),
    boldRows: [rows.length - 1],
  };
}

function statusSummary(lines: readonly StockLine[], dec: number): Summary {
  const order = ["OK", "Reorder", "Out of stock", NOT_VALUED];
  const rows: ReportCell[][] = order.map((s) => {
    const of = lines.filter((l) => (l.error ? NOT_VALUED : l.status) === s);
    return [
      s,
      of.length,
      round(
        of.reduce((a, l) => a + (l.error ? 0 : l.result.value), 0),
        dec
      ),
    ];
  });
  return {
    title: "Stock status (OK / Reorder / Out of stock)",
    headers: ["Status", "Items", "Value"],
    rows: rows.filter((r) => r[1] !== 0 || r[0] !== NOT_VALUED),
    formats: { Items: "integer", Value: "currency" },
  };
}

/**
 * Units per age bucket (FIFO layers) and their value at each item's own unit cost, so the values add to the stock
 * value. Shown to the cent so they add to the roll-forward's closing value (`closing`) when the two differ only by
 * rounding — one stock, one figure on the sheet.
 */
function ageingSummary(lines: readonly StockLine[], dec: number, closing: number): Summary {
  const units = [0, 0, 0, 0];
  const value = [0, 0, 0, 0];
  for (const l of lines) {
    if (l.error || !l.ageing) continue;
    l.ageing.buckets.forEach((q, b) => {
      units[b] += q;
      value[b] += q * l.result.unitCost;
    });
  }
  const u = units.map((x) => round(x, 6));
  // Rounding apart, the buckets hold the closing value; anything more (an item without layers) keeps plain rounding.
  const raw = value.reduce((a, x) => a + x, 0);
  const sameStock = Math.abs(raw - closing) <= (lines.length + 1) * 0.5 * 10 ** -dec;
  const v = sameStock ? allocate(value, dec, closing) : value.map((x) => round(x, dec));
  const rows: ReportCell[][] = BUCKETS.map((b, i) => [b, u[i], v[i]]);
  rows.push(["Total", footed(u, 6), footed(v, dec)]);
  return {
    title: "Ageing of stock on hand (age of FIFO layers; value at each item's unit cost)",
    headers: ["Age", "Units", "Value"],
    rows,
    formats: { Units: "number", Value: "currency" },
    boldRows: [rows.length - 1],
  };
}

function abcSummary(lines: readonly StockLine[], dec: number): Summary {
  const valued = lines.filter((l) => !l.error);
  const all = valued.reduce((a, l) => a + Math.max(0, l.result.cogs12m), 0);
  const rows: ReportCell[][] = (["A", "B", "C"] as const).map((c) => {
    const of = valued.filter((l) => l.abc === c);
    const cogs = of.reduce((a, l) => a + Math.max(0, l.result.cogs12m), 0);
    return [
      c,
      of.length,
      round(cogs, dec),
      all > 0 ? cogs / all : null,
      round(
        of.reduce((a, l) => a + l.result.value, 0),
        dec
      ),
    ];
  });
  return {
    title: "ABC classes (by COGS of the 12 months to the end of the period: A first 80%, B to 95%, C the rest)",
    headers: ["Class", "Items", "COGS 12 months", "Share", "Stock value"],
    rows,
    formats: { Items: "integer", "COGS 12 months": "currency", Share: "percent", "Stock value": "currency" },
  };
}

function locationSummary(lines: readonly StockLine[], locs: string[], dec: number): Summary {
  const rows: ReportCell[][] = locs.map((loc) => {
    let units = 0;
    let value = 0;
    let items = 0;
    for (const l of lines) {
      if (l.error) continue;
      const q = qtyAt(l, loc);
      if (q !== 0) items++;
      units += q;
      value += q * l.result.unitCost;
    }
    return [loc, items, round(units, 6), round(value, dec)];
  });
  return {
    title: "Stock by location (value at each item's unit cost)",
    headers: ["Location", "Items", "Units", "Value"],
    rows,
    formats: { Items: "integer", Units: "number", Value: "currency" },
  };
}

export function buildValuation(ctx: ReportContext): SheetModel | null {
  const { input, result } = inventoryRun(ctx);
  if (result.items.every((r) => r.service)) return null;
  const lines = stockLines(ctx);
  const dec = ctx.settings.currencyDecimals;
  const allLocs = locationsOf(lines);
  // One column per location, however many: the item table must stay the sheet's widest block (see
  // profitabilityParts/monthly.ts on the layout's padding).
  const locCols = allLocs;
  const headers = [
    "SKU",
    "Category",
    "Method",
    "Status",
    "ABC",
    "On hand",
    "Unit cost",
    "Value",
    "Reorder point",
    "Suggested order",
    ...BUCKETS.map((b) => `Units ${b}`),
    "Average age (days)",
    "Turnover",
    "Days on hand",
    // Long text and headers last, so the summaries above keep narrow figure columns.
    "Description",
    ...locCols.map((l) => `On hand: ${l}`),
  ];
  const withheld = lines.filter((l) => l.error);
  const notes = [
    ...lifoNotes(ctx),
    `Quantities and values as at ${dateText(ctx.options.to)}; flows, turnover and days on hand over the period. ` +
      "Services hold no stock and are not listed.",
  ];
  if (withheld.length > 0)
    notes.push(
      `${withheld.length} item(s) marked "${NOT_VALUED}" are left out of every figure; the Issues sheet says why.`
    );
  if (input.tableError) notes.push(`No item figures: ${input.tableError.message}`);
  const years = rollForwardYears(ctx);
  if (years.length > 1)
    notes.push(
      `The period spans ${years.length} fiscal years: each year is rolled forward and rounded on its own, as its ` +
        "journal entries are posted, and the roll-forward adds up the years (see By fiscal year)."
    );
  const formats: Record<string, ReportFormat> = {
    ...Object.fromEntries(
      headers.filter((h) => h.startsWith("On hand") || h.startsWith("Units")).map((h) => [h, "number" as const])
    ),
    "Unit cost": "currency",
    Value: "currency",
    "Reorder point": "number",
    "Suggested order": "number",
    "Average age (days)": "days",
    Turnover: "ratio",
    "Days on hand": "days",
  };
  const tables = [
    {
      name: VALUATION_FACT,
      title: "Stock by item",
      headers,
      rows: itemRows(lines, locCols, dec),
      formats,
    },
  ];
  const roll = valuationRollForward(years, dec);
  const closing = Number(roll.rows[roll.rows.length - 1][roll.headers.indexOf("Closing value")]);
  return {
    name: VALUATION_SHEET,
    header: headerBlock(ctx, "Inventory Valuation", inventoryMethodLine(ctx)),
    notes,
    summaries: [
      roll,
      ...(years.length > 1 ? [yearsRollForward(years, dec)] : []),
      statusSummary(lines, dec),
      ageingSummary(lines, dec, closing),
      abcSummary(lines, dec),
      ...(allLocs.length > 0 ? [locationSummary(lines, allLocs, dec)] : []),
    ],
    tables,
    pivots: [],
    charts: [],
    tabColor: "#C65911",
  };
}

export const valuationSheet: SheetBuilder = { sheet: VALUATION_SHEET, build: buildValuation };
