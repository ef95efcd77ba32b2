/**
 * Setting up the workbook's tables: the TableSpecs (headers, formats, validation lists, conditional formats that
 * make the timers visible) and finding existing tables by name or by headers. Pure: ports apply the specs.
 */
import { matchHeaders } from "../engine/schema/parse";
import { columnNames, TABLES, TABLE_NAMES, type TableName } from "../engine/schema/tables";
import type { Settings } from "../engine/settings";
import { columnLetter } from "./layout";
import type { ConditionalFormat, NumberFormatKind, TableInfo, TableSpec } from "./types";

const AMBER = "#FFEB9C";
const RED = "#FFC7CE";
const CURRENCY = new Set(["Cost", "Salvage", "DisposalProceeds", "UnitCost", "UnitPrice", "ListPrice"]);

function formatOf(table: TableName, column: string): NumberFormatKind {
  const def = TABLES[table].columns.find((c) => c.name === column);
  if (!def) return "general";
  if (def.type === "date") return "date";
  // Quantities, lives and lead times are typed by the user: General shows them as typed (5, 2.5), where a fixed
  // "#,##0.00" would show a 5-year life as 5.00.
  if (def.type === "number") return CURRENCY.has(column) ? "currency" : "general";
  return "text";
}

/** The spec for creating one of our tables on its own sheet (sheet and table share the name). */
export function tableSpec(table: TableName, settings: Settings): TableSpec {
  const headers = columnNames(table);
  const formats: Record<string, NumberFormatKind> = {};
  const validation: Record<string, readonly string[]> = {};
  for (const c of TABLES[table].columns) {
    formats[c.name] = formatOf(table, c.name);
    if (c.type === "choice" && c.values) validation[c.name] = c.values;
  }
  const col = (name: string) => `${columnLetter(headers.indexOf(name))}2`;
  const conditionalFormats: ConditionalFormat[] = [];
  if (table === "Assets") {
    const w = col("WarrantyExpires");
    const status = col("Status");
    conditionalFormats.push(
      { column: "WarrantyExpires", formula: `=AND(ISNUMBER(${w}),${w}<TODAY(),${status}<>"Disposed")`, fill: RED },
      {
        column: "WarrantyExpires",
        formula: `=AND(ISNUMBER(${w}),${w}>=TODAY(),${w}-TODAY()<=${settings.warrantyWarningDays})`,
        fill: AMBER,
      }
    );
  }
  if (table === "Checkouts") {
    const due = col("DueOn");
    const ret = col("ReturnedOn");
    conditionalFormats.push({
      column: "DueOn",
      formula: `=AND(ISNUMBER(${due}),${due}<TODAY(),ISBLANK(${ret}))`,
      fill: RED,
    });
  }
  return { name: table, sheet: table, headers, formats, style: "TableStyleMedium2", validation, conditionalFormats };
}

/** Where each of our tables is in a workbook: by its name, else by a table whose headers carry its columns. */
export function resolveTables(tables: readonly TableInfo[], settings: Settings): Partial<Record<TableName, TableInfo>> {
  const found: Partial<Record<TableName, TableInfo>> = {};
  const used = new Set<string>();
  for (const name of TABLE_NAMES) {
    const byName = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (byName) {
      found[name] = byName;
      used.add(byName.name);
    }
  }
  for (const name of TABLE_NAMES) {
    if (found[name]) continue;
    const byHeaders = tables.find((t) => {
      if (used.has(t.name)) return false;
      const m = matchHeaders(name, t.headers, { headerMap: settings.headerMap[name] });
      // It must look like ours, not just share the required columns: at least one optional column too.
      const required = TABLES[name].columns.filter((c) => c.required).length;
      return m.missingRequired.length === 0 && Object.keys(m.columns).length > required;
    });
    if (byHeaders) {
      found[name] = byHeaders;
      used.add(byHeaders.name);
    }
  }
  return found;
}

/** The specs of the tables still missing (sheets named like a missing table are left alone by the port). */
export function missingTableSpecs(tables: readonly TableInfo[], settings: Settings): TableSpec[] {
  const found = resolveTables(tables, settings);
  return TABLE_NAMES.filter((n) => !found[n]).map((n) => tableSpec(n, settings));
}
