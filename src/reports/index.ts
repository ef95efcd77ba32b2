/** Writing the report models through a WorkbookPort (Office.js, ExcelJS file or memory). */
export { generateReports, type GenerateOptions, type GenerateResult } from "./generate";
export { ReportError } from "./errors";
export { readReportInput, hasAnyTable } from "./read";
export { ReportsBusyError, isRunning } from "./lock";
export { toSheetSpec, tempTableName } from "./sheetSpec";
