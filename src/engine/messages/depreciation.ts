/** Messages about depreciation, written for an accountant: what is wrong and what to do. */
export const deprMessages = {
  // Excel-compatible primitives (#NUM! carries a message for logs; Excel itself shows none for #NUM!).
  negative: (fn: string, arg: string) => `${fn}: ${arg} must not be negative.`,
  notPositive: (fn: string, arg: string) => `${fn}: ${arg} must be greater than 0.`,
  periodBeyondLife: (fn: string) => `${fn}: the period is after the end of the asset's life.`,
  dbPeriodBeyond: () =>
    "DB: the period is after the life (with 12 months in the first year), or more than one period after the life.",
  dbMonth: () => "DB: month (months in the first year) must be from 1 to 12.",
  tooManyPeriods: (fn: string, max: number) =>
    `${fn}: more than ${max.toLocaleString("en-US")} periods; check life and the periods.`,
  lifeTooLong: () => "The life must end by 9999-12-31, Excel's last date; check LifeYears (years, not days or a date).",
  dateRange: (what: string) => `${what} must be a date from 1900-01-01 to 9999-12-31.`,
  lifeZero: (fn: string) => `${fn}: life must not be 0.`,
  spanOrder: (fn: string) => `${fn}: the start period must be from 0 to the end period, and the end at most the life.`,
  salvageAboveCost: (fn: string) => `${fn}: salvage must not exceed cost.`,
  purchaseAfterFirstPeriod: (fn: string) => `${fn}: the purchase date must not be after the end of the first period.`,
  basis: (fn: string) => `${fn}: basis must be 0, 1, 3 or 4.`,
  amorLife: () => "AMORDEGRC: the life (1/rate) must be 3 to 4 years, 5 to 6 years, or more than 6 years.",
  // MACRS
  macrsClass: (period: number) =>
    `MACRS recovery period ${period} is not a GDS class. Use 3, 5, 7, 10, 15, 20, 27.5 or 39 years.`,
  macrsConvention: (convention: string, period: number) =>
    `MACRS convention ${convention} does not apply to ${period}-year property. ` +
    "Use HY or MQ for 3 to 20 years, MM for 27.5 and 39 years.",
  macrsConventionName: (convention: string) =>
    `Unknown MACRS convention "${convention}". Use HY (half-year), MQ (mid-quarter) or MM (mid-month).`,
  macrsQuarter: () => "The quarter placed in service must be 1, 2, 3 or 4.",
  macrsMonth: () => "The month placed in service must be from 1 to 12 (month 1 is the first month of the tax year).",
  macrsYear: () => "The recovery year must be a whole number from 1.",
  // Units of production, custom percentages
  unitsTotal: () => "Total units must be greater than 0.",
  unitsNegative: () => "Units must not be negative.",
  percentList: () => "Give the percentages as numbers (e.g. 0.25 or 25%) that are not negative.",
  // Methods and schedules
  unknownMethod: (method: string, valid: readonly string[]) =>
    `Unknown depreciation method "${method}". Use one of ${valid.join(", ")}.`,
  unknownConvention: (convention: string) =>
    `Unknown convention "${convention}". Use FM (full month), MM (mid-month), HY (half-year), MQ (mid-quarter) or DAYS.`,
  fyEndMonth: () => "The fiscal year's last month must be from 1 to 12.",
  badLife: (column: string) => `${column} must be a number greater than 0.`,
  badCost: () => "Cost must be a number from 0 to 1,000,000,000,000,000.",
  badSalvage: () => "Salvage must be from 0 to the cost.",
  noInService: () => "The asset has no in-service date (InServiceOn or AcquiredOn).",
  disposedBeforeService: () =>
    "DisposedOn is before the asset was placed in service. Correct DisposedOn or InServiceOn (an asset is disposed of on or after the day it goes into service).",
  uopNeedsUnits: () =>
    "Units of production needs the units used in each period, which the Assets table does not hold; compute it with =BOOK.UNITSDEPR(cost, salvage, total_units, units) for each period.",
  noTaxMethod: () => "The asset has no TaxMethod; the tax schedule uses the book method.",
  spanOrderDates: () => "The start date must not be after the end date.",
};
