import { numError, type EngineError } from "../../errors";
import { deprMessages as m } from "../../messages/depreciation";
import { yearFrac, type Basis } from "./yearfrac";

/** Arguments shared by AMORLINC and AMORDEGRC, in Excel's order. */
export interface AmorArgs {
  cost: number;
  datePurchased: number;
  firstPeriod: number;
  salvage: number;
  period: number;
  rate: number;
  basis?: number;
}

/** Checks common to both French functions; returns the truncated period and basis or the error. */
function check(fn: string, a: AmorArgs): { period: number; basis: Basis } | EngineError {
  const basis = Math.trunc(a.basis ?? 0);
  const period = Math.trunc(a.period);
  if (a.cost < 0) return numError(m.negative(fn, "cost"));
  if (a.salvage < 0 || a.salvage > a.cost) return numError(m.salvageAboveCost(fn));
  if (a.datePurchased > a.firstPeriod) return numError(m.purchaseAfterFirstPeriod(fn));
  if (period < 0) return numError(m.negative(fn, "period"));
  if (a.rate <= 0) return numError(m.notPositive(fn, "rate"));
  // Microsoft documents bases 0, 1, 3 and 4 for these two functions; 2 is #NUM!.
  if (basis !== 0 && basis !== 1 && basis !== 3 && basis !== 4) return numError(m.basis(fn));
  return { period, basis };
}

/**
 * Excel AMORLINC (French linear depreciation). Period 0 is the first, prorated, period from the purchase date
 * to the end of the first period; then cost × rate per period until cost − salvage is reached.
 */
export function amorlinc(
  cost: number,
  datePurchased: number,
  firstPeriod: number,
  salvage: number,
  period: number,
  rate: number,
  basis = 0
): number | EngineError {
  const ok = check("AMORLINC", { cost, datePurchased, firstPeriod, salvage, period, rate, basis });
  if ("code" in ok) return ok;
  const full = cost * rate;
  const first = yearFrac(datePurchased, firstPeriod, ok.basis) * rate * cost;
  if (ok.period === 0) return first;
  const fullPeriods = Math.floor((cost - salvage - first) / full);
  if (ok.period <= fullPeriods) return full;
  if (ok.period === fullPeriods + 1) return cost - salvage - full * fullPeriods - first;
  return 0;
}

/** AMORDEGRC's coefficient by life = 1/rate, as Microsoft's page tabulates it; other lives are #NUM!. */
function coefficient(life: number): number | null {
  if (life >= 3 && life <= 4) return 1.5;
  if (life >= 5 && life <= 6) return 2;
  if (life > 6) return 2.5;
  return null;
}

/**
 * Excel AMORDEGRC (French degressive depreciation): rate × coefficient of the remaining value, each period's
 * amount rounded to a whole number as Excel does; when the remaining value would fall below salvage, the
 * period takes half of what is left and later periods take nothing.
 */
export function amordegrc(
  cost: number,
  datePurchased: number,
  firstPeriod: number,
  salvage: number,
  period: number,
  rate: number,
  basis = 0
): number | EngineError {
  const ok = check("AMORDEGRC", { cost, datePurchased, firstPeriod, salvage, period, rate, basis });
  if ("code" in ok) return ok;
  const coeff = coefficient(1 / rate);
  if (coeff === null) return numError(m.amorLife());
  const r = rate * coeff;
  let amount = Math.round(yearFrac(datePurchased, firstPeriod, ok.basis) * r * cost);
  let value = cost - amount;
  let left = value - salvage;
  for (let n = 0; n < ok.period; n++) {
    amount = Math.round(r * value);
    // Once a period rounds to nothing, every later one does too: stop (a huge period would loop for ever).
    if (amount === 0) return 0;
    left -= amount;
    if (left < 0) return ok.period - n <= 1 ? Math.round(value * 0.5) : 0;
    value -= amount;
  }
  return amount;
}
