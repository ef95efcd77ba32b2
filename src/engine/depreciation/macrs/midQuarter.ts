import { fiscalQuarter, fiscalYear } from "../../dates";
import type { AssetRow } from "../../schema/rows";

/** One addition of the tax year, as the 40% test needs it. */
export interface Addition {
  /** Serial date placed in service. */
  inService: number;
  /** Depreciable basis. */
  basis: number;
  /** Recovery period in years; 27.5 and 39 (real property) do not count in the test. */
  recoveryPeriod: number;
  /** Serial disposal date, if any. */
  disposedOn?: number | null;
}

export interface MidQuarterResult {
  /** True when more than 40% of the counted basis was placed in service in the last quarter. */
  applies: boolean;
  lastQuarterBasis: number;
  totalBasis: number;
  /** lastQuarterBasis ÷ totalBasis (0 when nothing counts). */
  share: number;
}

const isRealProperty = (period: number) => period === 27.5 || period === 39;

/**
 * The mid-quarter (40%) test of IRC §168(d)(3) / Pub 946: the mid-quarter convention applies to the year's
 * personal property when more than 40% of the depreciable basis of property placed in service during the tax
 * year was placed in service in its last three months. Residential rental and nonresidential real property, and
 * property placed in service and disposed of in the same tax year, are left out. `additions` are one tax year's
 * additions (others are ignored when `taxYear` is given).
 */
export function midQuarterTest(additions: readonly Addition[], fyEndMonth = 12, taxYear?: number): MidQuarterResult {
  let total = 0;
  let last = 0;
  for (const a of additions) {
    const year = fiscalYear(a.inService, fyEndMonth);
    if (taxYear !== undefined && year !== taxYear) continue;
    if (isRealProperty(a.recoveryPeriod)) continue;
    if (a.disposedOn != null && fiscalYear(a.disposedOn, fyEndMonth) === year) continue;
    total += a.basis;
    if (fiscalQuarter(a.inService, fyEndMonth) === 4) last += a.basis;
  }
  const share = total > 0 ? last / total : 0;
  return { applies: share > 0.4, lastQuarterBasis: last, totalBasis: total, share };
}

/**
 * The 40% test over the Assets table for tax year `taxYear`: every asset depreciated under MACRS for tax
 * (TaxMethod, or Method when TaxMethod is blank) and placed in service in that year, with its Cost as basis and
 * TaxLifeYears (else LifeYears) as recovery period.
 */
export function midQuarterTestForAssets(
  assets: readonly AssetRow[],
  fyEndMonth: number,
  taxYear: number
): MidQuarterResult {
  const additions: Addition[] = [];
  for (const a of assets) {
    if ((a.TaxMethod ?? a.Method ?? "").toUpperCase() !== "MACRS") continue;
    additions.push({
      inService: a.InServiceOn ?? a.AcquiredOn,
      basis: a.Cost,
      recoveryPeriod: a.TaxLifeYears ?? a.LifeYears,
      disposedOn: a.DisposedOn,
    });
  }
  return midQuarterTest(additions, fyEndMonth, taxYear);
}
