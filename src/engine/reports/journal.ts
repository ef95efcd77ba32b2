/**
 * The Journal sheet: the period's entries an accountant posts to the general ledger, from every registered
 * JournalSource (registry.ts), with debits = credits shown per source and in total (a check that must be zero).
 */
import { round } from "../money";
import { headerBlock } from "./header";
import type { JournalLine, JournalSource } from "./journalTypes";
import { reportMessages as M } from "./messages";
import type { ReportCell, ReportContext, SheetBuilder, SheetModel } from "./model";
import { footed, sumBy } from "./tally";

export const JOURNAL_SHEET = "Journal";
export const JOURNAL_FACT = "SB_Journal";

export function journalLines(ctx: ReportContext, sources: readonly JournalSource[]): JournalLine[] {
  return sources
    .flatMap((s) => s.lines(ctx))
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.date - b.l.date || (a.l.entry < b.l.entry ? -1 : a.l.entry > b.l.entry ? 1 : 0) || a.i - b.i)
    .map((x) => x.l);
}

export function buildJournal(ctx: ReportContext, sources: readonly JournalSource[]): SheetModel | null {
  const lines = journalLines(ctx, sources);
  const dec = ctx.settings.currencyDecimals;
  const r = (x: number) => round(x, dec);
  const bySource = sumBy(
    lines,
    (l) => [l.source],
    (l) => [l.debit, l.credit]
  );
  // Lines are already rounded; per-source and total figures are sums of the rounded amounts, so they foot.
  const balance: ReportCell[][] = bySource.map(([k, v]) => [k[0], r(v[0]), r(v[1]), footed([r(v[0]), -r(v[1])], dec)]);
  const debits = footed(
    balance.map((b) => b[1] as number),
    dec
  );
  const credits = footed(
    balance.map((b) => b[2] as number),
    dec
  );
  balance.push(["Total", debits, credits, footed([debits, -credits], dec)]);
  const byAccount = sumBy(
    lines,
    (l) => [l.account],
    (l) => [l.debit, l.credit]
  );
  const facts: ReportCell[][] = lines.map((l) => [
    l.date,
    l.entry,
    l.source,
    l.account,
    l.description,
    l.reference,
    l.debit,
    l.credit,
  ]);
  const money = { Debit: "currency", Credit: "currency" } as const;
  return {
    name: JOURNAL_SHEET,
    header: headerBlock(
      ctx,
      "Journal",
      `Entries for the period; accounts from the settings (${sources.map((s) => s.name).join(", ")})`
    ),
    notes: [M.journalBalanced(r(debits - credits) === 0)],
    summaries: [
      {
        title: "Debits = credits",
        headers: ["Source", "Debit", "Credit", M.checkZero()],
        rows: balance,
        formats: { ...money, [M.checkZero()]: "currency" },
        boldRows: [balance.length - 1],
      },
      {
        title: "Totals by account",
        headers: ["Account", "Debit", "Credit"],
        rows: byAccount.map(([k, v]) => [k[0], r(v[0]), r(v[1])]),
        formats: money,
        fallbackFor: "PT_JournalByAccount",
      },
    ],
    tables: [
      {
        name: JOURNAL_FACT,
        title: "Journal lines",
        headers: ["Date", "Entry", "Source", "Account", "Description", "Reference", "Debit", "Credit"],
        rows: facts,
        formats: { Date: "date", ...money },
      },
    ],
    pivots:
      facts.length === 0
        ? []
        : [
            {
              name: "PT_JournalByAccount",
              title: "Totals by account",
              table: JOURNAL_FACT,
              rows: ["Account"],
              values: [
                { field: "Debit", summarizeBy: "Sum", caption: "Total debit" },
                { field: "Credit", summarizeBy: "Sum", caption: "Total credit" },
              ],
            },
          ],
    charts: [],
    tabColor: "#7030A0",
  };
}

export function journalSheet(sources: readonly JournalSource[]): SheetBuilder {
  return { sheet: JOURNAL_SHEET, build: (ctx) => buildJournal(ctx, sources) };
}
