/** Sums of quantity, revenue and COGS per group key, and their rows with margin and margin % for a summary. */
import { round } from "../../money";
import { allocate, footed } from "../tally";
import type { ReportCell, ReportFormat } from "../model";

export interface Sums {
  keys: string[];
  quantity: number;
  revenue: number;
  cogs: number;
  /** Full-precision revenue and COGS when revenue and cogs are the printed (rounded) figures (for margin %). */
  rawRevenue?: number;
  rawCogs?: number;
}

/**
 * The order of tally.ts's compareKeys ("(none)" last, numbers by value, text by a numeric, case-blind collation)
 * with one collator for the whole sort: localeCompare with options builds a collator per call, which costs about
 * a second when 5,000 items are sorted.
 */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
const NONE = "(none)";

function compare(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] === NONE ? null : (a[i] ?? null);
    const y = b[i] === NONE ? null : (b[i] ?? null);
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = collator.compare(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

export class Groups {
  private readonly map = new Map<string, Sums>();
  /** Adds a line to the group named by `keys` (matched ignoring case; the first spelling is shown). */
  add(keys: string[], quantity: number, revenue: number, cogs: number, rawRevenue = revenue, rawCogs = cogs): void {
    const id = keys.length === 1 ? keys[0].toLowerCase() : keys.map((k) => k.toLowerCase()).join("\u0000");
    let g = this.map.get(id);
    if (!g) this.map.set(id, (g = { keys, quantity: 0, revenue: 0, cogs: 0, rawRevenue: 0, rawCogs: 0 }));
    g.quantity += quantity;
    g.revenue += revenue;
    g.cogs += cogs;
    g.rawRevenue = (g.rawRevenue as number) + rawRevenue;
    g.rawCogs = (g.rawCogs as number) + rawCogs;
  }
  /** Ensures a group exists (e.g. a month without sales), with zero figures. */
  touch(keys: string[]): void {
    this.add(keys, 0, 0, 0);
  }
  get(keys: string[]): Sums | undefined {
    return this.map.get(keys.length === 1 ? keys[0].toLowerCase() : keys.map((k) => k.toLowerCase()).join("\u0000"));
  }
  /** Groups sorted by key ("(none)" last). */
  sorted(): Sums[] {
    return [...this.map.values()].sort((a, b) => compare(a.keys, b.keys));
  }
}

/** A group's full-precision figures (its raw sums where it carries them). */
export const rawOf = (g: Omit<Sums, "keys">): Omit<Sums, "keys"> => ({
  quantity: g.quantity,
  revenue: g.rawRevenue ?? g.revenue,
  cogs: g.rawCogs ?? g.cogs,
});

/** Gross margin ÷ revenue, or blank without revenue (a margin % of nothing is not 0%). */
export const marginPct = (revenue: number, cogs: number): number | null =>
  Math.abs(revenue) > 1e-9 ? (revenue - cogs) / revenue : null;

export const MEASURES = ["Quantity", "Revenue", "COGS", "Gross margin", "Margin %"];

export const MEASURE_FORMATS: Record<string, ReportFormat> = {
  Quantity: "number",
  Revenue: "currency",
  COGS: "currency",
  "Gross margin": "currency",
  "Margin %": "percent",
};

/** A group's figures as shown: quantity to 6 places, money to the currency decimals. */
export const shown = (s: Omit<Sums, "keys">, dec: number): Omit<Sums, "keys"> => ({
  quantity: round(s.quantity, 6),
  revenue: round(s.revenue, dec),
  cogs: round(s.cogs, dec),
});

/**
 * Quantity, revenue, COGS, gross margin and margin %; the margin from the rounded revenue and COGS, so every line
 * cross-foots (revenue − COGS = margin as shown).
 */
export function measureCells(s: Omit<Sums, "keys">, dec: number, pctOf: Omit<Sums, "keys"> = s): ReportCell[] {
  const x = shown(s, dec);
  // Margin % from the full-precision figures (`pctOf`, the unrounded sums for a Total), as BOOK.MARGINPCT gives it.
  return [x.quantity, x.revenue, x.cogs, footed([x.revenue, -x.cogs], dec), marginPct(pctOf.revenue, pctOf.cogs)];
}

/** A Total line built from the lines as shown (each rounded first), so it foots. */
export function total(list: readonly Omit<Sums, "keys">[], dec: number): Omit<Sums, "keys"> {
  const xs = list.map((s) => shown(s, dec));
  return {
    quantity: footed(
      xs.map((x) => x.quantity),
      6
    ),
    revenue: footed(
      xs.map((x) => x.revenue),
      dec
    ),
    cogs: footed(
      xs.map((x) => x.cogs),
      dec
    ),
  };
}

/** The full-precision sums of the groups (for margin %, a ratio that is not rounded). */
export function rawTotal(list: readonly Omit<Sums, "keys">[]): Omit<Sums, "keys"> {
  return list.reduce(
    (t, s) => ({ quantity: t.quantity + s.quantity, revenue: t.revenue + s.revenue, cogs: t.cogs + s.cogs }),
    { quantity: 0, revenue: 0, cogs: 0 }
  );
}

/**
 * The groups' figures as shown: revenue and COGS allocated to the cent so they add up to the rounded total of the
 * full-precision figures (or to `target`, e.g. a category subtotal for its items); see allocate().
 */
export function allocated(
  list: readonly Omit<Sums, "keys">[],
  dec: number,
  target?: Omit<Sums, "keys">
): Omit<Sums, "keys">[] {
  const rev = allocate(
    list.map((s) => s.revenue),
    dec,
    target?.revenue
  );
  const cogs = allocate(
    list.map((s) => s.cogs),
    dec,
    target?.cogs
  );
  return list.map((s, i) => ({ quantity: round(s.quantity, 6), revenue: rev[i], cogs: cogs[i] }));
}
