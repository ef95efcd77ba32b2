/** Writing the report models through a WorkbookPort (Office.js, ExcelJS file or memory). */
export { generateReports, ReportError, type GenerateOptions, type GenerateResult } from "./generate";
export { ReportsBusyError, isRunning } from "./lock";
export { toSheetSpec, tempTableName } from "./sheetSpec";
