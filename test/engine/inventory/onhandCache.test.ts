/**
 * ONHAND's remembered counts (OnHandCache) are never stale: after any change to the table — one cell of any
 * column changed in place, the header renamed, a row added or removed — the cache answers exactly what a fresh
 * count of the changed table answers (quickOnHand, itself checked against the full valuation in
 * test/functions/inventory.onhand.test.ts), for every as_of date and location asked.
 */
import fc from "fast-check";
import { OnHandCache, quickOnHand, type QuickOnHand } from "../../../src/engine/inventory/onhand";

type Cell = string | number | boolean | null | undefined;
const H: Cell[] = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference"];
const D = 46000;

const row = fc.tuple(
  fc.integer({ min: 0, max: 30 }).map((k) => D + k),
  fc.constantFrom("A", "B", "b", " C "),
  fc.constantFrom(
    "Receipt",
    "Receipt",
    "Sale",
    "Sale",
    "Issue",
    "CustomerReturn",
    "CustomerReturn",
    "VendorReturn",
    "Transfer",
    "Adjustment"
  ),
  fc.integer({ min: 1, max: 6 }),
  fc.constantFrom<Cell>(2, 3.5, null),
  fc.constantFrom<Cell>(9, null, ""),
  fc.constantFrom<Cell>("Main", "main", "North", null),
  fc.constantFrom<Cell>("North", "Van", null),
  fc.constantFrom<Cell>("R1", "r1", "R2", null, null)
);

/** A receipt of 100 of each item first, so most random ledgers are clean and the count answers them. */
function ledger(rows: Cell[][]): Cell[][] {
  const opening = ["A", "B", "C"].map((s) => [D, s, "Receipt", 100, 1, null, "Main", null, "PO"] as Cell[]);
  return [...opening, ...rows.map((r) => [...r])];
}

/** What a cell may become: same-type changes (a new day, units, cost), other types, blanks, bad values. */
const replacement = fc.constantFrom<Cell>(
  D + 3,
  D + 3.5,
  D + 40,
  "2026-01-05",
  "A",
  "a",
  "B ",
  "D",
  "Sale",
  "sale",
  "Receipt",
  "VendorReturn",
  "Bogus",
  1,
  5,
  50,
  500,
  -2,
  2.5,
  "7",
  0,
  4.25,
  "",
  "  ",
  null,
  undefined,
  true,
  "Main",
  "Van",
  "Nowhere",
  "R1",
  "r2",
  "R9",
  "PO",
  "po "
);

const plain = (q: QuickOnHand | null) =>
  q && {
    skus: [...q.skuIndex.entries()].sort(),
    onHand: [...q.onHand],
    locations: [...q.locations].sort(),
  };

const asks: [number, string | null][] = [
  [D + 100, null],
  [D + 10, null],
  [D - 1, null],
  [D + 100, "main"],
  [D + 15, "north"],
  [D + 100, "van"],
  [D + 100, "nowhere"],
];

describe("OnHandCache", () => {
  it("answers what a fresh count answers after any in-place change (cells, header, rows)", () => {
    let answered = 0;
    let changedAnswer = 0;
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom("cell", "cell", "cell", "cell", "header", "append", "remove"),
            at: fc.nat(),
            col: fc.nat({ max: H.length - 1 }),
            value: replacement,
          }),
          { minLength: 1, maxLength: 4 }
        ),
        fc.boolean(),
        (rows, edits, withHeaderRow) => {
          const cache = new OnHandCache();
          const header = [...H];
          const body = ledger(rows as Cell[][]);
          // ONHAND hands the cache the matrix with its header row (start 1); tests may hand header and rows apart.
          const ask = (to: number, at: string | null) =>
            withHeaderRow
              ? cache.count({ header, rows: [header, ...body], start: 1 }, to, at)
              : cache.count({ header, rows: body }, to, at);
          const fresh = (to: number, at: string | null) =>
            quickOnHand({ header: [...header], rows: body.map((r) => [...r]) }, to, at);
          for (const [to, at] of asks) expect(plain(ask(to, at))).toEqual(plain(fresh(to, at)));
          for (const e of edits) {
            const before = plain(fresh(D + 100, null));
            if (e.kind === "cell" && body.length > 0) body[e.at % body.length][e.col] = e.value;
            else if (e.kind === "header") header[e.col] = e.col === 3 ? "Qty" : String(e.value);
            else if (e.kind === "append") body.push([D + 20, "A", "Sale", 1, null, 9, "Main", null, null]);
            else if (e.kind === "remove" && body.length > 0) body.splice(e.at % body.length, 1);
            for (const [to, at] of asks) {
              const got = plain(ask(to, at));
              expect(got).toEqual(plain(fresh(to, at)));
              if (got) answered++;
            }
            if (JSON.stringify(before) !== JSON.stringify(plain(fresh(D + 100, null)))) changedAnswer++;
          }
        }
      ),
      { numRuns: 600 }
    );
    // The property means something only if the count answered often and edits changed answers often.
    expect(answered).toBeGreaterThan(500);
    expect(changedAnswer).toBeGreaterThan(100);
  });

  it("a new value of a cell the count does not depend on keeps the answer (UnitCost, UnitPrice, a time of day)", () => {
    const cache = new OnHandCache();
    const body = ledger([[D + 1, "A", "Sale", 4, null, 9, "Main", null, "INV-1"]]);
    const first = cache.count({ header: H, rows: body }, D + 100, null)!;
    // A: 100 received, 4 sold (hand-worked).
    expect(first.onHand[first.skuIndex.get("a")!]).toBe(96);
    body[0][4] = 1.25; // the opening receipt's cost
    body[3][5] = 12; // the sale's price
    body[3][0] = D + 1.75; // the same day, later in it
    const again = cache.count({ header: H, rows: body }, D + 100, null)!;
    expect(again).toBe(first); // remembered: the same answer object
    body[3][5] = "twelve"; // a price the valuation rejects: no longer the same ledger, and no quick answer
    expect(cache.count({ header: H, rows: body }, D + 100, null)).toBeNull();
    body[0][4] = null; // a receipt without cost: the valuation reports it
    body[3][5] = 12;
    expect(cache.count({ header: H, rows: body }, D + 100, null)).toBeNull();
  });

  it("a Sale's Reference changed to the one a return names is seen (the return is then checked against it)", () => {
    const cache = new OnHandCache();
    const body = ledger([
      [D + 1, "A", "Sale", 2, null, 9, "Main", null, "X-1"],
      [D + 2, "A", "CustomerReturn", 3, null, null, "Main", null, "INV-2"],
    ]);
    // The return names no sale: it comes back unchecked. A: 100 - 2 + 3 = 101 (hand-worked).
    const q = cache.count({ header: H, rows: body }, D + 100, null)!;
    expect(q.onHand[q.skuIndex.get("a")!]).toBe(101);
    // Now it returns 3 of a sale of 2: the valuation reports it, so the count must not answer 101 from memory.
    body[3][8] = "inv-2";
    expect(cache.count({ header: H, rows: body }, D + 100, null)).toBeNull();
    expect(quickOnHand({ header: H, rows: body }, D + 100, null)).toBeNull();
  });

  it("a table edited again and again keeps one entry, the latest, beside the other tables", () => {
    const cache = new OnHandCache(2);
    const other = ledger([
      [D + 1, "B", "Sale", 1, null, 9, "Main", null, null],
      [D + 2, "B", "Sale", 1, null, 9, "Main", null, null],
    ]);
    const kept = cache.count({ header: H, rows: other }, D + 100, null)!;
    expect(kept.onHand[kept.skuIndex.get("b")!]).toBe(98);
    const body = ledger([[D + 1, "A", "Sale", 1, null, 9, "Main", null, null]]);
    for (let k = 1; k <= 5; k++) {
      body[3][3] = k;
      const q = cache.count({ header: H, rows: body }, D + 100, null)!;
      expect(q.onHand[q.skuIndex.get("a")!]).toBe(100 - k);
    }
    // Each edited version replaced the one before (same header and rows), so the other table is still remembered.
    expect(cache.count({ header: H, rows: other.map((r) => [...r]) }, D + 100, null)).toBe(kept);
  });
});
