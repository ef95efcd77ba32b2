import { numError, valueError, type EngineError } from "../errors";
import { deprMessages as m } from "../messages/depreciation";
import * as _db from "./excel/db";
import * as _ddb from "./excel/ddb";
import * as _sln from "./excel/sln";
import * as _syd from "./excel/syd";
import * as _vdb from "./excel/vdb";
import type { MacrsConvention } from "./macrs/rate";
import * as _rate from "./macrs/rate";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { db } = _db;
const { ddb } = _ddb;
const { sln } = _sln;
const { syd } = _syd;
const { vdb } = _vdb;
const { macrs } = _rate;

/** Methods of a single period (DEPRECIATE). */
export const PERIOD_METHODS = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS"] as const;
export type PeriodMethod = (typeof PERIOD_METHODS)[number];
/** Methods over a span of periods (DEPRBETWEEN). */
export const SPAN_METHODS = ["SL", "SYD", "DDB", "VDB", "150DB"] as const;
export type SpanMethod = (typeof SPAN_METHODS)[number];

/** Reads a method name ignoring case and spaces; an unknown name is #VALUE! listing the valid ones. */
export function parseMethod<T extends string>(text: string, valid: readonly T[]): T | EngineError {
  const key = text.replace(/\s+/g, "").toUpperCase();
  const hit = valid.find((v) => v === key);
  return hit ?? valueError(m.unknownMethod(text, valid));
}

/** One period of one method: (cost, salvage, life, period, extra) as for {@link depreciatePeriod}. */
export type PeriodFn = (
  cost: number,
  salvage: number,
  life: number,
  period: number,
  extra: number | null | undefined
) => number | EngineError;

/**
 * Each period method as a function, looked up once per call instead of a switch over names (a filled-down
 * DEPRECIATE column calls these thousands of times). `extra` is DB's month (default 12), the DDB/VDB factor
 * (default 2) or, for MACRS on 27.5/39-year property, the month placed in service.
 */
export const PERIOD_FUNCTIONS: Readonly<Record<PeriodMethod, PeriodFn>> = {
  // SLN has no period; like SYD, a period outside 1..life is #NUM!.
  SL: (cost, salvage, life, period) =>
    life > 0 && (period <= 0 || period > Math.ceil(life))
      ? numError(m.periodBeyondLife("SL"))
      : sln(cost, salvage, life),
  SYD: (cost, salvage, life, period) => syd(cost, salvage, life, period),
  DB: (cost, salvage, life, period, extra) => db(cost, salvage, life, period, extra ?? 12),
  DDB: (cost, salvage, life, period, extra) => ddb(cost, salvage, life, period, extra ?? 2),
  VDB: (cost, salvage, life, period, extra) =>
    period < 1 ? numError(m.notPositive("VDB", "period")) : vdb(cost, salvage, life, period - 1, period, extra ?? 2),
  "150DB": (cost, salvage, life, period) =>
    period < 1 ? numError(m.notPositive("150DB", "period")) : vdb(cost, salvage, life, period - 1, period, 1.5),
  MACRS: (cost, _salvage, life, period, extra) => {
    const real = life === 27.5 || life === 39;
    const conv: MacrsConvention = real ? "MM" : "HY";
    return macrs(cost, life, period, conv, real ? extra : null);
  },
};

/**
 * Depreciation of one period by `method`, in the units of `life`. `extra` is DB's month (default 12), the
 * DDB/VDB factor (default 2) or, for MACRS on 27.5/39-year property, the month placed in service; MACRS ignores
 * salvage and uses the half-year table for 3-20 years. VDB and 150DB take period p as VDB(p − 1, p).
 */
export function depreciatePeriod(
  method: PeriodMethod,
  cost: number,
  salvage: number,
  life: number,
  period: number,
  extra?: number | null
): number | EngineError {
  return PERIOD_FUNCTIONS[method](cost, salvage, life, period, extra);
}

/**
 * Depreciation between `start` and `end` (fractional periods, in the units of `life`). VDB and 150DB follow
 * Excel's VDB; DDB is VDB without the switch; SL is linear; SYD prorates each period's SYD amount.
 */
export function depreciateBetween(
  method: SpanMethod,
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor?: number | null,
  noSwitch = false
): number | EngineError {
  switch (method) {
    case "VDB":
      return vdb(cost, salvage, life, start, end, factor ?? 2, noSwitch);
    case "150DB":
      return vdb(cost, salvage, life, start, end, 1.5, noSwitch);
    case "DDB":
      return vdb(cost, salvage, life, start, end, factor ?? 2, true);
    case "SL":
    case "SYD": {
      if (life <= 0) return numError(m.notPositive(method, "life"));
      if (start < 0 || end < start || end > life) return numError(m.spanOrder(method));
      if (method === "SL") return ((cost - salvage) * (end - start)) / life;
      return sydCumulative(cost - salvage, life, end) - sydCumulative(cost - salvage, life, start);
    }
  }
}

/**
 * SYD depreciation from 0 to t (fractional): whole periods 1..k take Excel's SYD amount, base × (life − p + 1) × 2 ÷
 * (life × (life + 1)), and period k + 1 its share t − k. Closed form, so a huge life costs nothing.
 */
function sydCumulative(base: number, life: number, t: number): number {
  const k = Math.floor(t);
  const digits = k * (life + 1) - (k * (k + 1)) / 2 + (t - k) * (life - k);
  return (base * digits * 2) / (life * (life + 1));
}
