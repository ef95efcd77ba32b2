/**
 * The row parser as it was before it was made fast (commit d733f9b), kept verbatim as the oracle for the
 * property test: the fast parseTable must give exactly the same rows and issues on any table.
 */
import { DATE1904_OFFSET, MAX_SERIAL, parseDateText } from "../../../src/engine/dates";
import { issueMessages as M } from "../../../src/engine/messages/schema";
import {
  matchHeaders,
  parseNumberText,
  type Cell,
  type Issue,
  type ParsedTable,
  type ParseOptions,
} from "../../../src/engine/schema/parse";
import type { RowTypes } from "../../../src/engine/schema/rows";
import { normalizeName, TABLES, type ColumnDef, type TableName } from "../../../src/engine/schema/tables";

type CellResult = { ok: true; value: string | number | null } | { ok: false; expected: string };

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
export function parseTableReference<K extends TableName>(
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
