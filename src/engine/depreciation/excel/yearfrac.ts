import { fromSerial, isLeapYear, toSerial } from "../../dates";

/** Day-count bases of Excel's financial functions (0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360). */
export type Basis = 0 | 1 | 2 | 3 | 4;

function isLastOfFebruary(d: { year: number; month: number; day: number }): boolean {
  return d.month === 2 && d.day === (isLeapYear(d.year) ? 29 : 28);
}

/** Fraction of a year between two serials (start ≤ end) on the given basis, as Excel's YEARFRAC. */
export function yearFrac(start: number, end: number, basis: Basis): number {
  const a = fromSerial(start);
  const b = fromSerial(end);
  switch (basis) {
    case 0: {
      // US (NASD) 30/360: end-of-February and 31st adjustments.
      let d1 = a.day;
      let d2 = b.day;
      if (isLastOfFebruary(a) && isLastOfFebruary(b)) d2 = 30;
      if (isLastOfFebruary(a)) d1 = 30;
      if (d2 === 31 && d1 >= 30) d2 = 30;
      if (d1 === 31) d1 = 30;
      return (360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)) / 360;
    }
    case 4: {
      const d1 = Math.min(a.day, 30);
      const d2 = Math.min(b.day, 30);
      return (360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)) / 360;
    }
    case 2:
      return (end - start) / 360;
    case 3:
      return (end - start) / 365;
    case 1: {
      const days = end - start;
      const withinYear =
        a.year === b.year || (b.year === a.year + 1 && (a.month > b.month || (a.month === b.month && a.day >= b.day)));
      if (withinYear) {
        let yearLength = 365;
        if (a.year === b.year) {
          if (isLeapYear(a.year)) yearLength = 366;
        } else if (
          (isLeapYear(a.year) && start <= toSerial(a.year, 2, 29)) ||
          (isLeapYear(b.year) && end >= toSerial(b.year, 2, 29))
        ) {
          yearLength = 366;
        }
        return days / yearLength;
      }
      // Longer spans: the average length of the calendar years touched.
      const years = b.year - a.year + 1;
      const total = toSerial(b.year + 1, 1, 1) - toSerial(a.year, 1, 1);
      return days / (total / years);
    }
  }
}
