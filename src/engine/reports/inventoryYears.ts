/**
 * The inventory roll-forward by fiscal year and category, as shown: the one set of figures that both the Inventory
 * Valuation roll-forward and the inventory journal (journalInventory.ts) print, so the two sheets agree to the cent
 * for any period.
 *
 * Why per fiscal year: books are closed, and entries posted, one fiscal year at a time. Each year's amounts are
 * rounded on their own (a year's REC/COGS/ISS/ADJ entries are the same whether the report covers that year alone
 * or several), and a year opens with the closing value the year before it showed. A period of several years then
 * shows, per category, the first year's opening, the sum of the years' posted flows and the last year's closing —
 * what an accountant gets by adding up the years' trial balances. Rounding the whole period's flows in one go
 * instead could differ by a cent from the sum of the entries actually posted.
 */
import { fiscalYearBounds } from "../dates";
import { valueLedger, type ValuationResult } from "../inventory";
import { inventoryRun } from "./inventoryRun";
import type { ReportContext } from "./model";
import { reportYears } from "./options";
import { itemError, itemRowOf } from "./profitabilityParts/items";
import { rollForwardGap, shownRollForward } from "./profitabilityParts/stock";
import { Groups } from "./profitabilityParts/tally";
import { footed, orNone } from "./tally";

/** Columns of a roll-forward line: opening, receipts, vendor returns, adjustments, COGS, issues, closing, gap. */
export const ROLL = {
  opening: 0,
  receipts: 1,
  vendorReturns: 2,
  adjustments: 3,
  cogs: 4,
  issues: 5,
  closing: 6,
  gap: 7,
};

export interface Span {
  fiscalYear: number;
  /** The part of the fiscal year inside the report period. */
  from: number;
  to: number;
  result: ValuationResult;
}

/** One category's roll-forward line as shown (see shownRollForward), in ROLL order. */
export interface CategoryRoll {
  name: string;
  v: number[];
}

export interface YearRoll {
  fiscalYear: number;
  from: number;
  to: number;
  /** Categories sorted by name ("(none)" last). */
  lines: CategoryRoll[];
}

/** The valuation of each fiscal year inside the period: the shared run when the period is one fiscal year. */
export function fiscalSpans(ctx: ReportContext): Span[] {
  return ctx.memo("inventory:fiscal-spans", () => {
    const { input, result } = inventoryRun(ctx);
    const { from, to, fiscalYearEndMonth: fyEnd } = ctx.options;
    const years = reportYears(ctx.options);
    return years.map((fy): Span => {
      const b = fiscalYearBounds(fy, fyEnd);
      const s = Math.max(from, b.start);
      const e = Math.min(to, b.end);
      if (years.length === 1) return { fiscalYear: fy, from: s, to: e, result };
      const r = valueLedger(input.compiled, {
        from: s,
        to: e,
        method: ctx.options.valuationMethod ?? undefined,
        defaultMethod: ctx.settings.valuationMethod,
        fiscalYearEndMonth: fyEnd,
        weightedPeriod: ctx.settings.weightedPeriod,
        allowNegativeStock: ctx.options.allowNegativeStock,
        needs: "value",
      });
      return { fiscalYear: fy, from: s, to: e, result: r };
    });
  });
}

/**
 * Per fiscal year, the category lines as shown. Items left out: services (no stock), items whose figures are
 * withheld for the period, and any item a year's valuation could not value (left out of every year, so each
 * year's closing is the next one's opening).
 */
export function rollForwardYears(ctx: ReportContext): YearRoll[] {
  return ctx.memo("inventory:roll-forward-years", () => {
    const { input, result: main } = inventoryRun(ctx);
    const dec = ctx.settings.currencyDecimals;
    const spans = fiscalSpans(ctx);
    const out = new Set<string>();
    for (const r of main.items) if (r.service || itemError(input, r)) out.add(r.sku.toLowerCase());
    for (const sp of spans) for (const r of sp.result.items) if (r.error) out.add(r.sku.toLowerCase());
    // A category's closing as last shown: the next year opens with it.
    const closed = new Map<string, number>();
    return spans.map((sp): YearRoll => {
      const byCat = new Map<string, CategoryRoll>();
      for (const res of sp.result.items) {
        if (out.has(res.sku.toLowerCase()) || !main.get(res.sku)) continue;
        const name = orNone(itemRowOf(input.compiled, res.sku)?.Category);
        const c = byCat.get(name.toLowerCase()) ?? { name, v: new Array<number>(8).fill(0) };
        [
          res.opening.value,
          res.receipts.value,
          res.vendorReturns.value,
          res.adjustments.value,
          res.cogs,
          res.issues.value,
          res.value,
          rollForwardGap(res),
        ].forEach((x, i) => (c.v[i] += x));
        byCat.set(name.toLowerCase(), c);
      }
      const cats = new Groups();
      for (const c of byCat.values()) cats.touch([c.name]);
      const lines = cats.sorted().map((g): CategoryRoll => {
        const key = g.keys[0].toLowerCase();
        const c = byCat.get(key) as CategoryRoll;
        const v = shownRollForward(c.v, dec, closed.get(key));
        closed.set(key, v[ROLL.closing]);
        return { name: c.name, v };
      });
      return { fiscalYear: sp.fiscalYear, from: sp.from, to: sp.to, lines };
    });
  });
}

/**
 * The period's line per category from the years' shown lines: the first year's opening, the years' flows and gaps
 * added up, the last year's closing. It closes to the cent because each year does and each year opens with the
 * closing of the year before (the sum telescopes).
 */
export function periodRollForward(years: readonly YearRoll[], dec: number): CategoryRoll[] {
  const acc = new Map<string, { name: string; parts: number[][]; opening: number; closing: number }>();
  for (const y of years)
    for (const l of y.lines) {
      const key = l.name.toLowerCase();
      const a = acc.get(key) ?? { name: l.name, parts: [], opening: l.v[ROLL.opening], closing: 0 };
      a.parts.push(l.v);
      a.closing = l.v[ROLL.closing];
      acc.set(key, a);
    }
  const cats = new Groups();
  for (const a of acc.values()) cats.touch([a.name]);
  return cats.sorted().map((g) => {
    const a = acc.get(g.keys[0].toLowerCase()) as { name: string; parts: number[][]; opening: number; closing: number };
    const sum = (i: number) =>
      footed(
        a.parts.map((v) => v[i]),
        dec
      );
    const v = [a.opening, sum(1), sum(2), sum(3), sum(4), sum(5), a.closing, sum(7)];
    return { name: a.name, v: v.map((x) => (x === 0 ? 0 : x)) };
  });
}
