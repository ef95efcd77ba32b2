/**
 * Hostile tables (test/fixtures/hostile/kinds.ts) through the report runner on the in-memory workbook. For each
 * kind: the reports come out, every bad row is on the Issues sheet with its row number, every good row is used
 * (Issues' rows-per-table block: used = in − skipped, check 0), the source tables hash the same before and
 * after, and no generated cell holds NaN, Infinity, programming words or text longer than an Excel cell.
 */
import { generateReports } from "../../src/reports/generate";
import { PERIOD } from "../fixtures/hostile/base";
import { HOSTILE_KINDS, type HostileKind } from "../fixtures/hostile/kinds";
import { MAX_CELL_TEXT } from "./arbitraries";
import { generatedCells, hashTables, issuesOf, memoryBook, rowCountsOf, TABLES_OF } from "./reportHarness";

async function run(k: HostileKind) {
  const wb = memoryBook(k.tables);
  const names = TABLES_OF(k.tables);
  const before = hashTables(wb, names);
  const result = await generateReports(wb, PERIOD);
  return { wb, result, before, after: hashTables(wb, names) };
}

describe("hostile tables through the report runner", () => {
  it("has at least 20 kinds", () => {
    expect(HOSTILE_KINDS.length).toBeGreaterThanOrEqual(20);
    console.log(`Hostile table kinds: ${HOSTILE_KINDS.length}`);
  });

  describe.each(HOSTILE_KINDS.map((k) => [k.name, k] as const))("%s", (_name, k) => {
    let r: Awaited<ReturnType<typeof run>>;
    beforeAll(async () => {
      r = await run(k);
    });

    it("reports come out, with the Issues sheet", () => {
      expect(r.result.sheets).toContain("Issues");
      expect(r.result.sheets.length).toBeGreaterThanOrEqual(2);
    });

    it("leaves the source tables unchanged (hash before = after)", () => {
      expect(r.after).toBe(r.before);
    });

    it("lists every bad row on Issues with its row number", () => {
      const issues = issuesOf(r.wb);
      const listed = (table: string, row: number) => issues.some((i) => i.table === table && i.row === row);
      const want = [
        ...Object.entries(k.skipped ?? {}).flatMap(([t, rows]) => rows.map((row) => [t, row] as const)),
        ...Object.entries(k.flagged ?? {}).flatMap(([t, rows]) => rows.map((row) => [t, row] as const)),
      ];
      expect(want.filter(([t, row]) => !listed(t, row))).toEqual([]);
      if (k.missingColumn) {
        const { table, column } = k.missingColumn;
        expect(issues.some((i) => i.table === table && i.row === null && i.column === column)).toBe(true);
      }
      if (k.headerIssue) {
        const { table, column } = k.headerIssue;
        expect(issues.some((i) => i.table === table && i.row === 1 && i.column === column)).toBe(true);
      }
      // Row numbers point into the table (header row 1, data rows 2..n+1), never elsewhere.
      for (const i of issues) {
        if (i.row === null) continue;
        const t = k.tables[i.table as keyof typeof k.tables];
        expect(t && i.row >= 1 && i.row <= t.rows.length + 1).toBe(true);
      }
    });

    it("uses every good row (rows used = rows in − rows skipped, check 0)", () => {
      const counts = rowCountsOf(r.wb);
      for (const name of TABLES_OF(k.tables)) {
        const rowsIn = k.tables[name]?.rows.length ?? 0;
        const skipped = k.missingColumn?.table === name ? rowsIn : (k.skipped?.[name]?.length ?? 0);
        expect({ name, ...counts[name] }).toEqual({ name, rowsIn, used: rowsIn - skipped, check: 0 });
      }
    });

    it("writes no NaN, Infinity, programming words or over-long text into any generated cell", async () => {
      const tooLong = (v: string) => v.length > MAX_CELL_TEXT;
      const bad = (await generatedCells(r.wb)).filter(
        ({ v }) =>
          (typeof v === "number" && !Number.isFinite(v)) ||
          (typeof v === "string" && (tooLong(v) || /\b(undefined|NaN)\b|\[object /.test(v)))
      );
      expect(bad.map(({ sheet, r: row, c, v }) => `${sheet}!R${row + 1}C${c + 1}: ${String(v).slice(0, 80)}`)).toEqual(
        []
      );
    });
  });
});
