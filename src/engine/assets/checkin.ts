/** Check in: the borrower returns the asset. Fills the open loan's ReturnedOn and appends a log row. */
import { isEngineError, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import type { AssetRow, CheckoutRow } from "../schema/rows";
import { openLoans } from "./custody";
import { appendTo, updateIn } from "./edits";
import { checkDate, logRow, refuseOutOfOrder, resolveAsset, type OperationResult } from "./guards";
import { idKey, isDisposed, textOrNull, type AssetRegister } from "./register";

export interface CheckInOptions {
  /** Where the asset goes back to. Default: where it was before the check-out (from the AssetLog). */
  location?: string | null;
  by?: string | null;
}

/** The location recorded as From on the log row of this loan's check-out, if the log has it. */
function homeOf(reg: AssetRegister, a: AssetRow, loan: CheckoutRow): string | null | undefined {
  const k = idKey(a.AssetID);
  const rows = reg.log.filter((e) => idKey(e.AssetID) === k && e.Action === "CheckOut" && e.Date === loan.CheckedOutOn);
  return rows.length ? rows[rows.length - 1].From : undefined;
}

/**
 * Checks asset `assetId` in on `date` with the borrower's condition `notes` (written to the AssetLog). Refuses an
 * asset that is not out, one with several open loans, and a return date before the check-out.
 */
export function checkIn(
  reg: AssetRegister,
  assetId: string,
  date: number,
  notes: string | null,
  opts: CheckInOptions = {}
): OperationResult | EngineError {
  const a = resolveAsset(reg, assetId);
  if (isEngineError(a)) return a;
  const ret = checkDate(date, "Return");
  if (isEngineError(ret)) return ret;
  const open = openLoans(reg.checkouts, a.AssetID);
  if (open.length === 0) return valueError(M.notOut(a.AssetID), { table: "Checkouts" });
  if (open.length > 1)
    return valueError(
      M.manyOpen(
        a.AssetID,
        open.map((l) => l.row)
      ),
      { table: "Checkouts" }
    );
  const loan = open[0];
  if (ret < loan.CheckedOutOn) {
    return valueError(M.returnBeforeOut(a.AssetID, ret, loan.CheckedOutOn, loan.row), {
      table: "Checkouts",
      row: loan.row,
    });
  }
  const order = refuseOutOfOrder(reg, a, ret, "return");
  if (order) return order;
  const home = opts.location !== undefined ? textOrNull(opts.location) : homeOf(reg, a, loan);
  const location = home === undefined ? a.Location : home;
  // Check-in undoes "Checked out" only: a Lost, In repair or Disposed status is the user's to change.
  const status = isDisposed(a) ? "Disposed" : a.Status === null || a.Status === "Checked out" ? "In service" : a.Status;
  return {
    assetId: a.AssetID,
    action: "CheckIn",
    edits: [
      updateIn("Checkouts", loan.index, { ReturnedOn: ret }),
      updateIn("Assets", a.index, { Custodian: null, Location: location, Status: status }),
      appendTo("AssetLog", logRow(ret, a, "CheckIn", loan.CheckedOutTo, location, opts.by, notes)),
    ],
  };
}
