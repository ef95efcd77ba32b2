/**
 * Custody from the Checkouts table (the loan log). A loan covers the days from CheckedOutOn up to the day
 * before ReturnedOn: on its return day the asset is back. A loan with no ReturnedOn is open.
 */
import type { CheckoutRow } from "../schema/rows";
import { idKey } from "./register";

export interface Custody {
  assetId: string;
  holder: string;
  /** The loan's Location (where the borrower keeps it), if recorded. */
  location: string | null;
  since: number;
  due: number | null;
  /** Sheet row of the loan in Checkouts. */
  row: number;
  index: number;
}

export interface OverdueLoan extends Custody {
  daysOverdue: number;
}

/** True when the loan covers `date`. */
export function coversDate(loan: CheckoutRow, date: number): boolean {
  return loan.CheckedOutOn <= date && (loan.ReturnedOn === null || loan.ReturnedOn > date);
}

/** Days past the due date on `asOf` while the loan covers it; 0 when not overdue, returned or without a due date. */
export function loanDaysOverdue(loan: CheckoutRow, asOf: number): number {
  if (loan.DueOn === null || !coversDate(loan, asOf)) return 0;
  return Math.max(0, Math.floor(asOf) - loan.DueOn);
}

function toCustody(loan: CheckoutRow): Custody {
  return {
    assetId: loan.AssetID,
    holder: loan.CheckedOutTo,
    location: loan.Location,
    since: loan.CheckedOutOn,
    due: loan.DueOn,
    row: loan.row,
    index: loan.index,
  };
}

/** Loans of one asset, oldest first (ties in sheet order). */
export function loanHistory(checkouts: readonly CheckoutRow[], assetId: string): CheckoutRow[] {
  const k = idKey(assetId);
  return checkouts
    .filter((c) => idKey(c.AssetID) === k)
    .sort((a, b) => a.CheckedOutOn - b.CheckedOutOn || a.row - b.row);
}

/**
 * Who held the asset on `date`, where, since when and until when it was due; null when it was in stock.
 * If bad data leaves two loans covering the day, the latest check-out wins (the register checks report it).
 */
export function custodyAt(checkouts: readonly CheckoutRow[], assetId: string, date: number): Custody | null {
  const day = Math.floor(date);
  const covering = loanHistory(checkouts, assetId).filter((l) => coversDate(l, day));
  return covering.length ? toCustody(covering[covering.length - 1]) : null;
}

/** Loans open on `asOf` (checked out on or before it, not yet returned then), in sheet order. */
export function openLoansAt(checkouts: readonly CheckoutRow[], asOf: number): OverdueLoan[] {
  const day = Math.floor(asOf);
  return checkouts
    .filter((l) => coversDate(l, day))
    .sort((a, b) => a.row - b.row)
    .map((l) => ({ ...toCustody(l), daysOverdue: loanDaysOverdue(l, day) }));
}

/** Loans past their due date on `asOf`, most overdue first. */
export function overdueLoans(checkouts: readonly CheckoutRow[], asOf: number): OverdueLoan[] {
  return openLoansAt(checkouts, asOf)
    .filter((l) => l.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
}

/** Days the asset is overdue on `asOf` (0 when it is not on loan or not overdue). */
export function daysOverdue(checkouts: readonly CheckoutRow[], assetId: string, asOf: number): number {
  const c = custodyAt(checkouts, assetId, asOf);
  return c === null || c.due === null ? 0 : Math.max(0, Math.floor(asOf) - c.due);
}

/** Loans with no ReturnedOn at all (the current state, whatever the date), in sheet order. */
export function openLoans(checkouts: readonly CheckoutRow[], assetId?: string): CheckoutRow[] {
  const k = assetId === undefined ? null : idKey(assetId);
  return checkouts
    .filter((l) => l.ReturnedOn === null && (k === null || idKey(l.AssetID) === k))
    .sort((a, b) => a.row - b.row);
}
