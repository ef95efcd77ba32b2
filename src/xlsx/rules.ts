/**
 * Validation lists and conditional formats follow a table as it grows. Excel extends a column's rules to the rows
 * it adds to a table; ExcelJS does not, so when the adapter appends rows it stretches every rule that covered a
 * whole data column down to the new last row.
 */
import type ExcelJS from "exceljs";
import { parseAddress, rectAddress, type Rect } from "../excel/a1";

interface WithRules {
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: { ref: string }[];
}

/** `body` is the table's data rows before growing; `rows` the count after. */
export function stretchColumnRules(ws: ExcelJS.Worksheet, body: Rect, rows: number): void {
  if (rows <= body.rows) return;
  const stretch = (ref: string): string | null => {
    let r: Rect;
    try {
      r = parseAddress(ref);
    } catch {
      return null;
    }
    const covers =
      r.row === body.row && r.rows === body.rows && r.col >= body.col && r.col + r.cols <= body.col + body.cols;
    return covers ? rectAddress({ ...r, rows }) : null;
  };
  const w = ws as unknown as WithRules;
  const model = w.dataValidations.model;
  for (const key of Object.keys(model)) {
    const to = stretch(key);
    if (to && model[key] !== undefined) {
      model[to] = model[key];
      delete model[key];
    }
  }
  for (const cf of w.conditionalFormattings ?? []) {
    const to = stretch(cf.ref);
    if (to) cf.ref = to;
  }
}
