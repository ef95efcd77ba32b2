import * as _ddb from "../excel/ddb";
import * as _vdb from "../excel/vdb";
import * as _conventions from "./conventions";
import type { Plan } from "./plan";
import type { FiscalPosition } from "./position";
import type { ScheduleSpec } from "./types";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { ddbPeriod } = _ddb;
const { vdbPeriods } = _vdb;
const { firstYearShare, startMonth, stopMonth } = _conventions;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * SL, SYD, DDB, VDB, 150DB: the method runs on asset time τ (years since the convention's start, 0..life), each
 * asset year taking the method's amount for that period (linear within the year, as VDB's fractional periods);
 * fiscal years map onto τ through the first-year share the convention gives.
 */
export function assetTimeYears(
  s: ScheduleSpec,
  start: FiscalPosition,
  disposal: FiscalPosition | null,
  plan: Plan
): void {
  const { cost, salvage, life } = s;
  const base = cost - salvage;
  const years = Math.ceil(life);
  let amounts: number[] | null = null;
  if (s.method === "SYD") {
    amounts = new Array<number>(years);
    const whole = Math.floor(life);
    let sum = 0;
    for (let j = 0; j < years; j++) {
      amounts[j] = j < whole ? (base * (life - j) * 2) / (life * (life + 1)) : base - sum;
      sum += amounts[j];
    }
  } else if (s.method === "DDB") {
    const factor = s.factor ?? 2;
    amounts = new Array<number>(years);
    for (let j = 0; j < years; j++) {
      const full = ddbPeriod(cost, salvage, life, j + 1, factor);
      amounts[j] = j + 1 > life ? full * (life - j) : full;
    }
  } else if (s.method === "VDB" || s.method === "150DB") {
    amounts = vdbPeriods(cost, salvage, life, s.method === "150DB" ? 1.5 : (s.factor ?? 2));
  }
  const curve: Curve = { amounts, prefix: [0], years, life, base };
  if (amounts) for (let j = 0; j < years; j++) curve.prefix.push(curve.prefix[j] + amounts[j]);
  const a = startMonth(s.convention, start);
  const f1 = firstYearShare(s.convention, start, s.fyEndMonth);
  let tauEnd = life;
  if (disposal) {
    const kd = disposal.fiscalYear - start.fiscalYear;
    tauEnd = Math.min(life, Math.max(0, tauAt(f1, a, kd, stopMonth(s.convention, disposal))));
  }
  const last = tauEnd <= f1 ? 0 : Math.ceil(tauEnd - f1 - 1e-12);
  let before = 0;
  for (let k = 0; k <= last; k++) {
    const after = curveAt(curve, Math.min(tauAt(f1, a, k, 12), tauEnd));
    plan.exact.push(after - before);
    before = after;
    const lo = k === 0 ? a : 0;
    let hi = 12;
    if (k === last) hi = k === 0 ? a + (tauEnd / f1) * (12 - a) : (tauEnd - f1 - (k - 1)) * 12;
    plan.lo.push(lo);
    plan.hi.push(Math.max(lo, Math.min(12, hi)));
  }
}

/** Cumulative depreciation of a method on asset time: whole asset years plus a pro rata part of the current one. */
interface Curve {
  /** Per asset year; null for straight line. */
  amounts: number[] | null;
  prefix: number[];
  years: number;
  life: number;
  base: number;
}

function curveAt(c: Curve, tau: number): number {
  if (tau <= 0) return 0;
  if (!c.amounts) return (c.base * Math.min(tau, c.life)) / c.life;
  if (tau >= c.life) return c.prefix[c.years];
  const j = Math.floor(tau);
  const len = Math.min(j + 1, c.life) - j;
  return c.prefix[j] + (c.amounts[j] * (tau - j)) / len;
}

/** Asset time (years since the convention's start) at month `p` of fiscal year index `k`. */
function tauAt(f1: number, a: number, k: number, p: number): number {
  return k === 0 ? f1 * clamp01((p - a) / (12 - a)) : f1 + (k - 1) + p / 12;
}
