/**
 * A SheetModel as the port's SheetSpec: header, notes, summaries (the pivots' stand-ins only where PivotTables
 * could not be added), then the fact tables under their temp names (TEMP_TABLE_SUFFIX) until the swap.
 */
import type { SheetModel, Summary } from "../engine/reports/model";
import { TEMP_TABLE_SUFFIX, type Block, type SheetSpec } from "../port/types";

export interface SpecChoices {
  /** Sheet name to write (the temp name during a run). */
  sheetName: string;
  /** Show the static stand-ins of these pivots (those that could not be added). */
  fallbackFor: ReadonlySet<string>;
  /** Extra notes (e.g. why PivotTables are missing). */
  notes?: string[];
}

export const tempTableName = (name: string): string => `${name}${TEMP_TABLE_SUFFIX}`;

export function shownSummaries(model: SheetModel, fallbackFor: ReadonlySet<string>): Summary[] {
  return model.summaries.filter((s) => s.fallbackFor === undefined || fallbackFor.has(s.fallbackFor));
}

export function toSheetSpec(model: SheetModel, choices: SpecChoices): SheetSpec {
  const summaries = shownSummaries(model, choices.fallbackFor);
  const blocks: Block[] = [
    { kind: "title", text: model.header.title, lines: model.header.lines },
    ...[...model.notes, ...(choices.notes ?? [])].map((text): Block => ({ kind: "note", text })),
    ...summaries.map((s): Block => ({
      kind: "summary",
      title: s.title,
      headers: s.headers,
      rows: s.rows,
      formats: s.formats,
      boldRows: s.boldRows,
    })),
    ...model.tables.map((t): Block => ({
      kind: "table",
      name: tempTableName(t.name),
      title: t.title,
      headers: t.headers,
      rows: t.rows,
      formats: t.formats,
      style: "TableStyleMedium2",
    })),
  ];
  // Freeze the header row of the fact table only when it sits right under the title block; above a stack of
  // summaries it would freeze half the screen.
  return { name: choices.sheetName, blocks, freezeHeader: summaries.length === 0, tabColor: model.tabColor };
}
