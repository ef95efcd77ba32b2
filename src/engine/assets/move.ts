/** Move: a new location and/or a new custodian (a standing assignment, not a loan). One log row per change. */
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
}

/**
 * Moves asset `assetId` on `date`. A checked-out asset may change location (the borrower took it elsewhere) but
 * not custodian: that is a check-in and a new check-out. Refuses unknown, disposed and lost assets and a move
 * that changes nothing.
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
  const refusal = firstError(
    () => refuseDisposed(a),
    () => refuseLost(a),
    () => (!moved && !reassigned ? valueError(M.nothingToMove(a.AssetID)) : null),
    () =>
      reassigned && (open.length > 0 || a.Status === "Checked out")
        ? valueError(M.custodianWhileOut(a.AssetID, open[0]?.CheckedOutTo ?? a.Custodian ?? "someone"))
        : null,
    () => refuseOutOfOrder(reg, a, on, "move")
  );
  if (refusal) return refusal;
  const rows: Record<string, EditValue>[] = [];
  if (moved) rows.push(logRow(on, a, "Move", a.Location, location, by, M.noteField("Location"), notes));
  if (reassigned) rows.push(logRow(on, a, "Move", a.Custodian, custodian, by, M.noteField("Custodian"), notes));
  return {
    assetId: a.AssetID,
    action: "Move",
    edits: [
      updateIn("Assets", a.index, {
        Custodian: custodian,
        Location: location,
        Status: a.Status ?? (open.length ? "Checked out" : "In service"),
      }),
      appendTo("AssetLog", ...rows),
    ],
  };
}
