/**
 * Depreciation engine (issue 3). Pure: numbers and serial dates in, numbers / rows / EngineError out.
 *
 * Excel-compatible primitives, Excel's argument order, Excel's results and errors:
 *   sln(cost, salvage, life), syd(cost, salvage, life, per), db(cost, salvage, life, period, month = 12),
 *   ddb(cost, salvage, life, period, factor = 2), vdb(cost, salvage, life, start, end, factor = 2, noSwitch = false),
 *   amorlinc(cost, datePurchased, firstPeriod, salvage, period, rate, basis = 0), amordegrc(same).
 */
export { sln } from "./excel/sln";
export { syd } from "./excel/syd";
export { db } from "./excel/db";
export { ddb } from "./excel/ddb";
export { vdb } from "./excel/vdb";
export { amorlinc, amordegrc } from "./excel/amor";
export { yearFrac, type Basis } from "./excel/yearfrac";

/** MACRS (IRS Pub 946 Tables A-1 to A-7a as published) and the 40% mid-quarter test. */
export { macrs, macrsRate, macrsColumn, type MacrsConvention } from "./macrs/rate";
export { midQuarterTest, type Addition, type MidQuarterResult } from "./macrs/midQuarter";

/** Units of production and user-defined percentage schedules (rounded to cents, summing to cost − salvage). */
export { unitsDepr, unitsSchedule, percentSchedule, type PeriodAmount } from "./units";
export { cents } from "./schedule/cents";
