/** Warranty timers. Dates are serials; a blank expiry means the asset has no warranty on record. */
export type WarrantyStatus = "Active" | "Expiring" | "Expired" | "None";

/** Days from `asOf` to the expiry date: 0 on the expiry day, negative once expired. */
export function warrantyDays(expiry: number, asOf: number): number {
  return Math.floor(expiry) - Math.floor(asOf);
}

/**
 * Status of a warranty on a date. A warranty covers its expiry day, so it is Expired only from the next day.
 * It is Expiring while at most `warnDays` days are left (on the expiry day included); with warnDays 0 there is
 * no warning window and it stays Active through its expiry day.
 */
export function warrantyStatus(expiry: number | null, asOf: number, warnDays = 30): WarrantyStatus {
  if (expiry === null) return "None";
  const left = warrantyDays(expiry, asOf);
  if (left < 0) return "Expired";
  if (warnDays > 0 && left <= warnDays) return "Expiring";
  return "Active";
}
