/**
 * A journal line and the sources that contribute lines to the Journal sheet. Each source is one file
 * (journalDepreciation.ts; journalInventory.ts for COGS, issues and count adjustments) listed in registry.ts.
 */
import type { ReportContext } from "./model";

export interface JournalLine {
  /** Posting date (serial). */
  date: number;
  /** Entry id: the lines of one entry share it and balance (e.g. "DEP-FY2025", "DSP-A-0031"). */
  entry: string;
  /** Which part of the books it comes from: "Depreciation", "Disposal", "COGS", ... */
  source: string;
  /** Account code and name, from Settings.accounts. */
  account: string;
  description: string;
  /** AssetID, SKU or category the line is about. */
  reference: string | null;
  /** One of debit/credit is 0; amounts already rounded to the currency decimals. */
  debit: number;
  credit: number;
}

export interface JournalSource {
  name: string;
  lines(ctx: ReportContext): JournalLine[];
}

/** A debit or credit line, rounded; a negative amount flips to the other side. */
export function line(
  base: Omit<JournalLine, "debit" | "credit">,
  side: "debit" | "credit",
  amount: number,
  round: (x: number) => number
): JournalLine {
  const a = round(amount);
  const flip = a < 0;
  const debit = (side === "debit") !== flip ? Math.abs(a) : 0;
  const credit = (side === "credit") !== flip ? Math.abs(a) : 0;
  return { ...base, debit, credit };
}
