/** Small grouping helpers for the static summaries (the pivots' stand-ins): group, sum, sort by key. */

const SEP = "\u0000";
const NONE = "(none)";

/** Groups `items` by a composite key and sums the given measures; keys sorted (numbers numerically). */
export function sumBy<T>(
  items: Iterable<T>,
  key: (x: T) => (string | number | null)[],
  measures: (x: T) => number[]
): [(string | number | null)[], number[]][] {
  const groups = new Map<string, { k: (string | number | null)[]; v: number[] }>();
  for (const x of items) {
    const k = key(x);
    const id = k.map((p) => (p === null ? "" : String(p))).join(SEP);
    const m = measures(x);
    const g = groups.get(id);
    if (!g) groups.set(id, { k, v: [...m] });
    else for (let i = 0; i < m.length; i++) g.v[i] += m[i];
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.k, b.k)).map((g) => [g.k, g.v]);
}

export function countBy<T>(
  items: Iterable<T>,
  key: (x: T) => (string | number | null)[]
): [(string | number | null)[], number][] {
  return sumBy(items, key, () => [1]).map(([k, v]) => [k, v[0]]);
}

export function compareKeys(a: (string | number | null)[], b: (string | number | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] === NONE ? null : (a[i] ?? null);
    const y = b[i] === NONE ? null : (b[i] ?? null);
    if (x === y) continue;
    if (x === null) return 1; // blanks ("(none)") last
    if (y === null) return -1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    const c = String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: "base" });
    if (c !== 0) return c;
  }
  return 0;
}

/** Label for a blank grouping value. */
export const orNone = (s: string | null | undefined): string =>
  s === null || s === undefined || s === "" ? "(none)" : s;

/**
 * The sum of figures already rounded for show, itself rounded to `dec` only to drop float dust (a sum of cents is
 * exact in cents). Every Total row is built this way so it foots: it equals the lines shown above it.
 */
export const footed = (shown: readonly number[], dec: number): number => {
  const s = shown.reduce((a, x) => a + x, 0);
  const f = 10 ** dec;
  const v = Math.round(s * f) / f;
  return v === 0 ? 0 : v;
};

/**
 * Rounds `values` to `dec` places so that they add up exactly to `target` (by default the rounded full-precision
 * sum): each value is rounded, then the few cents left over go to the lines whose rounding lost the most (largest
 * remainder), one cent each. So every summary of the same figures, cut by month, location or customer, shows the
 * same total, and its lines add up to it; a line differs from its own rounding by at most one cent.
 */
export function allocate(values: readonly number[], dec: number, target?: number): number[] {
  const f = 10 ** dec;
  const whole = values.map((v) => Math.round(v * f));
  const goal = Math.round((target ?? values.reduce((a, v) => a + v, 0)) * f);
  const left = goal - whole.reduce((a, v) => a + v, 0);
  // Not a finite amount (a blank or error upstream): plain rounding, never a loop.
  if (!Number.isFinite(left) || whole.some((w) => !Number.isFinite(w))) return values.map((v) => round2(v, f));
  if (left !== 0 && whole.length > 0) {
    const step = Math.sign(left);
    // Residual in the direction we must move: the lines rounded furthest away from it go first.
    const order = values.map((v, i) => ({ i, r: (v * f - whole[i]) * step })).sort((a, b) => b.r - a.r || a.i - b.i);
    for (let k = 0; k < Math.abs(left); k++) whole[order[k % order.length].i] += step;
  }
  return whole.map((w) => (w === 0 ? 0 : w / f));
}

const round2 = (v: number, f: number): number => Math.round(v * f) / f;
