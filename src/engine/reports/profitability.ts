/**
 * The Profitability sheet: one fact row per Sale and CustomerReturn line of the period (revenue, COGS by the
 * item's method or the report's override, gross margin), PivotTables by category → item, month, location and
 * customer, static summaries of the same with margin % (PivotTables have no calculated fields), profit by cost
 * center after depreciation, and a chart of monthly revenue, COGS and margin.
 *
 * The static summaries are always shown and carry every figure the PivotTables sum (plus margin %), so they are
 * also the PivotTables' stand-ins: no second, margin-less copy is added with `fallbackFor` (it would repeat the
 * same 150-odd item rows in the CLI file).
 */
import { inventoryMethodLine, headerBlock, lifoNotes } from "./header";
import { inventoryRun } from "./inventoryRun";
import type { ChartModel, PivotModel, ReportCell, ReportContext, SheetBuilder, SheetModel, Summary } from "./model";
import { costCenterProfit, costCenterSummary } from "./profitabilityParts/costCenters";
import { profitLines, type ProfitLine } from "./profitabilityParts/lines";
import { dayInfo } from "./profitabilityParts/days";
import { MONTHLY_HEADERS, monthlyRows, periodMonths } from "./profitabilityParts/monthly";
import { shownFigures, type ShownFigures } from "./profitabilityParts/shown";
import { Groups, MEASURE_FORMATS, MEASURES, measureCells, rawOf, rawTotal, total } from "./profitabilityParts/tally";
import { footed, orNone } from "./tally";

export const PROFITABILITY_SHEET = "Profitability";
export const PROFIT_FACT = "SB_Profitability";
export const PROFIT_MONTHLY = "SB_ProfitMonthly";

export const PROFIT_HEADERS = [
  "Date",
  "FiscalYear",
  "Quarter",
  "Month",
  "Type",
  "SKU",
  "Category",
  "CostCenter",
  "Location",
  "Party",
  "Quantity",
  "Revenue",
  "COGS",
  "Gross margin",
  // Last: the one long text column, so the summaries above keep narrow figure columns.
  "Description",
];

function factRows(ctx: ReportContext, lines: readonly ProfitLine[], shown: ShownFigures): ReportCell[][] {
  const info = dayInfo(ctx.options.fiscalYearEndMonth);
  const dec = ctx.settings.currencyDecimals;
  return lines.map((l, k) => {
    const day = Math.floor(l.row.Date);
    const x = info(day);
    return [
      day,
      x.fiscalYear,
      x.quarter,
      x.month,
      l.row.Type,
      l.result.sku,
      l.category,
      l.costCenter,
      orNone(l.row.Location),
      orNone(l.row.Party),
      l.quantity,
      shown.revenue[k],
      shown.cogs[k],
      footed([shown.revenue[k], -shown.cogs[k]], dec),
      l.description,
    ];
  });
}

/**
 * One dimension's summary: groups, their figures and margin %, and a bold total. `shown` sums the printed fact
 * rows (so each line is what the PivotTable shows) and, beside them, the full-precision figures (for margin %).
 */
function bySummary(title: string, keyHeaders: string[], shown: Groups, dec: number): Summary {
  const list = shown.sorted();
  const rows: ReportCell[][] = list.map((g) => [...g.keys, ...measureCells(g, dec, rawOf(g))]);
  rows.push([
    "Total",
    ...keyHeaders.slice(1).map(() => null),
    ...measureCells(total(list, dec), dec, rawTotal(list.map(rawOf))),
  ]);
  return {
    title,
    headers: [...keyHeaders, ...MEASURES],
    rows,
    formats: MEASURE_FORMATS,
    boldRows: [rows.length - 1],
  };
}

/**
 * Category subtotals with their items under them (the category → item PivotTable as a static table). The item
 * is one label ("SKU Description") in the first column, so every summary of the sheet has its figures in the
 * same columns and the page reads down cleanly.
 */
function byCategoryItem(lines: readonly ProfitLine[], shownFig: ShownFigures, dec: number): Summary {
  const items = new Groups();
  const descr = new Map<string, string | null>();
  lines.forEach((l, k) => {
    items.add([l.category, l.result.sku], l.quantity, shownFig.revenue[k], shownFig.cogs[k], l.revenue, l.cogs);
    descr.set(l.result.sku, l.description);
  });
  const rows: ReportCell[][] = [];
  const bold: number[] = [];
  const list = items.sorted();
  const cats: (typeof list)[] = [];
  for (let i = 0; i < list.length;) {
    const cat = list[i].keys[0];
    const of: typeof list = [];
    while (i < list.length && list[i].keys[0] === cat) of.push(list[i++]);
    cats.push(of);
  }
  // Items are the sums of their printed fact rows, which shown.ts rounds so that each item gets its line as
  // allocated under its category (subtotals allocated to the grand total): every level foots, each line is within
  // a cent of its own figure, the total is the same as on the sheet's other summaries, and the PivotTable agrees.
  const catShown = cats.map((of) => total(of, dec));
  cats.forEach((of, c) => {
    const cat = of[0].keys[0];
    bold.push(rows.length);
    rows.push([
      `${cat} (${of.length} item${of.length === 1 ? "" : "s"})`,
      ...measureCells(catShown[c], dec, rawTotal(of.map(rawOf))),
    ]);
    of.forEach((g) => {
      const d = descr.get(g.keys[1]);
      rows.push([`    ${g.keys[1]}${d ? ` ${d}` : ""}`, ...measureCells(g, dec, rawOf(g))]);
    });
  });
  bold.push(rows.length);
  rows.push(["Total", ...measureCells(total(catShown, dec), dec, rawTotal(list.map(rawOf)))]);
  return {
    title: "By category and item",
    headers: ["Category / item", ...MEASURES],
    rows,
    formats: MEASURE_FORMATS,
    boldRows: bold,
  };
}

const VALUES: PivotModel["values"] = [
  { field: "Revenue", summarizeBy: "Sum", caption: "Total revenue" },
  { field: "COGS", summarizeBy: "Sum", caption: "Total COGS" },
  { field: "Gross margin", summarizeBy: "Sum", caption: "Total gross margin" },
];

const pivot = (name: string, title: string, rows: string[]): PivotModel => ({
  name,
  title,
  table: PROFIT_FACT,
  rows,
  values: VALUES,
});

export function buildProfitability(ctx: ReportContext): SheetModel | null {
  if (ctx.tables.Ledger.rowsIn === 0 && ctx.tables.Items.rowsIn === 0) return null;
  const { input } = inventoryRun(ctx);
  const { lines, withheld } = profitLines(ctx);
  const dec = ctx.settings.currencyDecimals;
  const { from, to } = ctx.options;

  // The fact rows as printed; every summary below sums them, so each PivotTable shows its static line.
  const shown = shownFigures(ctx, lines);
  const info = dayInfo(ctx.options.fiscalYearEndMonth);
  const cuts = [
    (l: ProfitLine) => info(l.row.Date).month,
    (l: ProfitLine) => orNone(l.row.Location),
    (l: ProfitLine) => orNone(l.row.Party),
  ].map((key) => ({ shown: new Groups(), key }));
  for (const m of periodMonths(from, to)) cuts[0].shown.touch([m]);
  lines.forEach((l, k) => {
    for (const c of cuts) c.shown.add([c.key(l)], l.quantity, shown.revenue[k], shown.cogs[k], l.revenue, l.cogs);
  });
  const [byMonth, byLocation, byCustomer] = cuts;
  const monthly = monthlyRows(lines, shown, from, to, dec, info);

  const summaries: Summary[] = [
    costCenterSummary(costCenterProfit(ctx, lines, shown), dec),
    bySummary("By month", ["Month"], byMonth.shown, dec),
    bySummary("By location", ["Location"], byLocation.shown, dec),
    bySummary("By customer", ["Customer"], byCustomer.shown, dec),
    byCategoryItem(lines, shown, dec),
  ];
  if (withheld.length > 0)
    summaries.push({
      title: `Items left out: not valued (${withheld.length}; see the Issues sheet)`,
      headers: ["SKU", "Problem"],
      rows: withheld.map((w) => [w.result.sku, w.error.message]),
      formats: { Problem: "text" },
    });

  const notes = [
    ...lifoNotes(ctx),
    "Revenue and COGS are net of customer returns: a return comes back at the cost its sale left at. " +
      "Services are included with their direct cost.",
  ];
  if (input.tableError) notes.push(`No item figures: ${input.tableError.message}`);

  const facts = factRows(ctx, lines, shown);
  const money = { Revenue: "currency", COGS: "currency", "Gross margin": "currency" } as const;
  const charts: ChartModel[] = [
    {
      name: "CH_ProfitMonthly",
      title: "Revenue, COGS and gross margin by month",
      type: "column",
      table: PROFIT_MONTHLY,
      series: ["Revenue", "COGS", "Gross margin"],
    },
  ];
  return {
    name: PROFITABILITY_SHEET,
    header: headerBlock(ctx, "Profitability", inventoryMethodLine(ctx)),
    notes,
    summaries,
    tables: [
      {
        name: PROFIT_MONTHLY,
        title: "By month: sales and returns (the chart's data)",
        headers: MONTHLY_HEADERS,
        rows: monthly,
        formats: {
          Month: "text",
          ...money,
          "Margin %": "percent",
          Quantity: "number",
          "Sales revenue": "currency",
          "Returns revenue": "currency",
          "Sales COGS": "currency",
          "Returns COGS": "currency",
          "Units sold": "number",
          "Units returned": "number",
          Lines: "integer",
          Items: "integer",
          Customers: "integer",
        },
      },
      {
        name: PROFIT_FACT,
        title: "Sales and customer returns",
        headers: PROFIT_HEADERS,
        rows: facts,
        formats: { Date: "date", FiscalYear: "general", Month: "text", Quantity: "number", ...money },
      },
    ],
    pivots:
      facts.length === 0
        ? []
        : [
            pivot("PT_ProfitByCategory", "Profit by category and item", ["Category", "SKU"]),
            pivot("PT_ProfitByMonth", "Profit by month", ["Month"]),
            pivot("PT_ProfitByLocation", "Profit by location", ["Location"]),
            pivot("PT_ProfitByCustomer", "Profit by customer", ["Party"]),
          ],
    charts: monthly.length > 0 ? charts : [],
    tabColor: "#BF8F00",
  };
}

export const profitabilitySheet: SheetBuilder = { sheet: PROFITABILITY_SHEET, build: buildProfitability };
