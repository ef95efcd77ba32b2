/**
 * The very hidden `_Stockbook` sheet: settings, the header map and the list of owned sheets as key/value rows in
 * columns A:B under a header row. Every port stores it the same way, so Excel, files and the CLI agree.
 */
import { settingsFromRows, settingsToRows, type Settings } from "../engine/settings";
import type { CellValue } from "./types";

export const SETTINGS_SHEET = "_Stockbook";
export const SETTINGS_HEADER = ["Key", "Value"];

export function settingsSheetValues(s: Settings): CellValue[][] {
  return [SETTINGS_HEADER, ...settingsToRows(s)];
}

export function settingsFromSheetValues(values: readonly (readonly CellValue[])[]): Settings {
  return settingsFromRows(values.slice(1));
}
