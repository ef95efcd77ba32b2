/**
 * The Depreciation sheet: one fact row per asset and fiscal year of the report (with its opening accumulated
 * depreciation), expense and net book value by category × fiscal year, disposals with gain or loss, book vs tax
 * where a TaxMethod is set, and the fixed-asset roll-forward with check cells that must be zero.
 */
import { round } from "../money";
import type { DepreciationRun } from "./deprRun";
import { depreciationRun } from "./deprRun";
import { headerBlock } from "./header";
import { reportMessages as M } from "./messages";
import type { ReportCell, ReportContext, SheetBuilder, SheetModel, Summary } from "./model";
import { footed, orNone, sumBy } from "./tally";
import { dateText } from "./text";

export const DEPRECIATION_SHEET = "Depreciation";
export const DEPRECIATION_FACT = "SB_Depreciation";

const FACT_HEADERS = [
  "AssetID",
  "Name",
  "Category",
  "Location",
  "CostCenter",
  "FiscalYear",
  "Method",
  "Cost",
  "Opening accumulated",
  "Depreciation",
  "Accumulated",
  "Net book value",
  "DisposedOn",
  "Tax method",
  "Tax depreciation",
  "Tax accumulated",
  "Tax net book value",
];

const MONEY = [
  "Cost",
  "Opening accumulated",
  "Depreciation",
  "Accumulated",
  "Net book value",
  "Tax depreciation",
  "Tax accumulated",
  "Tax net book value",
];
const money = (names: string[]) => Object.fromEntries(names.map((n) => [n, "currency" as const]));

/**
 * One row per asset and fiscal year, money to the cent as shown (the PivotTables sum these, and the static
 * summaries beside them are built from the same per-asset figures; depreciation is whole cents already, a cost
 * keyed with more decimals is not).
 */
function factRows(run: DepreciationRun, dec: number): ReportCell[][] {
  const rows: ReportCell[][] = [];
  const r = (x: number | null) => (x === null ? null : round(x, dec));
  for (const d of run.assets) {
    const a = d.asset;
    for (const y of d.years) {
      rows.push([
        a.AssetID,
        a.Name,
        orNone(a.Category),
        orNone(a.Location),
        orNone(a.CostCenter),
        y.fiscalYear,
        d.ok ? d.method : "(not computed)",
        r(a.Cost),
        r(y.opening),
        r(y.depreciation),
        r(y.accumulated),
        r(y.bookValue),
        a.DisposedOn !== null && a.DisposedOn <= y.to ? a.DisposedOn : null,
        d.taxMethod,
        y.tax ? r(y.tax.depreciation) : null,
        y.tax ? r(y.tax.accumulated) : null,
        y.tax ? r(y.tax.bookValue) : null,
      ]);
    }
  }
  return rows;
}

/** Category rows × fiscal-year columns of one measure, with totals (the pivots' static stand-in). */
function byCategoryYear(run: DepreciationRun, measure: "depreciation" | "bookValue", dec: number): Summary {
  // Per asset and year to the cent first, as the fact rows the PivotTable sums.
  const cells = sumBy(
    run.assets.flatMap((d) => d.years.map((y) => ({ c: orNone(d.asset.Category), y }))),
    (x) => [x.c, x.y.fiscalYear],
    (x) => [round(x.y[measure], dec)]
  );
  const cats = [...new Set(cells.map(([k]) => k[0] as string))];
  const col = (fy: number) => `FY${fy}`;
  const get = new Map(cells.map(([k, v]) => [`${k[0]}|${k[1]}`, v[0]]));
  // Each cell rounded first; the Total column and row are sums of the rounded cells, so both foot.
  const grid = cats.map((c) => run.years.map((fy) => round(get.get(`${c}|${fy}`) ?? 0, dec)));
  const totals = run.years.map((_, j) =>
    footed(
      grid.map((g) => g[j]),
      dec
    )
  );
  const rows: ReportCell[][] = [...grid, totals].map((vals, i) => [
    i < cats.length ? cats[i] : "Total",
    ...vals,
    footed(vals, dec),
  ]);
  const headers = ["Category", ...run.years.map(col), "Total"];
  const isNbv = measure === "bookValue";
  return {
    title: isNbv
      ? "Net book value by category and fiscal year (at year end or period end)"
      : "Depreciation by category and fiscal year",
    headers: isNbv ? headers.slice(0, -1) : headers,
    rows: isNbv ? rows.map((r) => r.slice(0, -1)) : rows,
    formats: money(headers.slice(1)),
    boldRows: [rows.length - 1],
    fallbackFor: isNbv ? "PT_NbvByCategory" : "PT_DeprByCategory",
  };
}

/** Cost and accumulated depreciation roll-forwards by category, each with a check column that must be zero. */
export function rollForward(run: DepreciationRun, dec: number): { cost: Summary; accumulated: Summary } {
  const groups = sumBy(
    run.assets,
    (d) => [orNone(d.asset.Category)],
    (d) => {
      // Each asset's cost to the cent, as the fact rows and the disposals show it.
      const c = round(d.asset.Cost, dec);
      return [
        d.inOpening ? c : 0,
        d.addition ? c : 0,
        d.disposal ? c : 0,
        d.inClosing ? c : 0,
        d.inOpening ? d.opening : 0,
        d.depreciation,
        d.disposal ? d.disposal.accumulated : 0,
        d.inClosing ? d.closing : 0,
      ];
    }
  );
  // Category lines rounded first; the Total is the sum of the rounded lines and every check is taken on the
  // figures as shown (per-asset cost and depreciation are whole cents, so rounding moves nothing between columns).
  const lines = groups.map(([k, v]) => [k[0] as string, v.map((x) => round(x, dec))] as [string, number[]]);
  const total = lines.reduce((t, [, v]) => t.map((x, i) => x + v[i]), new Array<number>(8).fill(0));
  const all: [string, number[]][] = [...lines, ["Total", total]];
  const r = (x: number) => footed([x], dec);
  const check = M.checkZero();
  return {
    cost: {
      title: "Fixed assets at cost: opening + additions − disposals = closing",
      headers: ["Category", "Opening cost", "Additions", "Disposals", "Closing cost", check],
      rows: all.map(([c, v]) => [c, r(v[0]), r(v[1]), r(v[2]), r(v[3]), r(v[0] + v[1] - v[2] - v[3])]),
      formats: money(["Opening cost", "Additions", "Disposals", "Closing cost", check]),
      boldRows: [all.length - 1],
    },
    accumulated: {
      title: "Accumulated depreciation: opening + depreciation − disposals = closing",
      headers: ["Category", "Opening accumulated", "Depreciation", "Disposals", "Closing accumulated", check],
      rows: all.map(([c, v]) => [c, r(v[4]), r(v[5]), r(v[6]), r(v[7]), r(v[4] + v[5] - v[6] - v[7])]),
      formats: money(["Opening accumulated", "Depreciation", "Disposals", "Closing accumulated", check]),
      boldRows: [all.length - 1],
    },
  };
}

/**
 * Ties the NBV by category to the roll-forward: the last year's NBV total (at the period end) must equal closing
 * cost − closing accumulated depreciation. Always shown (the NBV summary itself is a pivot's stand-in).
 */
function nbvCheck(
  run: DepreciationRun,
  nbv: Summary,
  rf: { cost: Summary; accumulated: Summary },
  dec: number
): Summary {
  const last = (s: Summary, header: string) => {
    const row = s.rows[s.rows.length - 1];
    return Number(row[s.headers.indexOf(header)] ?? 0);
  };
  const fy = run.years[run.years.length - 1];
  const nbvTotal = last(nbv, `FY${fy}`);
  const cost = last(rf.cost, "Closing cost");
  const acc = last(rf.accumulated, "Closing accumulated");
  const r = (x: number) => round(x, dec);
  return {
    title: "Net book value check: NBV by category = closing cost − closing accumulated depreciation",
    headers: ["Figure", "Amount"],
    rows: [
      [`Net book value by category, FY${fy} total`, nbvTotal],
      ["Closing cost", cost],
      ["Closing accumulated depreciation", acc],
      [M.checkZero(), r(nbvTotal - (cost - acc))],
    ],
    formats: money(["Amount"]),
    boldRows: [3],
  };
}

function disposals(run: DepreciationRun, dec: number): Summary {
  const list = run.assets.filter((d) => d.disposal !== null);
  const r = (x: number) => round(x, dec);
  const rows: ReportCell[][] = list.map((d) => {
    const x = d.disposal as NonNullable<typeof d.disposal>;
    return [
      d.asset.AssetID,
      d.asset.Name,
      orNone(d.asset.Category),
      x.disposedOn,
      r(d.asset.Cost),
      r(x.accumulated),
      r(x.netBookValue),
      r(x.proceeds),
      r(x.gainLoss),
    ];
  });
  // Totals from the rounded lines, so they foot.
  const col = (i: number) =>
    footed(
      rows.map((x) => x[i] as number),
      dec
    );
  rows.push(["Total", null, null, null, col(4), col(5), col(6), col(7), col(8)]);
  return {
    title: `Disposals in the period (${list.length})`,
    headers: [
      "AssetID",
      "Name",
      "Category",
      "Disposed on",
      "Cost",
      "Accumulated",
      "Net book value",
      "Proceeds",
      "Gain (loss)",
    ],
    rows,
    formats: { "Disposed on": "date", ...money(["Cost", "Accumulated", "Net book value", "Proceeds", "Gain (loss)"]) },
    boldRows: [rows.length - 1],
  };
}

function bookVsTax(run: DepreciationRun, dec: number): Summary | null {
  const taxed = run.assets.filter((d) => d.taxMethod !== null && d.ok);
  if (taxed.length === 0) return null;
  const r = (x: number) => round(x, dec);
  const rows: ReportCell[][] = run.years.map((fy) => {
    let b = 0;
    let t = 0;
    for (const d of taxed)
      for (const y of d.years)
        if (y.fiscalYear === fy) {
          b += y.depreciation;
          t += y.tax ? y.tax.depreciation : 0;
        }
    return [`FY${fy}`, taxed.length, r(b), r(t), footed([r(t), -r(b)], dec)];
  });
  return {
    title: "Book vs tax depreciation (assets with a TaxMethod)",
    headers: ["Fiscal year", "Assets", "Book depreciation", "Tax depreciation", "Tax − book"],
    rows,
    formats: { Assets: "integer", ...money(["Book depreciation", "Tax depreciation", "Tax − book"]) },
  };
}

function methodLine(run: DepreciationRun): string {
  const methods = [...new Set(run.assets.filter((d) => d.ok).map((d) => d.method))].sort();
  const tax = [...new Set(run.assets.filter((d) => d.ok && d.taxMethod).map((d) => d.taxMethod as string))].sort();
  const book = methods.length ? methods.join(", ") : "none";
  return `Depreciation: per asset (book ${book}${tax.length ? `; tax ${tax.join(", ")}` : ""}), rounded to cents per fiscal year`;
}

export function buildDepreciation(ctx: ReportContext): SheetModel | null {
  if (ctx.tables.Assets.rows.length === 0) return null;
  const run = depreciationRun(ctx);
  const dec = ctx.settings.currencyDecimals;
  const rf = rollForward(run, dec);
  const taxes = bookVsTax(run, dec);
  const nbv = byCategoryYear(run, "bookValue", dec);
  const facts = factRows(run, dec);
  const pivotable = facts.length > 0;
  return {
    name: DEPRECIATION_SHEET,
    header: headerBlock(ctx, "Depreciation", methodLine(run)),
    notes: [`Balances as at ${dateText(ctx.options.to)}; a disposal stops depreciation on its date.`],
    summaries: [
      rf.cost,
      rf.accumulated,
      byCategoryYear(run, "depreciation", dec),
      nbv,
      nbvCheck(run, nbv, rf, dec),
      disposals(run, dec),
      ...(taxes ? [taxes] : []),
    ],
    tables: [
      {
        name: DEPRECIATION_FACT,
        title: "Depreciation by asset and fiscal year",
        headers: FACT_HEADERS,
        rows: facts,
        formats: { FiscalYear: "general", DisposedOn: "date", ...money(MONEY) },
      },
    ],
    pivots: pivotable
      ? [
          {
            name: "PT_DeprByCategory",
            title: "Depreciation by category and fiscal year",
            table: DEPRECIATION_FACT,
            rows: ["Category"],
            columns: ["FiscalYear"],
            values: [{ field: "Depreciation", summarizeBy: "Sum", caption: "Total depreciation" }],
          },
          {
            name: "PT_NbvByCategory",
            title: "Net book value by category and fiscal year",
            table: DEPRECIATION_FACT,
            rows: ["Category"],
            columns: ["FiscalYear"],
            values: [{ field: "Net book value", summarizeBy: "Sum", caption: "Total net book value" }],
          },
        ]
      : [],
    charts: [],
    tabColor: "#548235",
  };
}

export const depreciationSheet: SheetBuilder = { sheet: DEPRECIATION_SHEET, build: buildDepreciation };
