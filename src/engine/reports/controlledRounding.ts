/**
 * Rounds fact rows to the cent so that a PivotTable over them shows, to the cent, the static lines printed beside
 * it: the static lines ARE the sums of the rounded rows, and the rows are rounded so those sums stay as close to
 * the full-precision figures as the cents allow ("controlled rounding", as statistical offices round a table
 * whose margins must still add up).
 *
 * - Each row is rounded down or up (never further: a row is within a cent of its own figure).
 * - Rows of one `within` group (an item) add up exactly to that group's target — the item's line as allocated
 *   under its category (tally.ts allocate), so the category → item summary keeps its guarantee: each line within a
 *   cent of its own figure, subtotals and total footing.
 * - For every other cut (month, location, customer) each group's sum is then brought within a cent of its
 *   full-precision figure by moving a cent from one row to another row of the same item (the item's sum does not
 *   move), only where the move lowers the total distance outside those bounds. No exact solution need exist for
 *   several cuts at once (a row sits in one group of each); where the search finds none a line may be a cent or
 *   two further off, but it is still the sum of the rows below it, so the pivot and the line agree.
 */
import { allocate } from "./tally";

const EPS = 1e-7;
/** Rows looked at for one move before giving up on that group for the pass. */
const BUDGET = 20_000;
const PASSES = 8;
/**
 * Rows looked at in the whole search, per row and fixed: a book of a few thousand sales lines gets every line
 * within a cent in milliseconds; a very large one stops searching early (lines then a few cents off at most, still
 * the sums of their rows) rather than spend seconds on cents.
 */
const WORK_PER_ROW = 1;
const WORK_FIXED = 100_000;
/** Rows of one `within` group up to which its picks are found by a plain scan rather than a heap. */
const SMALL = 32;

/**
 * @param values full-precision amounts, one per fact row
 * @param within each row's group (0-based) whose rows must add up to `targets[group]`
 * @param targets per `within` group, the amount already rounded to `dec` places
 * @param cuts per other cut, each row's group id (0-based, dense)
 * @returns the rows' amounts rounded to `dec` places
 */
export function roundFacts(
  values: readonly number[],
  within: readonly number[],
  targets: readonly number[],
  cuts: readonly (readonly number[])[],
  dec: number
): number[] {
  const f = 10 ** dec;
  const n = values.length;
  if (!values.every(Number.isFinite)) return values.map((v) => Math.round(v * f) / f);
  const x = values.map((v) => v * f);
  const lo = x.map((v) => Math.floor(v + EPS));
  const hi = x.map((v) => Math.ceil(v - EPS));
  // Every row already in whole cents (revenue at prices in cents, usually): nothing to decide if the targets agree.
  if (lo.every((v, i) => v === hi[i])) {
    const sum = targets.map(() => 0);
    for (let i = 0; i < n; i++) sum[within[i]] += lo[i];
    if (sum.every((v, k) => v === Math.round(targets[k] * f))) return lo.map((w) => (w === 0 ? 0 : w / f));
  }
  const c = new Float64Array(n);
  const members: number[][] = targets.map(() => []);
  for (let i = 0; i < n; i++) members[within[i]].push(i);
  spread(x, lo, hi, members, targets, cuts, c, f);

  // Per cut and group: the sum of the rounded rows, the bounds it should stay within, and its rows (CSR).
  const S: Float64Array[] = [];
  const XL: Float64Array[] = [];
  const XH: Float64Array[] = [];
  const rowsOf: { start: Int32Array; rows: Int32Array }[] = [];
  for (const cut of cuts) {
    const m = cut.reduce((a, g) => Math.max(a, g + 1), 0);
    const sum = new Float64Array(m);
    const raw = new Float64Array(m);
    const start = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) {
      sum[cut[i]] += c[i];
      raw[cut[i]] += x[i];
      start[cut[i] + 1]++;
    }
    for (let g = 0; g < m; g++) start[g + 1] += start[g];
    const at = start.slice(0, m);
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[at[cut[i]]++] = i;
    S.push(sum);
    XL.push(raw.map((v) => Math.floor(v + EPS * Math.max(1, Math.abs(v)))));
    XH.push(raw.map((v) => Math.ceil(v - EPS * Math.max(1, Math.abs(v)))));
    rowsOf.push({ start, rows });
  }
  const off = (q: number, g: number, s: number) => Math.max(0, s - XH[q][g]) + Math.max(0, XL[q][g] - s);
  /** Change in the total distance when row `down` gives a cent to row `up`. */
  const delta = (down: number, up: number): number => {
    let d = 0;
    for (let q = 0; q < cuts.length; q++) {
      const a = cuts[q][down];
      const b = cuts[q][up];
      if (a === b) continue;
      d += off(q, a, S[q][a] - 1) - off(q, a, S[q][a]) + off(q, b, S[q][b] + 1) - off(q, b, S[q][b]);
    }
    return d;
  };
  const move = (down: number, up: number) => {
    c[down] -= 1;
    c[up] += 1;
    for (let q = 0; q < cuts.length; q++) {
      S[q][cuts[q][down]] -= 1;
      S[q][cuts[q][up]] += 1;
    }
  };
  // Rows looked at, for the whole search and per move looked for (every row scanned counts).
  let work = WORK_FIXED + WORK_PER_ROW * n;
  /** One move that brings group g of cut q a cent closer to its bounds; false when none is found. */
  const fix = (q: number, g: number, high: boolean): boolean => {
    const { start, rows } = rowsOf[q];
    let spent = 0;
    for (let r = start[g]; r < start[g + 1]; r++) {
      const i = rows[r];
      if (++spent > BUDGET || --work < 0) return false;
      if (high ? c[i] <= lo[i] : c[i] >= hi[i]) continue;
      for (const j of members[within[i]]) {
        if (++spent > BUDGET || --work < 0) return false;
        if (cuts[q][j] === g || (high ? c[j] >= hi[j] : c[j] <= lo[j])) continue;
        const down = high ? i : j;
        const up = high ? j : i;
        if (delta(down, up) < 0) {
          move(down, up);
          return true;
        }
      }
    }
    return false;
  };
  for (let pass = 0; pass < PASSES && work > 0; pass++) {
    let moved = false;
    for (let q = 0; q < cuts.length; q++)
      for (let g = 0; g < S[q].length; g++)
        while (S[q][g] > XH[q][g] || S[q][g] < XL[q][g]) {
          if (!fix(q, g, S[q][g] > XH[q][g])) break;
          moved = true;
        }
    if (!moved) break;
  }
  return Array.from(c, (w) => (w === 0 ? 0 : w / f));
}

/**
 * First assignment, one `within` group at a time: its rows start rounded down, then the ups its target needs go,
 * one by one, to the row whose groups in the other cuts are furthest below their figures so far (their drift,
 * including this group's rows) — a greedy balance, so the cuts start near their bounds and the search above has
 * little left to do. Picking a row only raises the drift of its groups, so a row's score never falls and a lazy
 * heap finds each pick (n log n). A group whose target its rows cannot reach by rounding each down or up (a target
 * given from elsewhere) is allocated by largest remainder instead.
 */
function spread(
  x: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  members: readonly number[][],
  targets: readonly number[],
  cuts: readonly (readonly number[])[],
  c: Float64Array,
  f: number
): void {
  const drift = cuts.map((cut) => new Float64Array(cut.reduce((a, g) => Math.max(a, g + 1), 0)));
  // Up rather than down changes the squared drift of a row's groups by Σ (2·drift + 1).
  const score = (i: number) => {
    let d = 0;
    for (let q = 0; q < cuts.length; q++) d += 2 * drift[q][cuts[q][i]] + 1;
    return d;
  };
  const add = (i: number, by: number) => {
    for (let q = 0; q < cuts.length; q++) drift[q][cuts[q][i]] += by;
  };
  members.forEach((of, k) => {
    const open: number[] = [];
    let floors = 0;
    for (const i of of) {
      floors += lo[i];
      if (hi[i] > lo[i]) open.push(i);
    }
    const ups = Math.round(targets[k] * f) - floors;
    if (ups < 0 || ups > open.length) {
      const a = allocate(
        of.map((i) => x[i] / f),
        Math.round(Math.log10(f)),
        targets[k]
      );
      of.forEach((i, t) => {
        c[i] = Math.round(a[t] * f);
        add(i, c[i] - x[i]);
      });
      return;
    }
    for (const i of of) {
      c[i] = lo[i];
      add(i, c[i] - x[i]);
    }
    if (ups === 0) return;
    if (open.length <= SMALL) {
      // A few rows: scan them for each pick (no heap to build); ties go to the earlier row, as in the heap.
      for (let picked = 0; picked < ups; picked++) {
        let best = -1;
        let bestScore = Infinity;
        for (const i of open)
          if (c[i] === lo[i]) {
            const s = score(i);
            if (s < bestScore) [best, bestScore] = [i, s];
          }
        c[best] = hi[best];
        add(best, 1);
      }
      return;
    }
    const heap = new MinHeap(open.map((i) => ({ i, s: score(i) })));
    for (let picked = 0; picked < ups;) {
      const top = heap.pop();
      const now = score(top.i);
      if (heap.size > 0 && now > heap.peek().s) {
        heap.push({ i: top.i, s: now });
        continue;
      }
      c[top.i] = hi[top.i];
      add(top.i, 1);
      picked++;
    }
  });
}

/** A binary min-heap of scored rows (ties: lower row first, so the result does not depend on the heap's order). */
class MinHeap {
  private readonly a: { i: number; s: number }[] = [];
  constructor(items: { i: number; s: number }[]) {
    for (const x of items) this.push(x);
  }
  get size(): number {
    return this.a.length;
  }
  peek(): { i: number; s: number } {
    return this.a[0];
  }
  private less(p: number, q: number): boolean {
    const x = this.a[p];
    const y = this.a[q];
    return x.s < y.s || (x.s === y.s && x.i < y.i);
  }
  private swap(p: number, q: number): void {
    const t = this.a[p];
    this.a[p] = this.a[q];
    this.a[q] = t;
  }
  push(x: { i: number; s: number }): void {
    this.a.push(x);
    for (let k = this.a.length - 1; k > 0;) {
      const p = (k - 1) >> 1;
      if (!this.less(k, p)) break;
      this.swap(k, p);
      k = p;
    }
  }
  pop(): { i: number; s: number } {
    const top = this.a[0];
    const last = this.a.pop() as { i: number; s: number };
    if (this.a.length > 0) {
      this.a[0] = last;
      for (let k = 0; ;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < this.a.length && this.less(l, m)) m = l;
        if (r < this.a.length && this.less(r, m)) m = r;
        if (m === k) break;
        this.swap(k, m);
        k = m;
      }
    }
    return top;
  }
}
