/**
 * The scan taken partly from an earlier one (the rows a table shares from the top with a remembered version of
 * it) is the scan of the table read afresh: same items, locations, columns and flags, so its counts are too.
 */
import fc from "fast-check";
import { refAt, sameRows, scanLedger, type OnHandScan } from "../../../src/engine/inventory/onhandScan";

type Cell = string | number | boolean | null | undefined;
const H: Cell[] = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference"];
const D = 46000;

const row = fc.tuple(
  fc.integer({ min: 0, max: 30 }).map((k) => D + k),
  fc.constantFrom("A", "B", "b", " C ", "D"),
  fc.constantFrom("Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn", "Transfer", "Adjustment", "sale"),
  fc.integer({ min: 1, max: 6 }),
  fc.constantFrom<Cell>(2, 3.5),
  fc.constantFrom<Cell>(9, null),
  fc.constantFrom<Cell>("Main", "MAIN", "North", null, "  "),
  fc.constantFrom<Cell>("North", "Van", "van ", null),
  fc.constantFrom<Cell>("R1", "r1", "R2", null)
);

/** Everything a scan holds, as plain data (maps as sorted entries). */
function plain(s: OnHandScan | null) {
  if (!s) return null;
  const entries = (m: Map<string, number>) => [...m.entries()].sort();
  return {
    n: s.n,
    skuIndex: s.skuIndex.entries().sort(),
    locId: entries(s.locId),
    columns: [s.day, s.sku, s.type, s.qty, s.loc, s.toLoc, s.tag].map((c) => [...c]),
    itemRaw: [...s.itemRaw],
    rawRef: Array.from({ length: s.n }, (_, i) => refAt(s.rawRef, i)),
    hasReturnRef: s.hasReturnRef,
    returnRows: [...s.returnRows],
    sorted: s.sorted,
    minDay: s.minDay,
    maxDay: s.maxDay,
    // The memos may hold more spellings when taken from an earlier scan; each must still give the same code.
    spellings: [...s.spellings.entries()].every(([k, v]) => s.skuIndex.get(String(k).trim().toLowerCase()) === v),
    locExact: [...s.locExact.entries()].every(([k, v]) =>
      k.trim() === "" ? v === -1 : s.locId.get(k.trim().toLowerCase()) === v
    ),
  };
}

describe("scanLedger from an earlier scan", () => {
  it("equals the scan read afresh, whatever rows changed, were added or removed", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.array(row, { maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (a, b, cut, keep) => {
          const before = a.map((r) => [...r] as Cell[]);
          // After: the first rows kept, then other rows (an edit from some row on, rows appended or removed).
          const k = keep % (before.length + 1);
          const after = [
            ...before.slice(0, k).map((r) => [...r]),
            ...b.slice(0, cut % (b.length + 1)).map((r) => [...r] as Cell[]),
          ];
          const prior = scanLedger(H, before, 0);
          if (!prior) return;
          const shared = sameRows(prior, H, after, 0);
          expect(shared).toBeGreaterThanOrEqual(Math.min(k, after.length));
          const fresh = plain(scanLedger(H, after, 0));
          expect(plain(scanLedger(H, after, 0, prior, shared))).toEqual(fresh);
          // Taken over (the cache gives the earlier scan up): a table of its size is scanned into its memory.
          const given = scanLedger(H, before, 0) as OnHandScan;
          expect(plain(scanLedger(H, after, 0, given, shared, true))).toEqual(fresh);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("reads References past the first chunk of rows, and leaves the earlier scan's as they were", () => {
    // 20,000 rows: the References are kept in chunks of 8,192 rows (a whole-ledger array would be a large object).
    const big: Cell[][] = Array.from({ length: 20_000 }, (_, i) => [
      D + (i % 97),
      `S${i % 300}`,
      i % 4 === 0 ? "Receipt" : "Sale",
      i % 4 === 0 ? 40 : 1,
      i % 4 === 0 ? 2 : null,
      null,
      "Main",
      null,
      i % 5 === 0 ? null : `R${i}`,
    ]);
    const prior = scanLedger(H, big, 0)!;
    const refs = big.map((r) => r[8]);
    expect(Array.from({ length: big.length }, (_, i) => refAt(prior.rawRef, i))).toEqual(refs);
    // An edit just before, at and after a chunk's first row, in a later chunk, rows removed to a chunk's end, rows
    // appended.
    const variants: Cell[][][] = [8191, 8192, 8193, 16_500].map((at) =>
      big.map((r, i) => (i === at ? [...r.slice(0, 8), `X${i}`] : [...r]))
    );
    variants.push(big.slice(0, 16_384).map((r) => [...r]));
    variants.push([...big.map((r) => [...r]), ...big.slice(0, 3000).map((r) => [...r])]);
    for (const after of variants) {
      const shared = sameRows(prior, H, after, 0);
      const fresh = plain(scanLedger(H, after, 0));
      expect(plain(scanLedger(H, after, 0, prior, shared))).toEqual(fresh);
      expect(Array.from({ length: big.length }, (_, i) => refAt(prior.rawRef, i))).toEqual(refs);
      // Taken over (the cache gives the earlier scan up): its chunks are written from the edit on.
      const given = scanLedger(H, big, 0) as OnHandScan;
      expect(plain(scanLedger(H, after, 0, given, sameRows(given, H, after, 0), true))).toEqual(fresh);
    }
    expect(sameRows(prior, H, variants[1], 0)).toBe(8192);
    expect(sameRows(prior, H, variants[3], 0)).toBe(16_500);
  });

  it("counts the shared rows under a different header as not shared", () => {
    const rows: Cell[][] = [[D, "A", "Receipt", 5, 2, null, "Main", null, null]];
    const s = scanLedger(H, rows, 0)!;
    expect(sameRows(s, H, rows, 0)).toBe(1);
    expect(
      sameRows(
        s,
        H.map((h) => (h === "Quantity" ? "Qty" : h)),
        rows,
        0
      )
    ).toBe(-1);
    expect(sameRows(s, H, [[D, "A", "Receipt", 6, 2, null, "Main", null, null]], 0)).toBe(0);
  });
});
