/** `stockbook init <new.xlsx>`: a new workbook with Stockbook's empty tables and settings. Never overwrites. */
import { existsSync } from "node:fs";
import { TABLE_NAMES } from "../engine/schema/tables";
import { defaultSettings } from "../engine/settings";
import { tableSpec } from "../port/setup";
import { BAD_FILE, CliFailure } from "./io";
import { loadXlsxWorkbook } from "./lazy";

export async function runInit(path: string): Promise<void> {
  if (existsSync(path)) throw new CliFailure(BAD_FILE, `${path} already exists; Stockbook will not overwrite it.`);
  const settings = defaultSettings();
  const { XlsxWorkbook } = loadXlsxWorkbook();
  const wb = XlsxWorkbook.create();
  await wb.writeSettings(settings);
  for (const n of TABLE_NAMES) await wb.createTable(tableSpec(n, settings));
  await wb.activateSheet(TABLE_NAMES[0]);
  await wb.saveAs(path);
}
