/**
 * Writing the very hidden `_Stockbook` sheet (settings, header map, owned sheets) through Office.js. Every cell is
 * Text ("@") so keys and JSON values are kept exactly; rows left over from a longer earlier list are blanked.
 */
import type { Settings } from "../engine/settings";
import { SETTINGS_SHEET, settingsSheetValues } from "../port/settingsSheet";
import { rectAddress } from "./a1";
import type { HostState } from "./hostState";
import { sheetNamed } from "./hostState";
import { TEXT_FORMAT } from "./numberFormats";

/** Queues the settings write; the caller syncs. */
export function queueSettings(ctx: Excel.RequestContext, st: HostState, settings: Settings): void {
  const existing = sheetNamed(st, SETTINGS_SHEET);
  const sheet = existing ? ctx.workbook.worksheets.getItem(existing) : ctx.workbook.worksheets.add(SETTINGS_SHEET);
  // Very hidden: not listed in Excel's Unhide dialog. Set again each time in case it was made visible.
  sheet.visibility = "VeryHidden";
  const rows = settingsSheetValues(settings).map((r) => [String(r[0] ?? ""), String(r[1] ?? "")]);
  while (rows.length < st.settingsRows) rows.push(["", ""]);
  const range = sheet.getRange(rectAddress({ row: 0, col: 0, rows: rows.length, cols: 2 }));
  range.numberFormat = rows.map(() => [TEXT_FORMAT, TEXT_FORMAT]);
  range.values = rows;
}
