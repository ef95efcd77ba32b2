/**
 * The asset register as the operations see it: the typed rows of Assets, Checkouts and AssetLog, plus the small
 * look-ups every operation needs. AssetIDs compare ignoring case and surrounding spaces, as the schema parser's
 * duplicate check does.
 */
import type { AssetLogRow, AssetRow, CheckoutRow } from "../schema/rows";

export interface AssetRegister {
  assets: readonly AssetRow[];
  checkouts: readonly CheckoutRow[];
  log: readonly AssetLogRow[];
}

export const idKey = (id: string): string => id.trim().toLowerCase();

export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

export function findAsset(assets: readonly AssetRow[], id: string): AssetRow | undefined {
  const k = idKey(id);
  return assets.find((a) => idKey(a.AssetID) === k);
}

/** An asset counts as disposed when its Status says so or a disposal date is filled. */
export function isDisposed(a: AssetRow): boolean {
  return a.Status === "Disposed" || a.DisposedOn !== null;
}

/** Trimmed text, or null for blank. */
export function textOrNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  return t === "" ? null : t;
}
