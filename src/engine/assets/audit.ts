/**
 * Audit timers: an asset is due for audit one audit interval (Settings.auditIntervalMonths, default 12) after it
 * was last audited, counted in calendar months as Excel's EDATE does (31 Jan + 1 month = 28/29 Feb).
 */
import { addMonths } from "../dates";
import type { AssetRow } from "../schema/rows";
import { isDisposed } from "./register";

export const DEFAULT_AUDIT_INTERVAL_MONTHS = 12;

/** Date the next audit is due; null when the asset was never audited (it is due now). */
export function auditDueOn(asset: AssetRow, intervalMonths = DEFAULT_AUDIT_INTERVAL_MONTHS): number | null {
  return asset.LastAuditedOn === null ? null : addMonths(asset.LastAuditedOn, intervalMonths);
}

export interface AuditDue {
  assetId: string;
  name: string | null;
  /** Sheet row in Assets. */
  row: number;
  location: string | null;
  custodian: string | null;
  lastAudited: number | null;
  dueOn: number | null;
  /** Days since the audit fell due (0 on the due day); null for an asset never audited. */
  daysOverdue: number | null;
  reason: "Never audited" | "Audit overdue";
}

/**
 * Assets never audited or whose audit is due on `asOf` (the due day included). Disposed assets are left out.
 * Never-audited assets come first in sheet order, then the longest overdue.
 */
export function auditsDue(
  assets: readonly AssetRow[],
  asOf: number,
  intervalMonths = DEFAULT_AUDIT_INTERVAL_MONTHS
): AuditDue[] {
  const day = Math.floor(asOf);
  const out: AuditDue[] = [];
  for (const a of assets) {
    if (isDisposed(a)) continue;
    const dueOn = auditDueOn(a, intervalMonths);
    if (dueOn !== null && dueOn > day) continue;
    out.push({
      assetId: a.AssetID,
      name: a.Name,
      row: a.row,
      location: a.Location,
      custodian: a.Custodian,
      lastAudited: a.LastAuditedOn,
      dueOn,
      daysOverdue: dueOn === null ? null : day - dueOn,
      reason: dueOn === null ? "Never audited" : "Audit overdue",
    });
  }
  const rank = (x: AuditDue) => (x.daysOverdue === null ? Number.POSITIVE_INFINITY : x.daysOverdue);
  return out.sort((x, y) => rank(y) - rank(x) || x.row - y.row);
}
