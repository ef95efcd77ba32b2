import { numError, valueError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import { PERSONAL_CLASSES, TABLE_A1, TABLE_A6, TABLE_A7A, TABLES_A2_A5, type PersonalClass } from "./tables";

export type MacrsConvention = "HY" | "MQ" | "MM";

/**
 * The published column for a recovery period and convention. `quarterOrMonth` is the quarter (1-4) of the tax
 * year placed in service for MQ, the month (1-12) for MM. Without a convention: HY for 3-20 years, MM for 27.5
 * and 39 years. Returns the percentages (e.g. 20 for 20%).
 */
export function macrsColumn(
  recoveryPeriod: number,
  convention?: MacrsConvention | null,
  quarterOrMonth?: number | null
): readonly number[] | EngineError {
  const real = recoveryPeriod === 27.5 || recoveryPeriod === 39;
  if (!real && !PERSONAL_CLASSES.includes(recoveryPeriod as PersonalClass)) {
    return valueError(m.macrsClass(recoveryPeriod));
  }
  const conv = convention ?? (real ? "MM" : "HY");
  if (real) {
    if (conv !== "MM") return valueError(m.macrsConvention(conv, recoveryPeriod));
    const month = quarterOrMonth ?? NaN;
    if (!Number.isInteger(month) || month < 1 || month > 12) return valueError(m.macrsMonth());
    return (recoveryPeriod === 39 ? TABLE_A7A : TABLE_A6)[month - 1];
  }
  const cls = recoveryPeriod as PersonalClass;
  if (conv === "HY") return TABLE_A1[cls];
  if (conv === "MQ") {
    const quarter = quarterOrMonth ?? NaN;
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return valueError(m.macrsQuarter());
    return TABLES_A2_A5[quarter as 1 | 2 | 3 | 4][cls];
  }
  return valueError(m.macrsConvention(conv, recoveryPeriod));
}

/**
 * MACRS rate for recovery year `year` as a fraction (0.2 for 20%), from the Pub 946 tables. Years after the
 * table are 0; a year below 1 or not whole is #NUM!.
 */
export function macrsRate(
  recoveryPeriod: number,
  year: number,
  convention?: MacrsConvention | null,
  quarterOrMonth?: number | null
): number | EngineError {
  const column = macrsColumn(recoveryPeriod, convention, quarterOrMonth);
  if (!Array.isArray(column)) return column as EngineError;
  if (!Number.isInteger(year) || year < 1) return numError(m.macrsYear());
  return year <= column.length ? column[year - 1] / 100 : 0;
}

/** MACRS deduction for a recovery year: basis × the table rate (salvage is ignored under MACRS). */
export function macrs(
  cost: number,
  recoveryPeriod: number,
  year: number,
  convention?: MacrsConvention | null,
  quarterOrMonth?: number | null
): number | EngineError {
  const rate = macrsRate(recoveryPeriod, year, convention, quarterOrMonth);
  return typeof rate === "number" ? cost * rate : rate;
}
