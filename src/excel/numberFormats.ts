/**
 * Number-format codes for the port's format kinds. Pure, shared by the Office.js and ExcelJS adapters so both
 * write the same formats. Dates are ISO-ordered (yyyy-mm-dd) so they read the same in every locale.
 */
import type { NumberFormatKind } from "../port/types";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

export function numberFormatCode(kind: NumberFormatKind | null | undefined, currencyDecimals = 2): string {
  switch (kind) {
    case "currency":
      return currencyDecimals > 0 ? `#,##0.${"0".repeat(currencyDecimals)}` : "#,##0";
    case "number":
      // Fixed two decimals: "#,##0.####" (or .##) shows a whole number as "7." in Excel, and uneven decimals
      // down a column. The cell keeps its full value.
      return "#,##0.00";
    case "ratio":
      return "0.00";
    case "days":
      return "#,##0.0";
    case "integer":
      return "#,##0";
    case "percent":
      return "0.0%";
    case "date":
      return "yyyy-mm-dd";
    case "text":
      return TEXT_FORMAT;
    default:
      return GENERAL_FORMAT;
  }
}
