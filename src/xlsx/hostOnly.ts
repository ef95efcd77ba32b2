/**
 * What a file cannot hold that only Excel itself builds: PivotTables and charts are made through Office.js inside
 * Excel, so both file ports answer these refusals and the report writer shows the static stand-ins.
 */
import type { AddResult } from "../port/types";

export const NO_PIVOTS: AddResult = {
  ok: false,
  reason: "PivotTables are added only inside Excel; a static summary is shown instead.",
};
export const NO_CHARTS: AddResult = {
  ok: false,
  reason: "Charts are added only inside Excel; the table is shown instead.",
};
