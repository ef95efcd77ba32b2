/**
 * Rounding as Excel's ROUND does: half away from zero, on the decimal number Excel shows (15 significant
 * digits), so ROUND(2.675, 2) = 2.68 although the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875.
 */
export function round(x: number, decimals = 2): number {
  // Fast path, the same answer without text: when x·10^d lies clearly off a half (further than the 15-digit
  // decimal and x can differ: 1e-14 of it), both round to the same integer r, and r / 10^d is the double nearest
  // r·10^-d, as Number(`${r}e-${d}`) is. A report rounds some 10^5 figures; the text way costs ~1 µs each.
  if (decimals >= 0 && decimals <= 15 && decimals === Math.floor(decimals)) {
    const f = POW10[decimals];
    const y = (x < 0 ? -x : x) * f;
    if (y < 1e15) {
      const whole = Math.floor(y);
      const frac = y - whole;
      if (Math.abs(frac - 0.5) > y * 1e-14 + 1e-12) {
        const r = frac > 0.5 ? whole + 1 : whole;
        return (x < 0 ? -r : r) / f || 0;
      }
    }
  }
  return roundByText(x, decimals);
}

const POW10 = Array.from({ length: 16 }, (_, d) => 10 ** d);

/** Excel's ROUND worked on the decimal text (the reference the fast path must agree with; exported for its test). */
export function roundByText(x: number, decimals = 2): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x; // Excel has no negative zero
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // The 15-significant-digit decimal Excel works with, written without binary noise.
  const shown = String(Number(abs.toPrecision(15)));
  if (shown.includes("e")) {
    // Beyond 1e21 there are no decimals left to round; below 1e-7 the factor method is exact enough.
    if (abs >= 1) return x;
    const f = 10 ** decimals;
    return (sign * Math.round(abs * f)) / f || 0;
  }
  // Shift the decimal point in text, so no binary multiplication error enters.
  const rounded = Math.round(Number(`${shown}e${decimals}`)); // positive, so .5 goes up: away from zero
  const back = Number(`${rounded}e${-decimals}`);
  return Number.isFinite(back) ? sign * back || 0 : x;
}

/** Rounds to the workbook's currency precision (default 2 decimals, i.e. cents). */
export function toCents(x: number, decimals = 2): number {
  return round(x, decimals);
}

/** Sum that rounds once at the end (full precision inside, as Excel does). */
export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
