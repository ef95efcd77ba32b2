import { numError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import * as _ddb from "./ddb";
// Bound once: module interop (tsx, webpack) reads named exports through getters on every call, which shows
// in schedules for 100,000 assets.
const { ddbPeriod } = _ddb;

/**
 * Walks whole periods 1..ceil(span) of a declining-balance schedule that switches to straight line in the
 * first period where straight line over the remaining life (`remainingLife`) gives more; the last period
 * counts only for the fraction of it inside `span`. Returns the depreciation over [0, span].
 */
function walk(
  cost: number,
  salvage: number,
  life: number,
  remainingLife: number,
  span: number,
  factor: number
): number {
  const last = Math.ceil(span);
  let left = cost - salvage; // still to depreciate
  let straight = 0;
  let switched = false;
  let total = 0;
  for (let i = 1; i <= last; i++) {
    let term: number;
    if (switched) {
      term = straight;
    } else {
      const declining = ddbPeriod(cost, salvage, life, i, factor);
      straight = left / (remainingLife - (i - 1));
      if (straight > declining) {
        switched = true;
        term = straight;
      } else {
        term = declining;
        left -= declining;
      }
    }
    total += i === last ? term * (span - (last - 1)) : term;
  }
  return total;
}

/** More periods than any real schedule (a century of days is 36,525). */
export const MAX_VDB_PERIODS = 1_000_000;

/**
 * Excel VDB: declining balance (factor 2 by default) between `start` and `end` (fractional periods allowed),
 * switching to straight line when that is larger unless `noSwitch`.
 *
 * Excel's own rules, reproduced rather than "corrected": a fractional period counts pro rata of that whole
 * period's amount; with the switch, Excel first takes the depreciation up to `start`, then runs a fresh schedule
 * from the remaining value over the remaining life (life − start); and when `start` is fractional, factor > 1
 * and start ≥ life/2, it moves the span back so it starts at life/2 (and lengthens the first pass by one
 * period). #NUM! when cost < 0, salvage < 0, life ≤ 0, factor ≤ 0, start < 0, end < start or end > life.
 */
export function vdb(
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor = 2,
  noSwitch = false
): number | EngineError {
  if (cost < 0) return numError(m.negative("VDB", "cost"));
  if (salvage < 0) return numError(m.negative("VDB", "salvage"));
  if (life <= 0) return numError(m.notPositive("VDB", "life"));
  if (factor <= 0) return numError(m.notPositive("VDB", "factor"));
  if (start < 0 || end < start || end > life) return numError(m.spanOrder("VDB"));
  // Excel walks the periods one by one; past a million periods that is a typo, not an asset (and would hang).
  if (end > MAX_VDB_PERIODS) return numError(m.tooManyPeriods("VDB", MAX_VDB_PERIODS));
  return noSwitch
    ? vdbNoSwitch(cost, salvage, life, start, end, factor)
    : vdbSwitch(cost, salvage, life, start, end, factor);
}

function vdbNoSwitch(cost: number, salvage: number, life: number, start: number, end: number, factor: number): number {
  const first = Math.floor(start) + 1;
  const last = Math.ceil(end);
  let total = 0;
  for (let i = first; i <= last; i++) {
    let term = ddbPeriod(cost, salvage, life, i, factor);
    if (i === first) term *= Math.min(end, first) - start;
    else if (i === last) term *= end - (last - 1);
    total += term;
  }
  return total;
}

function vdbSwitch(cost: number, salvage: number, life: number, start: number, end: number, factor: number): number {
  let s = start;
  let e = end;
  let firstPassLife = life;
  if (s !== Math.floor(s) && factor > 1 && s >= life / 2) {
    const shift = s - life / 2;
    s = life / 2;
    e -= shift;
    firstPassLife = life + 1;
  }
  const before = walk(cost, salvage, life, firstPassLife, s, factor);
  return walk(cost - before, salvage, life, life - s, e - s, factor);
}

/** VDB without argument checks, for schedules whose arguments are already valid (integer-aligned spans). */
export function vdbUnchecked(
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor: number
): number {
  return vdbSwitch(cost, salvage, life, start, end, factor);
}

/**
 * Per-period amounts of the switching schedule from 0 to `life` in one pass (period i = VDB(i − 1, i); a
 * fractional last period is prorated), for schedules: O(life) instead of a VDB call per period.
 */
export function vdbPeriods(cost: number, salvage: number, life: number, factor: number): number[] {
  const last = Math.ceil(life);
  const out = new Array<number>(last);
  let left = cost - salvage;
  let straight = 0;
  let switched = false;
  for (let i = 1; i <= last; i++) {
    let term: number;
    if (switched) {
      term = straight;
    } else {
      const declining = ddbPeriod(cost, salvage, life, i, factor);
      straight = left / (life - (i - 1));
      if (straight > declining) {
        switched = true;
        term = straight;
      } else {
        term = declining;
        left -= declining;
      }
    }
    out[i - 1] = i === last ? term * (life - (last - 1)) : term;
  }
  return out;
}
