/**
 * The report sheets, in the order they appear in the workbook, and the sources of the Journal. To add a sheet,
 * write a SheetBuilder in its own file and list it here; to add journal entries, write a JournalSource and list
 * it in JOURNAL_SOURCES. Issues comes last: it lists what the other builders found (ctx.findings).
 *
 * Still to plug in (issue 7, another helper): profitability.ts (profitabilitySheet), valuation.ts
 * (valuationSheet) before Depreciation, and journalInventory.ts (inventoryJournal) in JOURNAL_SOURCES.
 */
import { assetSummarySheet } from "./assetSummary";
import { depreciationSheet } from "./depreciation";
import { issuesSheet } from "./issues";
import { journalSheet } from "./journal";
import { depreciationJournal, disposalJournal } from "./journalDepreciation";
import { inventoryJournal } from "./journalInventory";
import type { JournalSource } from "./journalTypes";
import type { SheetBuilder } from "./model";
import { profitabilitySheet } from "./profitability";
import { valuationSheet } from "./valuation";

export const JOURNAL_SOURCES: readonly JournalSource[] = [depreciationJournal, disposalJournal, inventoryJournal];

export const SHEET_BUILDERS: readonly SheetBuilder[] = [
  profitabilitySheet,
  valuationSheet,
  depreciationSheet,
  assetSummarySheet,
  journalSheet(JOURNAL_SOURCES),
  issuesSheet,
];
