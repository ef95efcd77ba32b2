/**
 * Checks shared by the asset operations. Each returns the error to refuse with, or the value to go on with;
 * the operations read as a list of refusals followed by the edits.
 */
import { MAX_SERIAL } from "../dates";
import { notFound, valueError, type EngineError } from "../errors";
import { assetMessages as M } from "../messages/assets";
import type { AssetAction } from "../schema/tables";
import type { AssetRow } from "../schema/rows";
import type { EditValue, EngineEdits } from "./edits";
import { findAsset, idKey, isDisposed, textOrNull, type AssetRegister } from "./register";

export interface OperationResult {
  assetId: string;
  action: AssetAction;
  /** Edits to apply, one entry per table touched (Checkouts, Assets, AssetLog). */
  edits: EngineEdits[];
}

export function resolveAsset(reg: AssetRegister, id: string): AssetRow | EngineError {
  const t = textOrNull(id);
  if (t === null) return valueError(M.blankAsset());
  return findAsset(reg.assets, t) ?? notFound(M.unknownAsset(t));
}

/** A whole-day serial in Excel's range, or an error naming the argument. */
export function checkDate(date: number, what: string): number | EngineError {
  if (typeof date !== "number" || !Number.isFinite(date) || date < 1 || date > MAX_SERIAL) {
    return valueError(M.badDate(what));
  }
  return Math.floor(date);
}

export function refuseDisposed(a: AssetRow): EngineError | null {
  return isDisposed(a) ? valueError(M.disposed(a.AssetID, a.DisposedOn, a.row), { table: "Assets", row: a.row }) : null;
}

export function refuseLost(a: AssetRow): EngineError | null {
  return a.Status === "Lost" ? valueError(M.lost(a.AssetID, a.row), { table: "Assets", row: a.row }) : null;
}

/** The latest dated event of an asset in Checkouts and AssetLog, so a new event is never dated before it. */
export function lastEvent(reg: AssetRegister, a: AssetRow): { date: number; where: string } | null {
  const k = idKey(a.AssetID);
  let best: { date: number; where: string } | null = null;
  const see = (date: number | null, where: string) => {
    if (date !== null && (best === null || date > best.date)) best = { date, where };
  };
  for (const l of reg.checkouts) {
    if (idKey(l.AssetID) !== k) continue;
    see(l.CheckedOutOn, `Checkouts row ${l.row}`);
    see(l.ReturnedOn, `Checkouts row ${l.row}`);
  }
  for (const e of reg.log) if (idKey(e.AssetID) === k) see(e.Date, `AssetLog row ${e.row}`);
  return best;
}

/** Refuses a date before the asset was acquired or before its last recorded event. */
export function refuseOutOfOrder(reg: AssetRegister, a: AssetRow, date: number, what: string): EngineError | null {
  if (date < a.AcquiredOn) {
    return valueError(M.beforeAcquired(a.AssetID, what, date, a.AcquiredOn, a.row), { table: "Assets", row: a.row });
  }
  const last = lastEvent(reg, a);
  if (last !== null && date < last.date)
    return valueError(M.beforeLastEvent(a.AssetID, what, date, last.date, last.where));
  return null;
}

export function logRow(
  date: number,
  a: AssetRow,
  action: AssetAction,
  from: string | null,
  to: string | null,
  by: string | null | undefined,
  ...notes: (string | null | undefined)[]
): Record<string, EditValue> {
  const text = notes.map((n) => textOrNull(n)).filter((n): n is string => n !== null);
  return {
    Date: date,
    AssetID: a.AssetID,
    Action: action,
    From: from,
    To: to,
    By: textOrNull(by),
    Notes: text.length ? text.join(" ") : null,
  };
}

/** The first error among checks run in order, or null when all pass. */
export function firstError(...checks: (() => EngineError | null)[]): EngineError | null {
  for (const c of checks) {
    const e = c();
    if (e !== null) return e;
  }
  return null;
}
