/**
 * Journal entries of the inventory for the period, one entry per kind and fiscal year with a Dr/Cr pair per
 * category (like the depreciation entry), dated at the fiscal year's last day inside the period:
 * - REC: goods received — Dr inventory / Cr accounts payable (settings.accounts.payables; a cash purchase is
 *   then the payment, Dr payables / Cr cash, posted from the purchase ledger, not by Stockbook);
 * - VRT: returns to vendors — Dr accounts payable / Cr inventory (the vendor owes a credit note);
 * - COGS: net cost of goods sold (sales less customer returns) — Dr COGS / Cr inventory;
 * - ISS: internal issues — Dr materials consumed / Cr inventory;
 * - ADJ: count adjustments (and negative-stock cost differences) — Dr inventory / Cr inventory adjustments,
 *   or the reverse when they reduce stock.
 * Together they move the inventory account by closing − opening value (the roll-forward). Services hold no stock:
 * their direct cost is not an inventory movement and is left out. Items whose figures are withheld are left out.
 */
import { fiscalYearBounds } from "../dates";
import { valueLedger, type ValuationResult } from "../inventory";
import { round } from "../money";
import { inventoryRun } from "./inventoryRun";
import { line, type JournalLine, type JournalSource } from "./journalTypes";
import type { ReportContext } from "./model";
import { reportYears } from "./options";
import { itemError, itemRowOf } from "./profitabilityParts/items";
import { rollForwardGap, shownRollForward } from "./profitabilityParts/stock";
import { Groups } from "./profitabilityParts/tally";
import { orNone } from "./tally";

interface Span {
  fiscalYear: number;
  from: number;
  to: number;
  result: ValuationResult;
}

/** The valuation of each fiscal year inside the period: the shared run when the period is one fiscal year. */
function spans(ctx: ReportContext): Span[] {
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
      });
      return { fiscalYear: fy, from: s, to: e, result: r };
    });
  });
}

type Kind = {
  code: string;
  what: string;
  debit: (a: ReportContext["settings"]["accounts"]) => string;
  credit: (a: ReportContext["settings"]["accounts"]) => string;
};

const KINDS: Kind[] = [
  {
    code: "REC",
    what: "Stock received (goods received, payable to the vendor)",
    debit: (a) => a.inventory,
    credit: (a) => a.payables,
  },
  {
    code: "VRT",
    what: "Stock returned to vendors (credit note due)",
    debit: (a) => a.payables,
    credit: (a) => a.inventory,
  },
  {
    code: "COGS",
    what: "Cost of goods sold, net of customer returns",
    debit: (a) => a.cogs,
    credit: (a) => a.inventory,
  },
  { code: "ISS", what: "Stock issued for internal use", debit: (a) => a.suppliesExpense, credit: (a) => a.inventory },
  {
    code: "ADJ",
    what: "Inventory adjustments (counts)",
    debit: (a) => a.inventory,
    credit: (a) => a.inventoryAdjustments,
  },
];

export const inventoryJournal: JournalSource = {
  name: "Inventory",
  lines(ctx) {
    const { input, result: main } = inventoryRun(ctx);
    const acc = ctx.settings.accounts;
    const r = (x: number) => round(x, ctx.settings.currencyDecimals);
    const out: JournalLine[] = [];
    for (const sp of spans(ctx)) {
      // Per category: the roll-forward line's figures (full precision), then rounded as the Inventory Valuation
      // roll-forward shows them (Adjustments absorbing the rounding), so both sheets carry the same amounts.
      const byCat = new Map<string, { name: string; v: number[] }>();
      for (const res of sp.result.items) {
        const whole = main.get(res.sku);
        if (res.service || !whole || itemError(input, whole) || res.error) continue;
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
      const shownByCat = cats.sorted().map((g) => {
        const c = byCat.get(g.keys[0].toLowerCase()) as { name: string; v: number[] };
        const s = shownRollForward(c.v, ctx.settings.currencyDecimals);
        // Receipts, vendor returns, COGS, issues, adjustments: the order of KINDS.
        return { cat: c.name, amounts: [s[1], s[2], s[4], s[5], s[3]] };
      });
      KINDS.forEach((kind, k) => {
        for (const { cat, amounts } of shownByCat) {
          const amount = amounts[k];
          if (amount === 0) continue;
          const base = {
            date: sp.to,
            entry: `${kind.code}-FY${sp.fiscalYear}`,
            source: "Inventory",
            reference: cat,
            description: `${kind.what} FY${sp.fiscalYear}: ${cat}`,
          };
          out.push(line({ ...base, account: kind.debit(acc) }, "debit", amount, r));
          out.push(line({ ...base, account: kind.credit(acc) }, "credit", amount, r));
        }
      });
    }
    return out;
  },
};
