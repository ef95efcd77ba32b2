/**
 * Journal entries of the asset register for the period: depreciation expense (Dr expense / Cr accumulated
 * depreciation, one entry per fiscal year with a line pair per category) and disposals (Dr cash for the proceeds,
 * Dr accumulated depreciation, Cr fixed assets at cost, and the gain (Cr) or loss (Dr)).
 */
import { round } from "../money";
import { depreciationRun } from "./deprRun";
import { line, type JournalLine, type JournalSource } from "./journalTypes";
import { orNone, sumBy } from "./tally";

export const depreciationJournal: JournalSource = {
  name: "Depreciation",
  lines(ctx) {
    const run = depreciationRun(ctx);
    const acc = ctx.settings.accounts;
    const r = (x: number) => round(x, ctx.settings.currencyDecimals);
    const groups = sumBy(
      run.assets.filter((d) => d.ok).flatMap((d) => d.years.map((y) => ({ c: orNone(d.asset.Category), y }))),
      (x) => [x.y.fiscalYear, x.c],
      (x) => [x.y.depreciation, x.y.to]
    );
    const out: JournalLine[] = [];
    for (const [[fy, cat], [amount]] of groups) {
      if (r(amount) === 0) continue;
      const ends = run.assets.flatMap((d) => d.years).find((y) => y.fiscalYear === fy)?.to ?? ctx.options.to;
      const base = { date: ends, entry: `DEP-FY${fy}`, source: "Depreciation", reference: String(cat) };
      out.push(
        line(
          { ...base, account: acc.depreciationExpense, description: `Depreciation FY${fy}: ${cat}` },
          "debit",
          amount,
          r
        )
      );
      out.push(
        line(
          { ...base, account: acc.accumulatedDepreciation, description: `Depreciation FY${fy}: ${cat}` },
          "credit",
          amount,
          r
        )
      );
    }
    return out;
  },
};

export const disposalJournal: JournalSource = {
  name: "Disposal",
  lines(ctx) {
    const acc = ctx.settings.accounts;
    const r = (x: number) => round(x, ctx.settings.currencyDecimals);
    const out: JournalLine[] = [];
    for (const d of depreciationRun(ctx).assets) {
      const x = d.disposal;
      if (!x) continue;
      const id = d.asset.AssetID;
      const base = { date: x.disposedOn, entry: `DSP-${id}`, source: "Disposal", reference: id };
      const what = `Disposal of ${id}${d.asset.Name ? ` ${d.asset.Name}` : ""}`;
      if (r(x.proceeds) !== 0)
        out.push(line({ ...base, account: acc.cash, description: `${what}: proceeds` }, "debit", x.proceeds, r));
      if (r(x.accumulated) !== 0)
        out.push(
          line(
            { ...base, account: acc.accumulatedDepreciation, description: `${what}: accumulated depreciation` },
            "debit",
            x.accumulated,
            r
          )
        );
      out.push(line({ ...base, account: acc.fixedAssets, description: `${what}: cost` }, "credit", d.asset.Cost, r));
      // Balance with the engine's gain or loss; any rounding difference shows on the check row, not hidden.
      if (r(x.gainLoss) > 0)
        out.push(line({ ...base, account: acc.gainOnDisposal, description: `${what}: gain` }, "credit", x.gainLoss, r));
      if (r(x.gainLoss) < 0)
        out.push(line({ ...base, account: acc.lossOnDisposal, description: `${what}: loss` }, "debit", -x.gainLoss, r));
    }
    return out;
  },
};
