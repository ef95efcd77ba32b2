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

/** Column kinds as small integers, so the row loop switches on a number rather than comparing strings. */
const TEXT = 0;
const NUMBER = 1;
const DATE = 2;
const CHOICE = 3;
const KIND: Record<ColumnDef["type"], number> = { text: TEXT, number: NUMBER, date: DATE, choice: CHOICE };

/** Returned by the fast readers when a cell needs the full reader (readCell), which also says what was expected. */
const SLOW: unique symbol = Symbol("slow");
type Fast = string | number | null | typeof SLOW;

/** Everything the row loop needs about one of our columns, worked out once per table rather than per cell. */
interface Reader {
  def: ColumnDef;
  /** Index in the user's row, -1 when the column is absent. */
  col: number;
  kind: number;
  required: boolean;
  nonNegative: boolean;
  /** Choice columns: the user's text -> the canonical value (or null when it is none of them), memoised. */
  choices: Map<string, string | null> | null;
}

/** Most choice cells repeat a handful of spellings; past this many distinct texts we stop remembering new ones. */
const CHOICE_MEMO = 4096;

function choiceOf(r: Reader, raw: string): string | null {
  const memo = r.choices as Map<string, string | null>;
  const hit = memo.get(raw);
  if (hit !== undefined) return hit;
  const n = normalizeName(raw);
  const found = (r.def.values ?? []).find((v) => normalizeName(v) === n) ?? null;
  if (memo.size < CHOICE_MEMO) memo.set(raw, found);
  return found;
}

/**
 * The common cells without allocating: numbers and serial dates as numbers, text as strings, choices from the
 * memo. Anything else (numeric or date text, booleans, a bad value) answers SLOW, and readCell decides.
 * Blank cells are handled by the caller.
 */
function readFast(r: Reader, raw: string | number | boolean, date1904: boolean): Fast {
  switch (r.kind) {
    case NUMBER:
      if (typeof raw === "number" && raw - raw === 0 && !(r.nonNegative && raw < 0)) return raw;
      return SLOW;
    case DATE:
      if (typeof raw === "number") {
        const serial = date1904 ? raw + DATE1904_OFFSET : raw;
        if (serial >= 1 && serial <= MAX_SERIAL) return Math.floor(serial);
      }
      return SLOW;
    case TEXT:
      // trim() hands back the same string when there is nothing to trim, so clean text costs no copy.
      if (typeof raw === "string") return raw.trim();
      return typeof raw === "number" ? String(raw) : SLOW;
    default:
      if (typeof raw === "string") {
        const v = choiceOf(r, raw);
        if (v !== null) return v;
      }
      return SLOW;
  }
}

function isBlankCell(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

type Values = (string | number | null)[];
type Maker = (row: number, index: number, v: Values) => object;

/**
 * Row builders with the tables' columns as literal keys: every row of a table is then created with one fixed
 * shape (one hidden class), instead of growing an object key by key. The keys are in the order of TABLES, and
 * checked against it when this module loads (a builder that disagrees is not used; the generic one is).
 */
const MAKERS: Partial<Record<TableName, Maker>> = {
  Ledger: (row, index, v) => ({
    row,
    index,
    Date: v[0],
    SKU: v[1],
    Type: v[2],
    Quantity: v[3],
    UnitCost: v[4],
    UnitPrice: v[5],
    Location: v[6],
    ToLocation: v[7],
    Reference: v[8],
    Party: v[9],
  }),
  Items: (row, index, v) => ({
    row,
    index,
    SKU: v[0],
    Description: v[1],
    Kind: v[2],
    Category: v[3],
    Unit: v[4],
    Method: v[5],
    ReorderPoint: v[6],
    ReorderQty: v[7],
    SafetyStock: v[8],
    LeadTimeDays: v[9],
    ListPrice: v[10],
    Supplier: v[11],
    CostCenter: v[12],
  }),
};

function genericMaker(def: (typeof TABLES)[TableName]): Maker {
  const names = def.columns.map((c) => c.name);
  return (row, index, v) => {
    const rec: Record<string, string | number | null> = { row, index };
    for (let k = 0; k < names.length; k++) rec[names[k]] = v[k];
    return rec;
  };
}

function makerFor(table: TableName): Maker {
  const def = TABLES[table];
  const m = MAKERS[table];
  if (m) {
    const probe = def.columns.map((_, k) => k);
    const made = m(0, 0, probe) as Record<string, unknown>;
    const keys = Object.keys(made);
    const want = ["row", "index", ...def.columns.map((c) => c.name)];
    if (keys.length === want.length && want.every((k, j) => keys[j] === k && (j < 2 || made[k] === j - 2))) return m;
  }
  return genericMaker(def);
}

const makers = new Map<TableName, Maker>();

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
  const date1904 = opts.date1904 === true;
  const readers: Reader[] = def.columns.map((c) => ({
    def: c,
    col: match.columns[c.name] ?? -1,
    kind: KIND[c.type],
    required: c.required === true,
    nonNegative: c.nonNegative === true,
    choices: c.type === "choice" ? new Map<string, string | null>() : null,
  }));
  const nc = readers.length;
  const keyAt = def.key ? def.columns.findIndex((c) => c.name === def.key) : -1;
  let make = makers.get(table);
  if (!make) {
    make = makerFor(table);
    makers.set(table, make);
  }
  const keySeen = new Map<string, number>();
  let skipped = 0;
  const nRows = rows.length;
  // One scratch array for the row's values: the maker copies them into the row object at once.
  const v: Values = new Array<string | number | null>(nc).fill(null);
  for (let index = 0; index < nRows; index++) {
    const cells = rows[index];
    const row = headerRow + 1 + index;
    let blank = true;
    for (let j = 0; j < cells.length; j++) {
      if (!isBlankCell(cells[j])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      skipped++;
      issues.push({ table, row, column: null, value: null, message: M.blankRow(), severity: "skipped" });
      continue;
    }
    let rowIssues: Issue[] | null = null;
    let usable = true;
    for (let k = 0; k < nc; k++) {
      const r = readers[k];
      if (r.col < 0) {
        v[k] = null;
        continue;
      }
      const raw = cells[r.col];
      let value: string | number | null = null;
      if (raw !== null && raw !== undefined) {
        const fast = readFast(r, raw, date1904);
        if (fast === "") value = null;
        else if (fast !== SLOW) value = fast;
        else {
          const c = readCell(r.def, raw, date1904);
          if (!c.ok) {
            (rowIssues ??= []).push({
              table,
              row,
              column: r.def.name,
              value: shown(raw),
              message: r.required ? M.badRequired(r.def.name, c.expected) : M.badOptional(r.def.name, c.expected),
              severity: r.required ? "skipped" : "warning",
            });
            if (r.required) usable = false;
            v[k] = null;
            continue;
          }
          value = c.value;
        }
      }
      if (value === null && r.required) {
        (rowIssues ??= []).push({
          table,
          row,
          column: r.def.name,
          value: null,
          message: M.blankRequired(r.def.name),
          severity: "skipped",
        });
        usable = false;
      }
      v[k] = value;
    }
    if (usable && keyAt >= 0) {
      const kv = v[keyAt];
      const key = String(kv).toLowerCase();
      const first = keySeen.get(key);
      if (first !== undefined) {
        usable = false;
        (rowIssues ??= []).push({
          table,
          row,
          column: def.key as string,
          value: kv,
          message: M.duplicateKey(def.key as string, String(kv), first),
          severity: "skipped",
        });
      } else keySeen.set(key, row);
    }
    if (!usable) {
      skipped++;
      // Warnings on a skipped row would be double counting: keep only the reasons it was skipped.
      for (const i of rowIssues as Issue[]) if (i.severity === "skipped") issues.push(i);
      continue;
    }
    if (rowIssues) for (const i of rowIssues) issues.push(i);
    out.push(make(row, index, v) as RowTypes[K]);
  }
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
