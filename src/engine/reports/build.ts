/** Builds every report sheet's model from the parsed tables: the pure half of "Generate reports". */
import { createContext } from "./context";
import type { ReportContext, ReportInput, SheetBuilder, SheetModel } from "./model";
import { SHEET_BUILDERS } from "./registry";

export interface BuiltReports {
  sheets: SheetModel[];
  context: ReportContext;
}

export function buildReports(input: ReportInput, builders: readonly SheetBuilder[] = SHEET_BUILDERS): BuiltReports {
  const context = createContext(input);
  const sheets: SheetModel[] = [];
  for (const b of builders) {
    const model = b.build(context);
    if (model) sheets.push(model);
  }
  return { sheets, context };
}
