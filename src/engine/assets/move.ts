/**
 * Move: a new location, custodian (a standing assignment, not a loan) and/or status (In service, In repair,
 * Lost). One log row per change, so each AssetLog row's From and To name one thing.
 */
import { isEngineError, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import { openLoans } from "./custody";
import { appendTo, updateIn, type EditValue } from "./edits";
import {
  checkDate,
  firstError,
  logRow,
  refuseDisposed,
  refuseLost,
  refuseOutOfOrder,
  resolveAsset,
  type OperationResult,
} from "./guards";
import { textOrNull, type AssetRegister } from "./register";

/** What changes: a key left out keeps its value; null or blank clears it. */
export interface MoveTo {
  location?: string | null;
  custodian?: string | null;
  /** Checked out and Disposed are set only by check-out and dispose. */
  status?: MovableStatus;
}

export const MOVABLE_STATUSES = ["In service", "In repair", "Lost"] as const;
export type MovableStatus = (typeof MOVABLE_STATUSES)[number];

/**
 * Moves asset `assetId` on `date`. A checked-out asset may change location (the borrower took it elsewhere) but
 * not custodian or status: check it in first. Refuses unknown, disposed and lost assets (a lost asset is found
 * by an audit) and a move that changes nothing.
 */
export function move(
  reg: AssetRegister,
  assetId: string,
  date: number,
  to: MoveTo,
  by?: string | null,
  notes?: string | null
): OperationResult | EngineError {
  const a = resolveAsset(reg, assetId);
  if (isEngineError(a)) return a;
  const on = checkDate(date, "Move");
  if (isEngineError(on)) return on;
  const location = to.location === undefined ? a.Location : textOrNull(to.location);
  const custodian = to.custodian === undefined ? a.Custodian : textOrNull(to.custodian);
  const moved = location !== a.Location;
  const reassigned = custodian !== a.Custodian;
  const open = openLoans(reg.checkouts, a.AssetID);
  const out = open.length > 0 || a.Status === "Checked out";
  const current = a.Status ?? (open.length ? "Checked out" : "In service");
  const status = to.status === undefined ? current : to.status;
  const restated = status !== current;
  const refusal = firstError(
    () => refuseDisposed(a),
    () => refuseLost(a),
    () =>
      to.status !== undefined && !(MOVABLE_STATUSES as readonly string[]).includes(to.status)
        ? valueError(M.statusNotMovable(String(to.status)))
        : null,
    () => (!moved && !reassigned && !restated ? valueError(M.nothingToMove(a.AssetID)) : null),
    () =>
      (reassigned || restated) && out
        ? valueError(M.custodianWhileOut(a.AssetID, open[0]?.CheckedOutTo ?? a.Custodian ?? "someone"))
        : null,
    () => refuseOutOfOrder(reg, a, on, "move")
  );
  if (refusal) return refusal;
  const rows: Record<string, EditValue>[] = [];
  if (moved) rows.push(logRow(on, a, "Move", a.Location, location, by, M.noteField("Location"), notes));
  if (reassigned) rows.push(logRow(on, a, "Move", a.Custodian, custodian, by, M.noteField("Custodian"), notes));
  if (restated) rows.push(logRow(on, a, "Move", current, status, by, M.noteField("Status"), notes));
  return {
    assetId: a.AssetID,
    action: "Move",
    edits: [
      updateIn("Assets", a.index, {
        Custodian: custodian,
        Location: location,
        Status: status,
      }),
      appendTo("AssetLog", ...rows),
    ],
  };
}
