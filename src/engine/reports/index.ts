/**
 * Report models (issue 7): pure. From the parsed tables, the settings and the options, each sheet builder makes a
 * SheetModel — header block, static summaries, fact tables, PivotTable and chart specs. src/reports writes them.
 *
 *   const opts = reportOptions(settings, { from, to, valuationMethod, now });
 *   const { sheets } = buildReports({ tables, raw, settings, options: opts });
 *
 * Shared per-run computations (memoised on the context): inventoryRun(ctx) (the one ledger valuation),
 * depreciationRun(ctx) (every asset's figures for the period). New sheets and journal sources go in registry.ts.
 */
export * from "./model";
export * from "./options";
export { createContext, emptyTables } from "./context";
export { buildReports, type BuiltReports } from "./build";
export { SHEET_BUILDERS, JOURNAL_SOURCES } from "./registry";
export { headerBlock, inventoryMethods, inventoryMethodLine, lifoNotes, periodLine } from "./header";
export { inventoryRun, type InventoryRun } from "./inventoryRun";
export { depreciationRun, type AssetDepreciation, type DepreciationRun, type YearFigures } from "./deprRun";
export { line, type JournalLine, type JournalSource } from "./journalTypes";
export { journalLines } from "./journal";
export { allIssues, rowCounts } from "./issues";
export { sumBy, countBy, orNone, compareKeys } from "./tally";
export { dateText, dateTimeText } from "./text";
export { reportMessages } from "./messages";
