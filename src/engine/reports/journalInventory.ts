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
import { round } from "../money";
import { ROLL, rollForwardYears } from "./inventoryYears";
import { line, type JournalLine, type JournalSource } from "./journalTypes";
import type { ReportContext } from "./model";

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

/** The roll-forward column each kind posts, in the order of KINDS. */
const COLUMN = [ROLL.receipts, ROLL.vendorReturns, ROLL.cogs, ROLL.issues, ROLL.adjustments];

export const inventoryJournal: JournalSource = {
  name: "Inventory",
  lines(ctx) {
    const acc = ctx.settings.accounts;
    const r = (x: number) => round(x, ctx.settings.currencyDecimals);
    const out: JournalLine[] = [];
    // Per fiscal year and category: the very amounts the Inventory Valuation roll-forward shows (rounded per
    // year, Adjustments absorbing the rounding; see inventoryYears.ts), so both sheets agree for any period.
    for (const y of rollForwardYears(ctx)) {
      KINDS.forEach((kind, k) => {
        for (const { name: cat, v } of y.lines) {
          const amount = v[COLUMN[k]];
          if (amount === 0) continue;
          const base = {
            date: y.to,
            entry: `${kind.code}-FY${y.fiscalYear}`,
            source: "Inventory",
            reference: cat,
            description: `${kind.what} FY${y.fiscalYear}: ${cat}`,
          };
          out.push(line({ ...base, account: kind.debit(acc) }, "debit", amount, r));
          out.push(line({ ...base, account: kind.credit(acc) }, "credit", amount, r));
        }
      });
    }
    return out;
  },
};
