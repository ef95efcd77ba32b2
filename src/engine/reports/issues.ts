/**
 * The Issues sheet: every table row that could not be used, and why — the parser's issues of all five tables,
 * the register checks, the inventory valuation's errors and what other sheets found (ctx.findings). Per table it
 * shows rows in = rows used + rows skipped, with a check that must be zero.
 */
import { registerChecks } from "../assets/checks";
import type { Issue } from "../schema/parse";
import { TABLE_NAMES } from "../schema/tables";
import { headerBlock } from "./header";
import { inventoryRun } from "./inventoryRun";
import { reportMessages as M } from "./messages";
import type { Finding, ReportCell, ReportContext, SheetBuilder, SheetModel, Summary } from "./model";
import { countBy } from "./tally";

export const ISSUES_SHEET = "Issues";
export const ISSUES_TABLE = "SB_Issues";

const EFFECT_SKIPPED = "Row not used";
const EFFECT_WARNING = "Cell ignored; row used";

/** Valuation errors and warnings of the shared inventory run (the inventory sheets do not list them again). */
export function inventoryFindings(ctx: ReportContext): Finding[] {
  const { result } = inventoryRun(ctx);
  return result.issues.map((i) => ({
    table: "Ledger",
    row: i.row,
    column: null,
    value: i.sku,
    message: i.message,
    severity: "warning" as const,
    effect: i.severity === "error" ? "Item not valued" : "Noted; row used",
  }));
}

export function allIssues(ctx: ReportContext): Finding[] {
  const t = ctx.tables;
  const parsed: Issue[] = TABLE_NAMES.flatMap((n) => t[n].issues);
  return [...parsed, ...registerChecks(t.Assets.rows, t.Checkouts.rows), ...inventoryFindings(ctx), ...ctx.findings];
}

function effectOf(i: Finding): string {
  return i.effect ?? (i.severity === "skipped" ? EFFECT_SKIPPED : EFFECT_WARNING);
}

/**
 * Per table: rows in, used, skipped (listed), warnings (every line of the Issues sheet about a used row: the
 * parser's, the register checks' and the valuation's), and the check in − used − listed (must be 0).
 */
export function rowCounts(ctx: ReportContext): Summary {
  const noted = allIssues(ctx).filter((i) => i.severity !== "skipped" && i.row !== null);
  const rows: ReportCell[][] = TABLE_NAMES.map((n) => {
    const p = ctx.tables[n];
    const listed = new Set<number>();
    for (const i of p.issues) if (i.severity === "skipped" && i.row !== null) listed.add(i.row);
    // A missing required column skips every row; its one table-level line stands for all of them.
    const listedCount = p.missingRequired.length > 0 ? p.rowsIn : listed.size;
    const used = p.rows.length;
    const warnings = noted.filter((i) => i.table === n).length;
    return [n, p.rowsIn, used, listedCount, warnings, p.rowsIn - used - listedCount];
  });
  return {
    title: "Rows per table",
    headers: ["Table", "Rows in", "Rows used", "Rows skipped (listed)", "Warnings", M.checkZero()],
    rows,
    formats: {
      "Rows in": "integer",
      "Rows used": "integer",
      "Rows skipped (listed)": "integer",
      Warnings: "integer",
      [M.checkZero()]: "integer",
    },
  };
}

export function buildIssues(ctx: ReportContext): SheetModel {
  const list = allIssues(ctx);
  const facts: ReportCell[][] = list.map((i) => [i.table, i.row, i.column, i.value, i.message, effectOf(i)]);
  const byTable = countBy(list, (i) => [i.table, effectOf(i)]);
  return {
    name: ISSUES_SHEET,
    header: headerBlock(ctx, "Issues", "Every table row that could not be used, and why"),
    notes: [list.length === 0 ? M.issuesNone() : M.issuesNote()],
    summaries: [
      rowCounts(ctx),
      {
        title: "Issues by table",
        headers: ["Table", "Effect", "Issues"],
        rows: byTable.map(([k, n]) => [k[0], k[1], n]),
        formats: { Issues: "integer" },
        fallbackFor: "PT_IssuesByTable",
      },
    ],
    tables: [
      {
        name: ISSUES_TABLE,
        title: "Issues",
        headers: ["Table", "Row", "Column", "Value", "Problem", "Effect"],
        rows: facts,
        formats: { Row: "general", Value: "general", Problem: "text" },
      },
    ],
    pivots:
      facts.length === 0
        ? []
        : [
            {
              name: "PT_IssuesByTable",
              title: "Issues by table",
              table: ISSUES_TABLE,
              rows: ["Table", "Effect"],
              values: [{ field: "Problem", summarizeBy: "Count", caption: "Issues" }],
            },
          ],
    charts: [],
    tabColor: "#C00000",
  };
}

export const issuesSheet: SheetBuilder = { sheet: ISSUES_SHEET, build: buildIssues };
