/**
 * XlsxWorkbook, and with it ExcelJS (~0.5 s to load), only for the commands that write through it (init, demo,
 * report --with-tables): `report` and `check` read and write through src/xlsx/fast and never need it. A plain
 * require, not import(): bin/stockbook.js runs the sources through tsx's require hook, which import() bypasses.
 */
export function loadXlsxWorkbook(): typeof import("../xlsx/xlsxWorkbook") {
  return require("../xlsx/xlsxWorkbook");
}
