/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes a cell or a range; custom-function metadata
   can only say `any` for that. Values are narrowed to Scalar at once. */
/** Warranty timers (namespace BOOK). Each accepts one date or a range of dates and spills one result per cell. */
import { todaySerial } from "../engine/dates";
import { warrantyDays as daysLeft, warrantyStatus as statusOn } from "../engine/assets/warranty";
import { args, isBlank, keysOf, readArgs, spilled, type Scalar } from "./edge";

const asOfSpec = { name: "as_of", type: "date", default: () => todaySerial() } as const;
const expirySpec = { name: "expiry", type: "date" } as const;

/**
 * Days left on a warranty: 0 on the expiry day, negative once it has expired. Gives one result per cell when
 * expiry is a range.
 * @customfunction WARRANTYDAYS
 * @volatile
 * @param expiry Warranty expiry date (a date, or a range of dates such as Assets[WarrantyExpires]).
 * @param [as_of] Date to count from. Default: today.
 * @returns Days left (negative when expired).
 */
export function warrantyDays(expiry: any[][], as_of?: any): any[][] {
  const [asOf] = args([asOfSpec], [as_of as Scalar]) as number[];
  const keys = keysOf(expiry as Scalar | Scalar[][]);
  return spilled(keys, (v) => {
    if (isBlank(v)) return { code: "#VALUE!", message: "expiry is blank: give the warranty's expiry date." };
    const r = readArgs([expirySpec], [v]);
    return Array.isArray(r) ? daysLeft(r[0] as number, asOf) : r;
  });
}

/**
 * Warranty status: "Active", "Expiring" (at most warn_days days left, the expiry day included), "Expired"
 * (from the day after expiry) or "None" (no expiry date). Gives one result per cell when expiry is a range.
 * @customfunction WARRANTYSTATUS
 * @volatile
 * @param expiry Warranty expiry date (a date, blank, or a range such as Assets[WarrantyExpires]).
 * @param [as_of] Date of the status. Default: today.
 * @param [warn_days] Days before expiry that count as Expiring. Default: 30.
 * @returns Active, Expiring, Expired or None.
 */
export function warrantyStatus(expiry: any[][], as_of?: any, warn_days?: any): any[][] {
  const [asOf, warn] = args(
    [asOfSpec, { name: "warn_days", type: "number", default: 30, min: 0, integer: true, rangeError: "#VALUE!" }],
    [as_of as Scalar, warn_days as Scalar]
  ) as number[];
  const keys = keysOf(expiry as Scalar | Scalar[][]);
  return spilled(keys, (v) => {
    if (isBlank(v)) return statusOn(null, asOf, warn);
    const r = readArgs([expirySpec], [v]);
    return Array.isArray(r) ? statusOn(r[0] as number, asOf, warn) : r;
  });
}
