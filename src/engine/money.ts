/**
 * Rounding as Excel's ROUND does: half away from zero, on the decimal number Excel shows (15 significant
 * digits), so ROUND(2.675, 2) = 2.68 although the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875.
 */
export function round(x: number, decimals = 2): number {
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
