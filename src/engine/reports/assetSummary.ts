/**
 * The Asset Summary sheet: counts and cost by location, custodian and status (PivotTables over the asset facts,
 * with static stand-ins), warranties expiring within 90 days, loans overdue and audits due, all as at the end of
 * the report period.
 */
import { auditsDue } from "../assets/audit";
import { overdueLoans } from "../assets/custody";
import { warrantiesExpiring } from "../assets/expiring";
import { round } from "../money";
import type { AssetRow } from "../schema/rows";
import { headerBlock } from "./header";
import type { PivotModel, ReportCell, ReportContext, SheetBuilder, SheetModel, Summary } from "./model";
import { dateText } from "./text";
import { orNone, sumBy, footed } from "./tally";

export const ASSET_SUMMARY_SHEET = "Asset Summary";
export const ASSETS_FACT = "SB_AssetFacts";
/** The Asset Summary lists warranties ending within this many days (issue 7). */
export const WARRANTY_WINDOW_DAYS = 90;

const HEADERS = [
  "AssetID",
  "Name",
  "Category",
  "Location",
  "Custodian",
  "Status",
  "CostCenter",
  "AcquiredOn",
  "InServiceOn",
  "Cost",
  "WarrantyExpires",
  "LastAuditedOn",
  "DisposedOn",
];

/** Assets on the register at the end of the period (acquired by then), in sheet order. */
export function assetsAt(ctx: ReportContext): AssetRow[] {
  return ctx.tables.Assets.rows.filter((a) => a.AcquiredOn <= ctx.options.to);
}

function byField(
  assets: AssetRow[],
  field: "Location" | "Custodian" | "Status",
  decimals: number
): { summary: Summary; pivot: PivotModel } {
  // Each asset's cost to the cent first (as the fact table shows it), so a line is what its PivotTable sums.
  const groups = sumBy(
    assets,
    (a) => [orNone(a[field])],
    (a) => [1, round(a.Cost, decimals)]
  );
  const rows: ReportCell[][] = groups.map(([k, v]) => [k[0], v[0], footed([v[1]], decimals)]);
  // Built from the rounded lines, so the Total foots.
  rows.push([
    "Total",
    assets.length,
    footed(
      rows.map((x) => x[2] as number),
      decimals
    ),
  ]);
  const name = `PT_AssetsBy${field}`;
  return {
    summary: {
      title: `Assets by ${field.toLowerCase()}`,
      headers: [field, "Assets", "Cost"],
      rows,
      formats: { Assets: "integer", Cost: "currency" },
      boldRows: [rows.length - 1],
      fallbackFor: name,
    },
    pivot: {
      name,
      title: `Assets by ${field.toLowerCase()}`,
      table: ASSETS_FACT,
      rows: [field],
      values: [
        { field: "AssetID", summarizeBy: "Count", caption: "Assets" },
        { field: "Cost", summarizeBy: "Sum", caption: "Total cost" },
      ],
    },
  };
}

export function buildAssetSummary(ctx: ReportContext): SheetModel | null {
  const all = ctx.tables.Assets.rows;
  if (all.length === 0 && ctx.tables.Checkouts.rows.length === 0) return null;
  const asOf = ctx.options.to;
  const assets = assetsAt(ctx);
  const dec = ctx.settings.currencyDecimals;
  const parts = (["Location", "Custodian", "Status"] as const).map((f) => byField(assets, f, dec));
  const warranties = warrantiesExpiring(assets, asOf, WARRANTY_WINDOW_DAYS);
  const loans = overdueLoans(ctx.tables.Checkouts.rows, asOf);
  const audits = auditsDue(assets, asOf, ctx.settings.auditIntervalMonths);
  const facts: ReportCell[][] = assets.map((a) => [
    a.AssetID,
    a.Name,
    orNone(a.Category),
    orNone(a.Location),
    orNone(a.Custodian),
    orNone(a.Status),
    orNone(a.CostCenter),
    a.AcquiredOn,
    a.InServiceOn,
    // To the cent, as shown: the PivotTables sum these, the static lines beside them too.
    round(a.Cost, dec),
    a.WarrantyExpires,
    a.LastAuditedOn,
    a.DisposedOn,
  ]);
  return {
    name: ASSET_SUMMARY_SHEET,
    header: headerBlock(ctx, "Asset Summary", `Register as at ${dateText(asOf)}; cost as recorded on the register`),
    notes: [],
    summaries: [
      ...parts.map((p) => p.summary),
      {
        title: `Warranties expiring within ${WARRANTY_WINDOW_DAYS} days (${warranties.length})`,
        headers: ["AssetID", "Name", "Expires", "Days left"],
        rows: warranties.map((w) => [w.assetId, w.name, w.expires, w.daysLeft]),
        formats: { Expires: "date", "Days left": "integer" },
      },
      {
        title: `Loans overdue (${loans.length})`,
        headers: ["AssetID", "Borrower", "Checked out", "Due", "Days overdue", "Checkouts row"],
        rows: loans.map((l) => [l.assetId, l.holder, l.since, l.due, l.daysOverdue, l.row]),
        formats: { "Checked out": "date", Due: "date", "Days overdue": "integer", "Checkouts row": "general" },
      },
      {
        title: `Audits due (${audits.length}; every ${ctx.settings.auditIntervalMonths} months)`,
        headers: ["AssetID", "Name", "Location", "Custodian", "Last audited", "Due on", "Days overdue", "Reason"],
        rows: audits.map((a) => [
          a.assetId,
          a.name,
          a.location,
          a.custodian,
          a.lastAudited,
          a.dueOn,
          a.daysOverdue,
          a.reason,
        ]),
        formats: { "Last audited": "date", "Due on": "date", "Days overdue": "integer" },
      },
    ],
    tables: [
      {
        name: ASSETS_FACT,
        title: "Assets",
        headers: HEADERS,
        rows: facts,
        formats: {
          AcquiredOn: "date",
          InServiceOn: "date",
          Cost: "currency",
          WarrantyExpires: "date",
          LastAuditedOn: "date",
          DisposedOn: "date",
        },
      },
    ],
    pivots: facts.length === 0 ? [] : parts.map((p) => p.pivot),
    charts: [],
    tabColor: "#2F75B5",
  };
}

export const assetSummarySheet: SheetBuilder = { sheet: ASSET_SUMMARY_SHEET, build: buildAssetSummary };
