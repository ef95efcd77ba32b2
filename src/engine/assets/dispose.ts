/**
 * Dispose: the asset is sold or scrapped. Sets Status Disposed, DisposedOn and DisposalProceeds and logs it.
 * Gain or loss = proceeds − net book value at disposal (ACCOUNTING.md); the book value comes from the
 * depreciation engine through the caller's `bookValueAt`, so this module does not depend on it.
 */
import { isEngineError, numError, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import type { AssetRow } from "../schema/rows";
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
import { type AssetRegister } from "./register";

/** Net book value of an asset on a date (serial), or an error when it cannot be computed. */
export type BookValueAt = (asset: AssetRow, date: number) => number | EngineError;

export interface DisposalResult extends OperationResult {
  proceeds: number;
  /** Net book value at disposal, when `bookValueAt` was given and could compute it. */
  bookValue: number | null;
  /** proceeds − bookValue at full precision (positive: gain, negative: loss); null without a book value. */
  gainLoss: number | null;
  /** Why the book value is missing when `bookValueAt` failed; the disposal edits are still valid. */
  bookValueError: EngineError | null;
}

/**
 * Disposes of asset `assetId` on `date` for `proceeds` (0 when scrapped). Refuses unknown and already disposed
 * assets, an asset still on loan, negative proceeds and a date before acquisition or the last recorded event.
 */
export function dispose(
  reg: AssetRegister,
  assetId: string,
  date: number,
  proceeds: number,
  bookValueAt?: BookValueAt,
  by?: string | null,
  notes?: string | null
): DisposalResult | EngineError {
  const a = resolveAsset(reg, assetId);
  if (isEngineError(a)) return a;
  const on = checkDate(date, "Disposal");
  if (isEngineError(on)) return on;
  if (typeof proceeds !== "number" || !Number.isFinite(proceeds) || proceeds < 0) return valueError(M.badProceeds());
  const open = openLoans(reg.checkouts, a.AssetID);
  const refusal = firstError(
    () => refuseDisposed(a),
    () =>
      open.length
        ? valueError(M.disposeWhileOut(a.AssetID, open[0].CheckedOutTo, open[0].row), {
            table: "Checkouts",
            row: open[0].row,
          })
        : null,
    () => refuseOutOfOrder(reg, a, on, "disposal")
  );
  if (refusal) return refusal;
  const nbv = bookValueAt ? bookValueAt(a, on) : null;
  const bookValue = typeof nbv === "number" && Number.isFinite(nbv) ? nbv : null;
  const bookValueError = isEngineError(nbv)
    ? nbv
    : typeof nbv === "number" && bookValue === null
      ? numError("The book value at disposal is not a finite number.")
      : null;
  return {
    assetId: a.AssetID,
    action: "Dispose",
    proceeds,
    bookValue,
    gainLoss: bookValue === null ? null : proceeds - bookValue,
    bookValueError,
    edits: [
      updateIn("Assets", a.index, {
        Custodian: null,
        Location: a.Location,
        Status: "Disposed",
        DisposedOn: on,
        DisposalProceeds: proceeds,
      }),
      appendTo("AssetLog", logRow(on, a, "Dispose", a.Location, null, by, M.noteProceeds(proceeds), notes)),
    ],
  };
}
