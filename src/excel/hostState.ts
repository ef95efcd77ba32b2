/**
 * What the adapter needs to know before it changes anything: sheets, tables and where they are, the settings
 * (with the owned-sheet list) from the very hidden `_Stockbook` sheet, and the calculation mode to restore.
 * One sync, plus one more when the `_Stockbook` sheet exists.
 */
import type { Settings } from "../engine/settings";
import { defaultSettings } from "../engine/settings";
import { SETTINGS_SHEET, settingsFromSheetValues } from "../port/settingsSheet";
import { sameName, type CellValue } from "../port/types";

export interface HostState {
  sheets: { name: string; visibility: string }[];
  tables: { name: string; sheet: string }[];
  settings: Settings;
  /** Rows the `_Stockbook` sheet uses now (to blank them when the settings shrink); 0 when it does not exist. */
  settingsRows: number;
  hasSettingsSheet: boolean;
  calculationMode: string;
}

export function sheetNamed(st: HostState, name: string): string | undefined {
  return st.sheets.find((s) => sameName(s.name, name))?.name;
}

export function tableNamed(st: HostState, name: string): { name: string; sheet: string } | undefined {
  return st.tables.find((t) => sameName(t.name, name));
}

/** The owned sheets that exist, with the workbook's spelling. */
export function ownedExisting(st: HostState): string[] {
  const out: string[] = [];
  for (const o of st.settings.ownedSheets) {
    const s = sheetNamed(st, o);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

export function isOwned(st: HostState, name: string): boolean {
  return st.settings.ownedSheets.some((o) => sameName(o, name));
}

/** `withSettings` false skips reading the `_Stockbook` sheet (one sync less) where settings are not needed. */
export async function loadHostState(ctx: Excel.RequestContext, withSettings = true): Promise<HostState> {
  const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
  const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
  const app = ctx.workbook.application.load("calculationMode");
  await ctx.sync();
  const st = baseState(sheets, tables, app);
  const settingsSheet = sheetNamed(st, SETTINGS_SHEET);
  if (settingsSheet && withSettings) {
    const used = ctx.workbook.worksheets.getItem(settingsSheet).getUsedRange().load("values,rowIndex,columnIndex");
    await ctx.sync();
    takeSettings(st, used);
  }
  return st;
}

/**
 * loadHostState in one sync where the `_Stockbook` sheet is expected (seen by an earlier call): its cells are
 * loaded with the sheet list. When it has gone meanwhile, that request fails as Excel finds no such sheet, and the
 * state is loaded the ordinary way. `expect` false is loadHostState itself (one sync, two when the sheet exists).
 */
export async function loadHostStateExpecting(ctx: Excel.RequestContext, expect: boolean): Promise<HostState> {
  if (!expect) return loadHostState(ctx);
  const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
  const tables = ctx.workbook.tables.load("items/name,items/worksheet/name");
  const app = ctx.workbook.application.load("calculationMode");
  const used = ctx.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRange().load("values,rowIndex,columnIndex");
  try {
    await ctx.sync();
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") return loadHostState(ctx);
    throw e;
  }
  const st = baseState(sheets, tables, app);
  takeSettings(st, used);
  return st;
}

function baseState(
  sheets: Excel.WorksheetCollection,
  tables: Excel.TableCollection,
  app: Excel.Application
): HostState {
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    settings: defaultSettings(),
    settingsRows: 0,
    hasSettingsSheet: false,
    calculationMode: String(app.calculationMode),
  };
}

/** The settings from the `_Stockbook` sheet's used range (two columns: key, value). */
export function takeSettings(
  st: HostState,
  used: { values: unknown[][]; rowIndex: number; columnIndex: number }
): void {
  const grid: CellValue[][] = [];
  for (let r = 0; r < used.rowIndex + used.values.length; r++) {
    const src = used.values[r - used.rowIndex];
    const cell = (c: number): CellValue => {
      const v = src?.[c - used.columnIndex] as CellValue | undefined;
      return v === undefined || v === "" ? null : v;
    };
    grid.push([cell(0), cell(1)]);
  }
  st.settings = settingsFromSheetValues(grid);
  st.settingsRows = grid.length;
  st.hasSettingsSheet = true;
}
