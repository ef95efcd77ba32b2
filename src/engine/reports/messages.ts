/**
 * Sentences the report sheets show. Kept together so the wording stays consistent; written for an accountant.
 * (Lives beside the reports engine because this helper's paths are src/engine/reports/**.)
 */
export const reportMessages = {
  lifoNote: () =>
    "Note: LIFO is used. IFRS (IAS 2) does not permit LIFO; it is allowed under US GAAP and for US tax. " +
    "Use FIFO or a weighted average for IFRS statements.",
  noSchedule: (assetId: string, why: string) =>
    `Asset ${assetId}: its depreciation could not be computed (${why}); it is left out of the depreciation figures.`,
  unknownMethod: (method: string) =>
    `Depreciation method "${method}" is not one Stockbook computes (SL, SYD, DB, DDB, VDB, 150DB, MACRS, NONE)`,
  itemNotValued: (sku: string, why: string) => `Item ${sku} is not valued: ${why}`,
  checkZero: () => "Check (must be 0)",
  journalBalanced: (ok: boolean) =>
    ok ? "Debits equal credits." : "Debits and credits differ: see the check row and the Issues sheet.",
  noPivots: (reason: string) => `${reason} The figures below stand in for the PivotTables.`,
  issuesNone: () => "Every row of every table was used.",
  issuesNote: () =>
    "Skipped rows are not in any figure. Warnings name a cell that was ignored; the rest of the row was used.",
};
