/** Check out: lend an asset to a person until a due date. Appends the loan and a log row; marks the asset out. */
import { isEngineError, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import { openLoans } from "./custody";
import { appendTo, updateIn } from "./edits";
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

/**
 * Checks asset `assetId` out to `to` on `date`, due back on `due` (null: no due date), kept at `location`
 * (null: where it is now). Refuses an unknown, disposed, lost or already checked-out asset and a due date before
 * the check-out date.
 */
export function checkOut(
  reg: AssetRegister,
  assetId: string,
  to: string,
  date: number,
  due: number | null,
  location: string | null,
  notes: string | null,
  by?: string | null
): OperationResult | EngineError {
  const a = resolveAsset(reg, assetId);
  if (isEngineError(a)) return a;
  const borrower = textOrNull(to);
  if (borrower === null) return valueError(M.blankBorrower());
  const out = checkDate(date, "Check-out");
  if (isEngineError(out)) return out;
  const dueOn = due === null ? null : checkDate(due, "Due");
  if (isEngineError(dueOn)) return dueOn;
  const open = openLoans(reg.checkouts, a.AssetID);
  const refusal = firstError(
    () => refuseDisposed(a),
    () => refuseLost(a),
    () => {
      const l = open[open.length - 1];
      return l
        ? valueError(M.alreadyOut(a.AssetID, l.CheckedOutTo, l.CheckedOutOn, l.row), { table: "Checkouts", row: l.row })
        : null;
    },
    () =>
      a.Status === "Checked out"
        ? valueError(M.statusSaysOut(a.AssetID, a.row), { table: "Assets", row: a.row })
        : null,
    () => (dueOn !== null && dueOn < out ? valueError(M.dueBeforeOut(dueOn, out)) : null),
    () => refuseOutOfOrder(reg, a, out, "check-out")
  );
  if (refusal) return refusal;
  const where = textOrNull(location);
  return {
    assetId: a.AssetID,
    action: "CheckOut",
    edits: [
      appendTo("Checkouts", {
        AssetID: a.AssetID,
        CheckedOutTo: borrower,
        CheckedOutOn: out,
        DueOn: dueOn,
        ReturnedOn: null,
        Location: where,
        Notes: textOrNull(notes),
      }),
      updateIn("Assets", a.index, { Custodian: borrower, Location: where ?? a.Location, Status: "Checked out" }),
      // From is where the asset was before the loan: check-in returns it there.
      appendTo(
        "AssetLog",
        logRow(out, a, "CheckOut", a.Location, borrower, by, M.noteDue(dueOn), M.noteAt(where), notes)
      ),
    ],
  };
}
