/**
 * The Profitability facts as printed: each line's revenue and COGS rounded to the currency decimals
 * (controlledRounding.ts), so the PivotTables, which sum the fact rows, show to the cent the static lines beside
 * them — every static line is the sum of these rounded rows. Items get their line as allocated under their
 * category (category subtotals allocated to the rounded grand total, items to their subtotal: each within a cent
 * of its own figure); month, location and customer lines are kept within a cent of theirs where the cents allow.
 */
import { roundFacts } from "../controlledRounding";
import type { ReportContext } from "../model";
import { allocate, orNone } from "../tally";
import { dayInfo } from "./days";
import type { ProfitLine } from "./lines";

export interface ShownFigures {
  /** Aligned with the lines. */
  revenue: number[];
  cogs: number[];
}

/** Dense ids of a key per line (ignoring case), in first-seen order; each distinct spelling lower-cased once. */
function ids<K>(lines: readonly ProfitLine[], raw: (l: ProfitLine) => K, text: (k: K) => string): number[] {
  const byRaw = new Map<K, number>();
  const byText = new Map<string, number>();
  return lines.map((l) => {
    const r = raw(l);
    let id = byRaw.get(r);
    if (id === undefined) {
      const k = text(r).toLowerCase();
      id = byText.get(k);
      if (id === undefined) byText.set(k, (id = byText.size));
      byRaw.set(r, id);
    }
    return id;
  });
}

export function shownFigures(ctx: ReportContext, lines: readonly ProfitLine[]): ShownFigures {
  const dec = ctx.settings.currencyDecimals;
  // One `within` group per item (its SkuResult; an item has one category), with its full-precision sums.
  const within = ids(
    lines,
    (l) => l.result,
    (r) => r.sku
  );
  const first: ProfitLine[] = [];
  const sums = { revenue: [] as number[], cogs: [] as number[] };
  lines.forEach((l, i) => {
    const k = within[i];
    if (first[k] === undefined) {
      first[k] = l;
      sums.revenue[k] = sums.cogs[k] = 0;
    }
    sums.revenue[k] += l.revenue;
    sums.cogs[k] += l.cogs;
  });
  // Item targets: categories allocated to the grand total, items to their category (as "By category and item"
  // shows them; the order only breaks ties between equal remainders, so first-seen order does).
  const byCat = new Map<string, number[]>();
  first.forEach((l, k) => {
    const key = l.category.toLowerCase();
    const of = byCat.get(key);
    if (of) of.push(k);
    else byCat.set(key, [k]);
  });
  const cats = [...byCat.values()];
  const sum = (of: number[], m: "revenue" | "cogs") => of.reduce((a, k) => a + sums[m][k], 0);
  const targetOf = first.map(() => ({ revenue: 0, cogs: 0 }));
  for (const m of ["revenue", "cogs"] as const) {
    const catShown = allocate(
      cats.map((of) => sum(of, m)),
      dec
    );
    cats.forEach((of, c) => {
      const shown = allocate(
        of.map((k) => sums[m][k]),
        dec,
        catShown[c]
      );
      of.forEach((k, t) => (targetOf[k][m] = shown[t]));
    });
  }
  const info = dayInfo(ctx.options.fiscalYearEndMonth);
  const cuts = [
    ids(
      lines,
      (l) => Math.floor(l.row.Date),
      (d) => info(d).month
    ),
    ids(
      lines,
      (l) => l.row.Location,
      (x) => orNone(x)
    ),
    ids(
      lines,
      (l) => l.row.Party,
      (x) => orNone(x)
    ),
  ];
  const figure = (m: "revenue" | "cogs") =>
    roundFacts(
      lines.map((l) => l[m]),
      within,
      targetOf.map((t) => t[m]),
      cuts,
      dec
    );
  return { revenue: figure("revenue"), cogs: figure("cogs") };
}
