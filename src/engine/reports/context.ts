/** A report run's context: the input plus a memo shared by the sheet builders and the findings they collect. */
import { parseTable } from "../schema/parse";
import { TABLE_NAMES, TABLES, type TableName } from "../schema/tables";
import type { Finding, ReportContext, ReportInput } from "./model";

export function createContext(input: ReportInput): ReportContext {
  const cache = new Map<string, unknown>();
  return {
    ...input,
    findings: [] as Finding[],
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
}

/** Parsed empty tables (for tests and for a workbook that lacks some tables). */
export function emptyTables(): ReportInput["tables"] {
  const out = {} as Record<TableName, unknown>;
  for (const n of TABLE_NAMES)
    out[n] = parseTable(
      n,
      TABLES[n].columns.map((c) => c.name),
      []
    );
  return out as ReportInput["tables"];
}
