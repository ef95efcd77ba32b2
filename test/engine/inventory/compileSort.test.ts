/**
 * compileRaw's sort (buckets of consecutive items, then each bucket by day and item) and its matching of
 * originals to returns (References compared one by one for items with few return groups, by hash for items with
 * many). The tuning makes buckets of a few rows and forces either within-bucket path on small ledgers. Expected
 * orders are worked by hand; the property tests hold every path to the frozen reference compile
 * (test/engine/inventory/reference, two plain stable counting sorts).
 */
import fc from "fast-check";
import { compileRaw, rawFromRows, sameRef, type SortTuning } from "../../../src/engine/inventory/compile";
import type { LedgerRow } from "../../../src/engine/schema/rows";
import type { LedgerType } from "../../../src/engine/schema/tables";
import { compileLedger as referenceCompile } from "./reference/compile";
import { ledger, type RowSpec } from "./helpers";

/** Every tuning: one bucket or many, days counted per bucket or each item sorted on its own. */
const TUNINGS: SortTuning[] = [
  {},
  { bucketRows: 1 },
  { bucketRows: 3 },
  { bucketRows: 1, daySpanMax: 0 },
  { bucketRows: 4, daySpanMax: 0 },
  { daySpanMax: 0 },
];

const compile = (rows: LedgerRow[], tuning: SortTuning) => compileRaw(rawFromRows(rows), tuning);

/**
 * The compiled ledger without firstBad (the reference predates it), as plain data, with return groups numbered
 * in sorted order (the reference numbers them in table order).
 */
function plain(L: ReturnType<typeof compile> | ReturnType<typeof referenceCompile>) {
  const { n, skus, locations, nGroups, maxItemRows, minDate, maxDate } = L;
  const arr = (a: ArrayLike<number>) => Array.from(a);
  const renum = new Map<number, number>();
  const group = arr(L.group).map((g) => (g < 0 ? g : (renum.get(g) ?? renum.set(g, renum.size).get(g)!)));
  const old = [...renum.keys()];
  return {
    n,
    skus,
    locations,
    nGroups,
    maxItemRows,
    minDate,
    maxDate,
    skuIndex: [...L.skuIndex],
    skuStart: arr(L.skuStart),
    date: arr(L.date),
    type: arr(L.type),
    qty: arr(L.qty),
    cost: arr(L.cost),
    price: arr(L.price),
    loc: arr(L.loc),
    toLoc: arr(L.toLoc),
    group,
    src: arr(L.src),
    sheetRow: arr(L.sheetRow),
    groupRef: old.map((g) => L.groupRef[g]),
    groupHasOriginal: old.map((g) => L.groupHasOriginal[g]),
  };
}

describe("compileRaw's sort", () => {
  // Table (position: item, day): 0 B 5, 1 A 3, 2 C 1, 3 A 1, 4 B 5, 5 A 2, 6 C 1.
  // Items are numbered as first seen: B=0, A=1, C=2. By hand: B's rows 0, 4 (same day: table order);
  // A's rows by day 3 (1), 5 (2), 1 (3); C's rows 2, 6 (same day: table order).
  const rows = ledger(
    (
      [
        ["B", 5],
        ["A", 3],
        ["C", 1],
        ["A", 1],
        ["B", 5],
        ["A", 2],
        ["C", 1],
      ] as const
    ).map(([sku, date], k): RowSpec => ({ sku, date: 45000 + date, type: "Receipt", qty: k + 1, cost: 1 }))
  );
  for (const tuning of TUNINGS) {
    it(`puts items together, each by day, equal days in table order (hand-worked) ${JSON.stringify(tuning)}`, () => {
      const L = compile(rows, tuning);
      expect(L.skus).toEqual(["B", "A", "C"]);
      expect(Array.from(L.skuStart)).toEqual([0, 2, 5, 7]);
      expect(Array.from(L.src)).toEqual([0, 4, 3, 5, 1, 2, 6]);
      expect(Array.from(L.date)).toEqual([45005, 45005, 45001, 45002, 45003, 45001, 45001]);
      expect(Array.from(L.qty)).toEqual([1, 5, 4, 6, 2, 3, 7]);
      expect(Array.from(L.sheetRow)).toEqual([2, 6, 5, 7, 3, 4, 8]);
    });
  }

  it("leaves an item already in date order as it is and sorts the one that is not (hand-worked)", () => {
    // X is in date order (days 1, 2, 2, 9); Y is not (days 7, 3, 3, 1). The table as a whole is not in order.
    const days: [string, number][] = [
      ["X", 1],
      ["Y", 7],
      ["X", 2],
      ["Y", 3],
      ["X", 2],
      ["Y", 3],
      ["X", 9],
      ["Y", 1],
    ];
    const specs = days.map(([sku, date], k): RowSpec => ({ sku, date: 45000 + date, type: "Receipt", qty: k + 1 }));
    for (const tuning of TUNINGS) {
      const L = compile(ledger(specs), tuning);
      // X: positions 0, 2, 4, 6 (already in order); Y: 7 (day 1), 3 and 5 (day 3, table order), 1 (day 7).
      expect(Array.from(L.src)).toEqual([0, 2, 4, 6, 7, 3, 5, 1]);
      expect(Array.from(L.date).map((d) => d - 45000)).toEqual([1, 2, 2, 9, 1, 3, 3, 7]);
    }
  });

  it("a table already in date order keeps each item's rows in table order (hand-worked)", () => {
    const specs = ["P", "Q", "P", "P", "Q"].map((sku, k): RowSpec => ({
      sku,
      date: 45000 + (k >> 1),
      type: "Sale",
      qty: 1,
    }));
    for (const tuning of TUNINGS) {
      const L = compile(ledger(specs), tuning);
      expect(Array.from(L.src)).toEqual([0, 2, 3, 1, 4]);
    }
  });

  it("agrees with the reference compile on random ledgers, every tuning (fast-check)", () => {
    const row = fc.record({
      sku: fc.integer({ min: 0, max: 40 }),
      date: fc.oneof(fc.integer({ min: 45000, max: 45030 }), fc.integer({ min: 1, max: 2958465 })),
      type: fc.constantFrom<LedgerType>("Receipt", "Sale", "CustomerReturn", "VendorReturn", "Transfer"),
      qty: fc.integer({ min: -2, max: 9 }),
      ref: fc.constantFrom(undefined, "R1", "r1", "R2", "INV-10", "inv-010"),
      loc: fc.constantFrom(undefined, "X", "x", "Y"),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 120 }),
        fc.constantFrom(...TUNINGS),
        fc.boolean(),
        (drawn, tuning, dateOrder) => {
          const picks = dateOrder ? [...drawn].sort((a, b) => a.date - b.date) : drawn;
          const rows = ledger(
            picks.map((r, k) => ({
              sku: `S${r.sku}`,
              date: r.date,
              type: r.type,
              qty: r.qty,
              cost: k % 3 === 0 ? undefined : k / 7,
              price: k % 4 === 0 ? undefined : k / 3,
              ref: r.ref,
              loc: r.loc,
              to: r.type === "Transfer" ? "Z" : undefined,
            }))
          );
          expect(plain(compile(rows, tuning))).toEqual(plain(referenceCompile(rows)));
        }
      ),
      { numRuns: 400 }
    );
  });
});

describe("matching originals to returns", () => {
  it("an item with many return groups (looked up by hash) and one with few (compared) match alike (hand-worked)", () => {
    // Item M has 10 customer returns of 10 sales (more than the few compared one by one); item F has 2.
    // References differ in case between a sale and its return; one return (F, "inv-9") has no sale.
    const specs: RowSpec[] = [];
    for (let k = 0; k < 10; k++) specs.push({ sku: "M", date: 45000 + k, type: "Sale", qty: 1, ref: `INV-${k}` });
    for (let k = 0; k < 10; k++)
      specs.push({ sku: "M", date: 45020 + k, type: "CustomerReturn", qty: 1, ref: `inv-${k}` });
    specs.push({ sku: "F", date: 45000, type: "Sale", qty: 1, ref: "Inv-3" });
    specs.push({ sku: "F", date: 45001, type: "CustomerReturn", qty: 1, ref: "INV-3" });
    specs.push({ sku: "F", date: 45002, type: "CustomerReturn", qty: 1, ref: "inv-9" });
    // A Receipt carrying a customer return's Reference is not its original (pair Sale/CustomerReturn only).
    specs.push({ sku: "F", date: 45003, type: "Receipt", qty: 1, cost: 1, ref: "inv-3" });
    const L = compile(ledger(specs), {});
    expect(L.nGroups).toBe(12);
    // M's sales and returns pair up: sale k (position k) and return k (position 10 + k) share a group.
    for (let k = 0; k < 10; k++) {
      expect(L.group[k]).toBe(L.group[10 + k]);
      expect(L.group[k]).toBeGreaterThanOrEqual(0);
    }
    // F: positions 20 (sale Inv-3), 21 (return INV-3), 22 (return inv-9), 23 (receipt).
    expect(L.group[20]).toBe(L.group[21]);
    expect(L.group[22]).not.toBe(L.group[21]);
    expect(L.group[23]).toBe(-1);
    expect(L.groupRef[L.group[21]]).toBe("INV-3"); // the Reference as the return that opened the group wrote it
    expect(L.groupHasOriginal[L.group[21]]).toBe(1);
    expect(L.groupHasOriginal[L.group[22]]).toBe(0);
  });

  it("sameRef is ref.toLowerCase() === lower, non-ASCII text included (fast-check)", () => {
    // Characters whose lower case is special: İ (two code units), Σ (final sigma), K (Kelvin sign), ß, É.
    const ch = fc.constantFrom(
      "a",
      "A",
      "z",
      "Z",
      "-",
      "1",
      "9",
      " ",
      "İ",
      "i̇",
      "i",
      "Σ",
      "σ",
      "ς",
      "K",
      "k",
      "ß",
      "É",
      "é"
    );
    const text = fc.array(ch, { maxLength: 7 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sameRef(a, b.toLowerCase())).toBe(a.toLowerCase() === b.toLowerCase());
        expect(sameRef(a, a.toLowerCase())).toBe(true);
      }),
      { numRuns: 3000 }
    );
    expect(sameRef("INV-12-5", "inv-12-5")).toBe(true);
    expect(sameRef("INV-12-5", "inv-112-5")).toBe(false);
    expect(sameRef("İ-1", "i̇-1")).toBe(true);
    expect(sameRef("ΟΔΟΣ", "οδος")).toBe(true); // final sigma
  });
});
