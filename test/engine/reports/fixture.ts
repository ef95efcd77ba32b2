/** Builds report inputs from rows typed the way an accountant keys them (canonical headers, serial dates). */
import { toSerial } from "../../../src/engine/dates";
import { createContext } from "../../../src/engine/reports/context";
import type { ReportCell, ReportContext, ReportInput } from "../../../src/engine/reports/model";
import { reportOptions, type ReportRequest } from "../../../src/engine/reports/options";
import { parseTable } from "../../../src/engine/schema/parse";
import { TABLE_NAMES, TABLES, type TableName } from "../../../src/engine/schema/tables";
import { defaultSettings, type Settings } from "../../../src/engine/settings";

export const d = (y: number, m: number, day: number): number => toSerial(y, m, day);

export type Rec = Record<string, ReportCell | undefined>;

export function cells(table: TableName, recs: Rec[]): { header: string[]; rows: ReportCell[][]; headerRow: number } {
  const header = TABLES[table].columns.map((c) => c.name);
  return { header, rows: recs.map((r) => header.map((h) => r[h] ?? null)), headerRow: 1 };
}

export function makeInput(
  recs: Partial<Record<TableName, Rec[]>>,
  req: ReportRequest = {},
  settings: Settings = defaultSettings()
): ReportInput {
  const options = reportOptions(settings, { now: new Date(2026, 0, 15, 9, 30), ...req });
  return { ...parsedTables((n) => cells(n, recs[n] ?? [])), settings, options };
}

/** Every table's cells (header row 1) and its parse, as a report input holds them. */
export function parsedTables(
  cellsOf: (table: TableName) => { header: string[]; rows: readonly (readonly unknown[])[] }
): Pick<ReportInput, "tables" | "raw"> {
  const tables = {} as Record<TableName, unknown>;
  const raw: ReportInput["raw"] = {};
  for (const n of TABLE_NAMES) {
    const { header, rows } = cellsOf(n);
    raw[n] = { header, rows: rows as ReportCell[][], headerRow: 1 };
    tables[n] = parseTable(n, header, rows as ReportCell[][]);
  }
  return { tables: tables as ReportInput["tables"], raw };
}

export function makeContext(
  recs: Partial<Record<TableName, Rec[]>>,
  req: ReportRequest = {},
  settings?: Settings
): ReportContext {
  return createContext(makeInput(recs, req, settings));
}

/** Rows of a summary by title (prefix match), as objects keyed by header. */
export function summaryRows(
  sheet: { summaries: { title: string; headers: string[]; rows: ReportCell[][] }[] },
  titleStart: string
): Record<string, ReportCell>[] {
  const s = sheet.summaries.find((x) => x.title.startsWith(titleStart));
  if (!s) throw new Error(`no summary ${titleStart}`);
  return s.rows.map((r) => Object.fromEntries(s.headers.map((h, i) => [h, r[i]])));
}

export function tableRows(
  sheet: { tables: { name: string; headers: string[]; rows: ReportCell[][] }[] },
  name?: string
): Record<string, ReportCell>[] {
  const t = name ? sheet.tables.find((x) => x.name === name) : sheet.tables[sheet.tables.length - 1];
  if (!t) throw new Error(`no table ${name}`);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}
