/**
 * Rounds to cents as Excel's ROUND(x, 2) (half away from zero on the 15-digit decimal), without text: a value
 * within binary noise (5e-15 relative) of a half cent is a half cent and goes away from zero, so 1.005 → 1.01
 * although 1.005 × 100 = 100.49999999999999. Schedules for 100,000 assets round millions of amounts.
 */
export function cents(x: number): number {
  return roundFast(x, 100);
}

/** Excel ROUND to the decimals given by `scale` (100 for 2 decimals, 1000 for 3), the same way as cents(). */
export function roundFast(x: number, scale: number): number {
  const y = x * scale;
  const floor = Math.floor(y);
  const frac = y - floor;
  const tol = (y < 0 ? -y : y > 1 ? y : 1) * 5e-15;
  if (frac - 0.5 <= tol && 0.5 - frac <= tol) return (y > 0 ? floor + 1 : floor) / scale || 0;
  return Math.round(y) / scale || 0;
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
