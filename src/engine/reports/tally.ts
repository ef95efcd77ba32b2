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
