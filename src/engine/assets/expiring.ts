/** Warranties about to run out: the Asset Summary's "warranties expiring" list. */
import type { AssetRow } from "../schema/rows";
import { isDisposed } from "./register";
import { warrantyDays } from "./warranty";

export interface ExpiringWarranty {
  assetId: string;
  name: string | null;
  /** Sheet row in Assets. */
  row: number;
  expires: number;
  /** 0 on the expiry day (a warranty covers its expiry day). */
  daysLeft: number;
}

/**
 * Warranties that are still in force on `asOf` and end within `withinDays` days (the expiry day counts as 0
 * days left), soonest first. Disposed assets and assets without an expiry date are left out.
 */
export function warrantiesExpiring(assets: readonly AssetRow[], asOf: number, withinDays: number): ExpiringWarranty[] {
  const out: ExpiringWarranty[] = [];
  for (const a of assets) {
    if (a.WarrantyExpires === null || isDisposed(a)) continue;
    const daysLeft = warrantyDays(a.WarrantyExpires, asOf);
    if (daysLeft >= 0 && daysLeft <= withinDays) {
      out.push({ assetId: a.AssetID, name: a.Name, row: a.row, expires: a.WarrantyExpires, daysLeft });
    }
  }
  return out.sort((x, y) => x.daysLeft - y.daysLeft || x.row - y.row);
}
