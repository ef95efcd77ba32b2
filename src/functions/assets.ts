/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes a cell or a range; custom-function metadata
   can only say `any` for that. Values are narrowed to Scalar at once. */
/**
 * Loans (namespace BOOK): who holds an asset, how late it is, what is out. Each takes the Checkouts table with
 * its header row (Checkouts[#All]); a range of asset ids spills one result per id from one pass over the table.
 */
import { custodyAt, daysOverdue, openLoansAt, overdueLoans } from "../engine/assets/custody";
import { idKey } from "../engine/assets/register";
import { todaySerial } from "../engine/dates";
import { isEngineError, valueError, type EngineError } from "../engine/errors";
import { parseTable, type CheckoutRow } from "../engine/schema";
import { args, fail, isBlank, keysOf, readArgs, spilled, tableOf, type Scalar } from "./edge";

const asOfSpec = { name: "as_of", type: "date", default: () => todaySerial() } as const;
const idSpec = { name: "asset_id", type: "text" } as const;

/** The Checkouts table's loans (rows the parser skips are reported on the Issues sheet), or Excel's error. */
function loansOf(checkouts: any[][]): CheckoutRow[] {
  const t = tableOf(checkouts as Scalar[][], "Checkouts");
  if (isEngineError(t)) return fail(t);
  const parsed = parseTable("Checkouts", t.header, t.rows);
  if (parsed.missingRequired.length > 0) {
    const first = parsed.issues.find((i) => i.row === null);
    return fail(valueError(first?.message ?? "Checkouts lacks a required column."));
  }
  return parsed.rows;
}

/** Loans grouped by asset, so a range of ids costs one pass over the table. */
function byAsset(loans: readonly CheckoutRow[]): Map<string, CheckoutRow[]> {
  const m = new Map<string, CheckoutRow[]>();
  for (const l of loans) {
    const k = idKey(l.AssetID);
    const list = m.get(k);
    if (list) list.push(l);
    else m.set(k, [l]);
  }
  return m;
}

/** Reads one asset id of a key range: blank ids give `blank` (so a spill over a ragged range stays quiet). */
function perId<T extends number | string>(key: Scalar, blank: T, f: (id: string) => T): T | EngineError {
  if (isBlank(key)) return blank;
  const r = readArgs([idSpec], [key]);
  return isEngineError(r) ? r : f(r[0] as string);
}

/**
 * Who holds the asset on a date: the borrower of the loan covering that day, or "" when it is in stock. Gives
 * one result per cell when asset_id is a range.
 * @customfunction CUSTODIAN
 * @volatile
 * @param checkouts The Checkouts table with its header row, e.g. Checkouts[#All].
 * @param asset_id Asset ID, or a range of IDs such as Assets[AssetID].
 * @param [as_of] Date to look at. Default: today.
 * @returns The borrower's name, or "" when the asset is not on loan.
 */
export function custodian(checkouts: any[][], asset_id: any[][], as_of?: any): any[][] {
  const [asOf] = args([asOfSpec], [as_of as Scalar]) as number[];
  const groups = byAsset(loansOf(checkouts));
  return spilled(keysOf(asset_id as Scalar | Scalar[][]), (key) =>
    perId(key, "", (id) => custodyAt(groups.get(idKey(id)) ?? [], id, asOf)?.holder ?? "")
  );
}

/**
 * Days an asset on loan is past its due date (0 when it is not on loan, not yet due or has no due date). With a
 * range of IDs, one result per cell. Without asset_id, spills the overdue loans: AssetID and DaysOverdue, most
 * overdue first, under a header row.
 * @customfunction OVERDUE
 * @volatile
 * @param checkouts The Checkouts table with its header row, e.g. Checkouts[#All].
 * @param [asset_id] Asset ID or a range of IDs. Default: every overdue loan.
 * @param [as_of] Date to count to. Default: today.
 * @returns Days overdue, or the list of overdue loans.
 */
export function overdue(checkouts: any[][], asset_id?: any[][], as_of?: any): any[][] {
  const [asOf] = args([asOfSpec], [as_of as Scalar]) as number[];
  const loans = loansOf(checkouts);
  if (!Array.isArray(asset_id) && isBlank(asset_id as Scalar)) {
    return [["AssetID", "DaysOverdue"], ...overdueLoans(loans, asOf).map((l) => [l.assetId, l.daysOverdue])];
  }
  const groups = byAsset(loans);
  return spilled(keysOf(asset_id as Scalar | Scalar[][]), (key) =>
    perId(key, 0, (id) => daysOverdue(groups.get(idKey(id)) ?? [], id, asOf))
  );
}

/**
 * The loans open on a date, in the table's order, under a header row: AssetID, CheckedOutTo, CheckedOutOn,
 * DueOn ("" when none) and DaysOverdue (0 when not overdue). Format the date columns as dates.
 * @customfunction ONLOAN
 * @volatile
 * @param checkouts The Checkouts table with its header row, e.g. Checkouts[#All].
 * @param [as_of] Date to look at. Default: today.
 * @returns A table of the open loans.
 */
export function onLoan(checkouts: any[][], as_of?: any): any[][] {
  const [asOf] = args([asOfSpec], [as_of as Scalar]) as number[];
  const header: (string | number)[] = ["AssetID", "CheckedOutTo", "CheckedOutOn", "DueOn", "DaysOverdue"];
  return [
    header,
    ...openLoansAt(loansOf(checkouts), asOf).map((l) => [l.assetId, l.holder, l.since, l.due ?? "", l.daysOverdue]),
  ];
}
