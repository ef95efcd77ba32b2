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
