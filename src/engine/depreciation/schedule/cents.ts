import { round } from "../../money";

/**
 * Rounds to cents as Excel's ROUND(x, 2), fast: the multiply-and-round path is exact except near a half cent,
 * where binary noise could tip it, so those few values go through money.round (decimal text, Excel semantics).
 */
export function cents(x: number): number {
  const y = x * 100;
  const frac = Math.abs(y - Math.trunc(y));
  if (Math.abs(frac - 0.5) < 1e-6) return round(x, 2);
  return Math.round(y) / 100 || 0;
}

/**
 * Rounds each period's exact amount to cents, keeping the running total at most `cap`; when `absorb` is true the
 * last period takes whatever is needed so the total is exactly `cap` (cap itself in cents).
 */
export function roundPeriods(exact: readonly number[], cap: number, absorb: boolean): number[] {
  const out = new Array<number>(exact.length);
  let acc = 0;
  const last = exact.length - 1;
  for (let i = 0; i <= last; i++) {
    let v = i === last && absorb ? cents(cap - acc) : cents(exact[i]);
    if (acc + v > cap) v = cents(cap - acc);
    out[i] = v;
    acc = cents(acc + v);
  }
  return out;
}
