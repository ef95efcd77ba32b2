/**
 * Register checks: what an auditor would flag in the Assets and Checkouts tables, as row-numbered issues for
 * the Issues sheet. They add to the schema parser's issues (which already report unreadable cells, missing
 * required values and duplicate AssetIDs) and never repeat them: checks run only on the rows the parser kept.
 */
import { toIso } from "../dates";
import { assetMessages as M } from "../messages/assets";
import type { Issue, ParsedTable } from "../schema/parse";
import type { AssetLogRow, AssetRow, CheckoutRow } from "../schema/rows";
import { idKey, isDisposed } from "./register";

const warn = (
  table: "Assets" | "Checkouts",
  row: number,
  column: string | null,
  value: string | number | null,
  message: string
): Issue => ({ table, row, column, value, message, severity: "warning" });

const iso = (d: number | null) => (d === null ? null : toIso(d));

function assetRowChecks(a: AssetRow): Issue[] {
  const out: Issue[] = [];
  if (a.Cost === 0) out.push(warn("Assets", a.row, "Cost", 0, M.zeroCost()));
  if (a.InServiceOn === null) out.push(warn("Assets", a.row, "InServiceOn", null, M.noInService()));
  else if (a.InServiceOn < a.AcquiredOn) {
    out.push(
      warn("Assets", a.row, "InServiceOn", iso(a.InServiceOn), M.inServiceBeforeAcquired(a.InServiceOn, a.AcquiredOn))
    );
  }
  if (a.Status === "Disposed" && a.DisposedOn === null)
    out.push(warn("Assets", a.row, "DisposedOn", null, M.disposedNoDate()));
  if (a.DisposedOn !== null && a.Status !== "Disposed") {
    out.push(warn("Assets", a.row, "Status", a.Status, M.disposedDateNotStatus(a.Status)));
  }
  if (a.DisposedOn !== null && a.DisposedOn < a.AcquiredOn) {
    out.push(
      warn("Assets", a.row, "DisposedOn", iso(a.DisposedOn), M.disposedBeforeAcquired(a.DisposedOn, a.AcquiredOn))
    );
  }
  return out;
}

function loanRowChecks(l: CheckoutRow): Issue[] {
  const out: Issue[] = [];
  if (l.ReturnedOn !== null && l.ReturnedOn < l.CheckedOutOn) {
    out.push(
      warn("Checkouts", l.row, "ReturnedOn", iso(l.ReturnedOn), M.returnedBeforeOut(l.ReturnedOn, l.CheckedOutOn))
    );
  }
  if (l.DueOn !== null && l.DueOn < l.CheckedOutOn) {
    out.push(warn("Checkouts", l.row, "DueOn", iso(l.DueOn), M.dueBeforeOutRow(l.DueOn, l.CheckedOutOn)));
  }
  return out;
}

/** Checks across the typed rows of Assets and Checkouts (only these checks; see registerIssues for all). */
export function registerChecks(assets: readonly AssetRow[], checkouts: readonly CheckoutRow[]): Issue[] {
  const byId = new Map<string, AssetRow>();
  for (const a of assets) if (!byId.has(idKey(a.AssetID))) byId.set(idKey(a.AssetID), a);
  const issues: Issue[] = assets.flatMap(assetRowChecks);
  const firstOpen = new Map<string, CheckoutRow>();
  for (const l of [...checkouts].sort((x, y) => x.row - y.row)) {
    issues.push(...loanRowChecks(l));
    const a = byId.get(idKey(l.AssetID));
    if (!a) {
      issues.push(warn("Checkouts", l.row, "AssetID", l.AssetID, M.loanUnknownAsset(l.AssetID)));
      continue;
    }
    if (l.ReturnedOn !== null) continue;
    const first = firstOpen.get(idKey(a.AssetID));
    if (first) {
      issues.push(warn("Checkouts", l.row, "ReturnedOn", null, M.extraOpenLoan(a.AssetID, first.row)));
      continue;
    }
    firstOpen.set(idKey(a.AssetID), l);
    if (isDisposed(a)) issues.push(warn("Checkouts", l.row, "ReturnedOn", null, M.disposedOnLoan(a.AssetID, a.row)));
    else if (a.Status !== "Checked out") {
      issues.push(warn("Checkouts", l.row, "ReturnedOn", null, M.loanNotOut(a.AssetID, a.Status, a.row)));
    } else if (a.Custodian === null || idKey(a.Custodian) !== idKey(l.CheckedOutTo)) {
      issues.push(
        warn("Assets", a.row, "Custodian", a.Custodian, M.custodianMismatch(a.Custodian, l.CheckedOutTo, l.row))
      );
    }
  }
  for (const a of byId.values()) {
    if (a.Status === "Checked out" && !firstOpen.has(idKey(a.AssetID))) {
      issues.push(warn("Assets", a.row, "Status", a.Status, M.outNoLoan()));
    }
  }
  return sortIssues(issues);
}

const TABLE_ORDER: Record<string, number> = { Assets: 0, Checkouts: 1, AssetLog: 2 };

function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (x, y) =>
        (TABLE_ORDER[x.issue.table] ?? 9) - (TABLE_ORDER[y.issue.table] ?? 9) ||
        (x.issue.row ?? 0) - (y.issue.row ?? 0) ||
        x.i - y.i
    )
    .map((x) => x.issue);
}

/**
 * Every issue of the asset register: the parser's issues of Assets, Checkouts (and AssetLog when given) followed
 * by the register checks, in table and row order. Duplicate AssetIDs appear once, as the parser reported them.
 */
export function registerIssues(tables: {
  assets: ParsedTable<AssetRow>;
  checkouts: ParsedTable<CheckoutRow>;
  log?: ParsedTable<AssetLogRow>;
}): Issue[] {
  return sortIssues([
    ...tables.assets.issues,
    ...tables.checkouts.issues,
    ...(tables.log?.issues ?? []),
    ...registerChecks(tables.assets.rows, tables.checkouts.rows),
  ]);
}
