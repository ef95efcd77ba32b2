/** Mark audited: someone saw the asset on a date, at a location. Sets LastAuditedOn; a Lost asset is found. */
import { isEngineError, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import { openLoans } from "./custody";
import { appendTo, updateIn } from "./edits";
import {
  checkDate,
  firstError,
  logRow,
  refuseDisposed,
  refuseOutOfOrder,
  resolveAsset,
  type OperationResult,
} from "./guards";
import { textOrNull, type AssetRegister } from "./register";

/**
 * Records an audit of asset `assetId` on `date` by `by`, found at `locationFound` (null: where the register says).
 * Refuses unknown and disposed assets and an audit dated before the last one.
 */
export function markAudited(
  reg: AssetRegister,
  assetId: string,
  date: number,
  by: string,
  locationFound: string | null,
  notes?: string | null
): OperationResult | EngineError {
  const a = resolveAsset(reg, assetId);
  if (isEngineError(a)) return a;
  const on = checkDate(date, "Audit");
  if (isEngineError(on)) return on;
  const auditor = textOrNull(by);
  if (auditor === null) return valueError(M.blankAuditor());
  const refusal = firstError(
    () => refuseDisposed(a),
    () =>
      a.LastAuditedOn !== null && on < a.LastAuditedOn
        ? valueError(M.auditBeforeLast(a.AssetID, on, a.LastAuditedOn, a.row), {
            table: "Assets",
            row: a.row,
            column: "LastAuditedOn",
          })
        : null,
    () => refuseOutOfOrder(reg, a, on, "audit")
  );
  if (refusal) return refusal;
  const found = textOrNull(locationFound) ?? a.Location;
  const wasLost = a.Status === "Lost";
  // Found (or never given a status): it is in service, or out on the loan that is still open.
  const settled = openLoans(reg.checkouts, a.AssetID).length > 0 ? "Checked out" : "In service";
  return {
    assetId: a.AssetID,
    action: "Audit",
    edits: [
      updateIn("Assets", a.index, {
        Custodian: a.Custodian,
        Location: found,
        Status: wasLost || a.Status === null ? settled : a.Status,
        LastAuditedOn: on,
      }),
      appendTo(
        "AssetLog",
        logRow(on, a, "Audit", a.Location, found, auditor, wasLost ? M.noteFound("Lost") : null, notes)
      ),
    ],
  };
}
