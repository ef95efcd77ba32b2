/**
 * Table edits returned by the asset operations, in canonical column names (the port maps them to the user's
 * headers). An operation only appends rows and fills or changes named cells; it never deletes a row.
 */
import type { TableName } from "../schema/tables";

export type EditValue = string | number | boolean | null;

export interface EngineEdits {
  table: TableName;
  /** Rows appended at the end of the table; columns not named stay blank. */
  append: Record<string, EditValue>[];
  /** Cells changed in existing rows; `index` is the 0-based data row (`row.index` of the parsed row). */
  update: { index: number; values: Record<string, EditValue> }[];
}

export function appendTo(table: TableName, ...rows: Record<string, EditValue>[]): EngineEdits {
  return { table, append: rows, update: [] };
}

export function updateIn(table: TableName, index: number, values: Record<string, EditValue>): EngineEdits {
  return { table, append: [], update: [{ index, values }] };
}
