/**
 * The asset operations of the Assets page: read the register fresh, ask the engine, and write its edits through
 * the port (mapped to the user's headers). A refusal of the engine is shown as it is worded; nothing is written.
 */
import {
  checkIn,
  checkOut,
  dispose,
  markAudited,
  move,
  type DisposalResult,
  type MovableStatus,
  type OperationResult,
} from "../../engine/assets";
import { assetValuesAsOf } from "../../engine/depreciation";
import { isEngineError, type EngineError } from "../../engine/errors";
import type { AssetRow } from "../../engine/schema/rows";
import { toPortEdits, type Book } from "../../port/book";
import { isoOf, money } from "../format";
import { applyChecked } from "./checkedWrite";
import { portFailure, refused, type Outcome } from "./outcome";
import { readRegister } from "./register";

export type AssetAction =
  | {
      kind: "checkOut";
      assetId: string;
      to: string;
      date: number;
      due: number | null;
      location: string | null;
      notes: string | null;
    }
  | { kind: "checkIn"; assetId: string; date: number; location: string | null; notes: string | null }
  | {
      kind: "move";
      assetId: string;
      date: number;
      location: string | null;
      custodian: string | null;
      status: MovableStatus | null;
      notes: string | null;
    }
  | { kind: "audit"; assetId: string; date: number; by: string; location: string | null; notes: string | null }
  | { kind: "dispose"; assetId: string; date: number; proceeds: number; notes: string | null };

/** Who did it, for the AssetLog's By column. */
export const ACTOR = "Stockbook task pane";

/** Net book value on a date (book side), so a disposal can state its gain or loss. */
function bookValueAt(fyEndMonth: number) {
  return (a: AssetRow, date: number): number | EngineError => {
    const v = assetValuesAsOf(a, date, { fyEndMonth });
    return isEngineError(v) ? v : v.bookValue;
  };
}

function decide(action: AssetAction, reg: Awaited<ReturnType<typeof readRegister>>["reg"], fyEndMonth: number) {
  switch (action.kind) {
    case "checkOut":
      return checkOut(reg, action.assetId, action.to, action.date, action.due, action.location, action.notes, ACTOR);
    case "checkIn":
      return checkIn(reg, action.assetId, action.date, action.notes, {
        by: ACTOR,
        ...(action.location ? { location: action.location } : {}),
      });
    case "move":
      return move(
        reg,
        action.assetId,
        action.date,
        {
          ...(action.location ? { location: action.location } : {}),
          ...(action.custodian ? { custodian: action.custodian } : {}),
          ...(action.status ? { status: action.status } : {}),
        },
        ACTOR,
        action.notes
      );
    case "audit":
      return markAudited(reg, action.assetId, action.date, action.by, action.location, action.notes);
    case "dispose":
      return dispose(reg, action.assetId, action.date, action.proceeds, bookValueAt(fyEndMonth), ACTOR, action.notes);
  }
}

function done(action: AssetAction, r: OperationResult, decimals: number): string {
  const id = r.assetId;
  switch (action.kind) {
    case "checkOut":
      return `${id} checked out to ${action.to.trim()}${action.due !== null ? `, due ${isoOf(action.due)}` : ""}.`;
    case "checkIn":
      return `${id} checked in on ${isoOf(action.date)}.`;
    case "move":
      return `${id} moved on ${isoOf(action.date)}.`;
    case "audit":
      return `${id} marked audited on ${isoOf(action.date)} by ${action.by.trim()}.`;
    case "dispose": {
      const head = `${id} disposed of on ${isoOf(action.date)} for ${money(action.proceeds, decimals)}`;
      const d = r as DisposalResult;
      if (d.gainLoss === null || d.bookValue === null) return `${head}.`;
      const word = d.gainLoss >= 0 ? "gain" : "loss";
      return `${head}: book value ${money(d.bookValue, decimals)}, ${word} ${money(Math.abs(d.gainLoss), decimals)}.`;
    }
  }
}

export async function runAssetAction(book: Book, action: AssetAction): Promise<Outcome> {
  let result: OperationResult | EngineError;
  try {
    const { reg } = await readRegister(book);
    result = decide(action, reg, book.settings.fiscalYearEndMonth);
  } catch (e) {
    return portFailure(e);
  }
  if (isEngineError(result)) return refused(result.message);
  let failure: Outcome | null;
  try {
    failure = await applyChecked(book, toPortEdits(book, result.edits));
  } catch (e) {
    return portFailure(e);
  }
  if (failure) return failure;
  return { ok: true, message: done(action, result, book.settings.currencyDecimals) };
}
