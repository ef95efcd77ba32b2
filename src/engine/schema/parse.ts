/**
 * Typed row parsing. Every cell that cannot be read becomes an issue naming the table, the row as Excel shows
 * it, the column, the value found and what was expected; nothing is dropped silently. A bad required cell skips
 * its row; a bad optional cell is blanked and the row is still used (a warning).
 */
import { DATE1904_OFFSET, MAX_SERIAL, parseDateText } from "../dates";
import { issueMessages as M } from "../messages/schema";
import type { RowTypes } from "./rows";
import { normalizeName, TABLES, type ColumnDef, type TableName } from "./tables";

export type Cell = string | number | boolean | null | undefined;

export interface Issue {
  table: string;
  /** Sheet row as Excel shows it; null for a problem with the whole table (e.g. a missing column). */
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
  /** "skipped": the row is not used. "warning": the row is used, the named cell is ignored. */
  severity: "skipped" | "warning";
}

export interface ParseOptions {
  /** Our column name -> the user's header text (from Settings.headerMap). */
  headerMap?: Record<string, string>;
  /** Sheet row of the header (default 1). */
  headerRow?: number;
  /** The workbook uses the 1904 date system: numeric dates are converted to the 1900 system. */
  date1904?: boolean;
}

export interface ParsedTable<T> {
  table: TableName;
  rows: T[];
  issues: Issue[];
  /** Our column name -> index in the header, for the columns found. */
  columns: Record<string, number>;
  missingRequired: string[];
  rowsIn: number;
  rowsSkipped: number;
}

export type HeaderMatch = { columns: Record<string, number>; issues: Issue[]; missingRequired: string[] };

/** Finds our columns among a table's headers: the user's mapping first, then our name, then synonyms. */
export function matchHeaders(table: TableName, header: readonly Cell[], opts: ParseOptions = {}): HeaderMatch {
  const def = TABLES[table];
  const headerRow = opts.headerRow ?? 1;
  const norm = header.map((h) => (h === null || h === undefined ? "" : normalizeName(String(h))));
  const columns: Record<string, number> = {};
  const issues: Issue[] = [];
  const taken = new Set<number>();
  const find = (names: string[]): number[] => {
    const wanted = new Set(names.map(normalizeName).filter((n) => n !== ""));
    return norm.flatMap((n, i) => (wanted.has(n) && !taken.has(i) ? [i] : []));
  };
  // Exact names (and the user's mapping) take precedence over synonyms, so "Cost" in Assets is never stolen.
  const passes: ((c: ColumnDef) => string[])[] = [
    (c) => (opts.headerMap?.[c.name] ? [opts.headerMap[c.name]] : []),
    (c) => [c.name],
    (c) => [...(c.synonyms ?? [])],
  ];
  for (const pass of passes) {
    for (const c of def.columns) {
      if (columns[c.name] !== undefined) continue;
      const hits = find(pass(c));
      if (hits.length === 0) continue;
      columns[c.name] = hits[0];
      taken.add(hits[0]);
      if (hits.length > 1) {
        issues.push({
          table,
          row: headerRow,
          column: c.name,
          value: String(header[hits[1]]),
          message: M.duplicateHeader(c.name, hits.length),
          severity: "warning",
        });
      }
    }
  }
  const missingRequired = def.columns.filter((c) => c.required && columns[c.name] === undefined).map((c) => c.name);
  for (const name of missingRequired) {
    issues.push({
      table,
      row: null,
      column: name,
      value: null,
      message: M.missingColumn(table, name),
      severity: "skipped",
    });
  }
  return { columns, issues, missingRequired };
}

type CellResult = { ok: true; value: string | number | null } | { ok: false; expected: string };

const NUMERIC_TEXT = /^\(?[-+]?[$€£¥]?\s*[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\)?%?$/;

/** Reads numeric text as accountants type it: "1,234.50", "$12", "(12.00)" for -12, "15%". */
export function parseNumberText(s: string): number | null {
  const t = s.trim();
  if (t === "" || !/\d/.test(t) || !NUMERIC_TEXT.test(t)) return null;
  const negative = (t.startsWith("(") && t.endsWith(")")) || /^\(?[$€£¥]?\s*-/.test(t) || t.startsWith("-");
  let n = Number(t.replace(/[()$€£¥,%+\-\s]/g, ""));
  if (!Number.isFinite(n)) return null;
  if (t.endsWith("%") || t.endsWith("%)")) n /= 100;
  return negative ? -n : n;
}

function readCell(c: ColumnDef, raw: Cell, date1904: boolean): CellResult {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return { ok: true, value: null };
  }
  switch (c.type) {
    case "text":
      return { ok: true, value: typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : String(raw).trim() };
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" ? parseNumberText(raw) : null;
      if (n === null || !Number.isFinite(n)) return { ok: false, expected: "a number" };
      if (c.nonNegative && n < 0) return { ok: false, expected: "a number of 0 or more" };
      return { ok: true, value: n };
    }
    case "date": {
      let serial: number | null = null;
      if (typeof raw === "number") serial = date1904 ? raw + DATE1904_OFFSET : raw;
      else if (typeof raw === "string") serial = parseDateText(raw);
      if (serial === null || !(serial >= 1 && serial <= MAX_SERIAL)) {
        return { ok: false, expected: "a date (an Excel date, or text such as 2024-03-31)" };
      }
      return { ok: true, value: Math.floor(serial) };
    }
    case "choice": {
      const n = normalizeName(String(raw));
      const hit = (c.values ?? []).find((v) => normalizeName(v) === n);
      return hit ? { ok: true, value: hit } : { ok: false, expected: `one of ${(c.values ?? []).join(", ")}` };
    }
  }
}

function shown(raw: Cell): string | number | boolean | null {
  return raw === undefined ? null : raw;
}

/** Parses a table (header + rows of values as Excel holds them) into typed rows and row-numbered issues. */
export function parseTable<K extends TableName>(
  table: K,
  header: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  opts: ParseOptions = {}
): ParsedTable<RowTypes[K]> {
  const def = TABLES[table];
  const headerRow = opts.headerRow ?? 1;
  const match = matchHeaders(table, header, opts);
  const issues = [...match.issues];
  const out: RowTypes[K][] = [];
  if (match.missingRequired.length > 0) {
    return {
      table,
      rows: out,
      issues,
      columns: match.columns,
      missingRequired: match.missingRequired,
      rowsIn: rows.length,
      rowsSkipped: rows.length,
    };
  }
  const keySeen = new Map<string, number>();
  let skipped = 0;
  rows.forEach((cells, index) => {
    const row = headerRow + 1 + index;
    if (cells.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) {
      skipped++;
      issues.push({ table, row, column: null, value: null, message: M.blankRow(), severity: "skipped" });
      return;
    }
    const rec: Record<string, string | number | null> = { row, index };
    const rowIssues: Issue[] = [];
    let usable = true;
    for (const c of def.columns) {
      const col = match.columns[c.name];
      if (col === undefined) {
        rec[c.name] = null;
        continue;
      }
      const raw = cells[col];
      const r = readCell(c, raw, opts.date1904 === true);
      if (!r.ok) {
        rowIssues.push({
          table,
          row,
          column: c.name,
          value: shown(raw),
          message: c.required ? M.badRequired(c.name, r.expected) : M.badOptional(c.name, r.expected),
          severity: c.required ? "skipped" : "warning",
        });
        if (c.required) usable = false;
        rec[c.name] = null;
      } else if (r.value === null && c.required) {
        rowIssues.push({
          table,
          row,
          column: c.name,
          value: null,
          message: M.blankRequired(c.name),
          severity: "skipped",
        });
        usable = false;
        rec[c.name] = null;
      } else {
        rec[c.name] = r.value;
      }
    }
    if (usable && def.key) {
      const key = String(rec[def.key]).toLowerCase();
      const first = keySeen.get(key);
      if (first !== undefined) {
        usable = false;
        rowIssues.push({
          table,
          row,
          column: def.key,
          value: rec[def.key],
          message: M.duplicateKey(def.key, String(rec[def.key]), first),
          severity: "skipped",
        });
      } else keySeen.set(key, row);
    }
    if (!usable) {
      skipped++;
      // Warnings on a skipped row would be double counting: keep only the reasons it was skipped.
      issues.push(...rowIssues.filter((i) => i.severity === "skipped"));
      return;
    }
    issues.push(...rowIssues);
    out.push(rec as unknown as RowTypes[K]);
  });
  return {
    table,
    rows: out,
    issues,
    columns: match.columns,
    missingRequired: [],
    rowsIn: rows.length,
    rowsSkipped: skipped,
  };
}
