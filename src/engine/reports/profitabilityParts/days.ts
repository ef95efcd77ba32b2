/**
 * Fiscal year, quarter and month label of a day, computed once per distinct day of a report run (a ledger of
 * 200,000 rows has a few hundred distinct days; a Date per row would dominate the sheet's time).
 */
import { fiscalQuarter, fiscalYear, fromSerial } from "../../dates";

export interface DayInfo {
  fiscalYear: number;
  quarter: string;
  /** "2025-03": sorts as text, reads in every locale. */
  month: string;
}

export function dayInfo(fyEndMonth: number): (serial: number) => DayInfo {
  const cache = new Map<number, DayInfo>();
  return (serial) => {
    const day = Math.floor(serial);
    let x = cache.get(day);
    if (!x) {
      const { year, month } = fromSerial(day);
      x = {
        fiscalYear: fiscalYear(day, fyEndMonth),
        quarter: `Q${fiscalQuarter(day, fyEndMonth)}`,
        month: `${year}-${String(month).padStart(2, "0")}`,
      };
      cache.set(day, x);
    }
    return x;
  };
}
