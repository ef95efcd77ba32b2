/**
 * The Ledger's cells read straight into columns (cells.ts) must mean exactly what the schema parser makes of
 * them: the same issues in the same order, the same rows used or skipped, the same values. Checked against
 * parseTable + compileLedger on random tables full of odd cells (numeric and date text, booleans, blanks,
 * padded text, unknown Types, negative costs, short rows, synonyms, another header row, the 1904 system).
 */
import fc from "fast-check";
import { compileLedger, readLedger } from "../../../src/engine/inventory";
import { readLedgerCells } from "../../../src/engine/inventory/cells";
import { compileRaw } from "../../../src/engine/inventory/compile";
import { parseTable, type Cell, type ParseOptions } from "../../../src/engine/schema";
import { item } from "./helpers";

const odd = fc.constantFrom<Cell>(null, undefined, "", "  ", true, false, "x", "1,234.50", "(12)", "-3", "15%", NaN);
const dateCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 44990, max: 45060 }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("2024-03-31", "31/12/2023", 45001.75, 0, -5, 3e6) },
  { weight: 1, arbitrary: odd }
);
const skuCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Cell>("A", "B", "a", " B ", "C-1") },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(17, 0, " ", "") },
  { weight: 1, arbitrary: odd }
);
const typeCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Cell>("Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn") },
  { weight: 2, arbitrary: fc.constantFrom<Cell>("Transfer", "Adjustment", "sale", "customer return", " Receipt") },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("Refund", 3, "") },
  { weight: 1, arbitrary: odd }
);
const numCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(null, 2.5, -0, 1e-9) },
  { weight: 1, arbitrary: odd }
);
const textCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Cell>(null, "Main", "North", " north ", "R1", "r1") },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(7, "", "  ", true) },
  { weight: 1, arbitrary: odd }
);
const rowArb = fc.tuple(dateCell, skuCell, typeCell, numCell, numCell, numCell, textCell, textCell, textCell, textCell);

const headers: Cell[][] = [
  ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference", "Party"],
  ["Posting Date", "Item", "Movement", "Qty", "Cost", "Price", "Warehouse", "To", "Ref", "Customer"],
  ["Date", "SKU", "Type", "Quantity", "UnitCost", "Notes", "Location", "Qty", "Reference", "Party"],
];

const tableArb = fc.record({
  header: fc.constantFrom(...headers),
  rows: fc.array(
    fc.oneof(
      { weight: 12, arbitrary: rowArb.map((r) => r as Cell[]) },
      { weight: 1, arbitrary: rowArb.map((r) => r.slice(0, 4) as Cell[]) },
      { weight: 1, arbitrary: fc.constant<Cell[]>([null, null, null, null, null, null, null, null, null, null]) }
    ),
    { maxLength: 60 }
  ),
  opts: fc.constantFrom<ParseOptions>({}, { headerRow: 4 }, { date1904: true }),
  items: fc.constantFrom([], [item("B"), item("Z")]),
});

describe("the Ledger's cells read into columns", () => {
  it("give the parser's issues and the compiled ledger of the parser's rows (fast-check)", () => {
    fc.assert(
      fc.property(tableArb, ({ header, rows, opts, items }) => {
        const parsed = parseTable("Ledger", header, rows, opts);
        const read = readLedgerCells(header, rows, opts, items);
        expect(read).not.toBeNull();
        expect(read!.issues).toEqual(parsed.issues);
        expect(read!.columns).toEqual(parsed.columns);
        const viaRows = compileLedger(parsed.rows, items);
        const input = readLedger({ header, rows }, null, { ledger: opts });
        expect(input.issues).toEqual(parsed.issues);
        expect(input.rows).toEqual(parsed.rows);
        expect(compileRaw(read!.raw)).toEqual(viaRows);
        if (items.length === 0) expect(input.compiled).toEqual(viaRows);
      }),
      { numRuns: 1500 }
    );
  });

  it("a missing required column leaves it to the parser, which reports it and reads no rows", () => {
    const header = ["Date", "SKU", "Quantity"];
    expect(readLedgerCells(header, [[45000, "A", 1]])).toBeNull();
    const input = readLedger({ header, rows: [[45000, "A", 1]] });
    expect(input.compiled.n).toBe(0);
    expect(input.tableError?.message).toMatch(/Type/);
  });

  it("keeps table order around skipped rows, with the sheet's row numbers (hand-worked)", () => {
    const header = ["Date", "SKU", "Type", "Quantity", "UnitCost"];
    const input = readLedger({
      header,
      rows: [
        [45000, "A", "Receipt", 10, 2], // row 2
        [45001, "A", "Sale", "lots", null], // row 3: skipped (Quantity text)
        [45002, "A", "sale", "4", null], // row 4: read by the parser ("sale", "4" -> Sale, 4)
        [null, null, null, null, null], // row 5: blank
        [45003, "B", "Receipt", 1, -1], // row 6: UnitCost -1 ignored (a warning), so B's receipt has no cost
      ],
    });
    const L = input.compiled;
    expect(L.n).toBe(3);
    expect(Array.from(L.sheetRow)).toEqual([2, 4, 6]);
    expect(Array.from(L.qty)).toEqual([10, 4, 1]);
    expect(input.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [3, "Quantity", "skipped"],
      [5, null, "skipped"],
      [6, "UnitCost", "warning"],
    ]);
    expect(input.skuErrors.get("a")?.row).toBe(3);
  });

  it("finds each row's item and location whatever the spelling, with SKUs that share a cache set (hand-worked)", () => {
    // Three SKUs of one length ending alike share a set of the reader's SKU cache (two slots): they keep
    // displacing one another, and a padded or upper-case spelling is the same item, named as first seen.
    const header = ["Date", "SKU", "Type", "Quantity", "UnitCost", "Location"];
    const skus = ["x-000001", "y-000001", "z-000001", " X-000001 ", "y-000001", "Z-000001", "x-000001", 17, "17"];
    const locs = ["Main", " main", null, "North", "MAIN", "north ", "Main", null, "Main"];
    const rows = skus.map((sku, k) => [45000 + k, sku, "Receipt", k + 1, 1, locs[k]]);
    const L = readLedger({ header, rows }).compiled;
    expect(L.skus).toEqual(["x-000001", "y-000001", "z-000001", "17"]);
    // Item x: rows 0, 3, 6; y: 1, 4; z: 2, 5; "17": 7, 8 (the number 17 and the text "17" are one SKU).
    expect(Array.from(L.skuStart)).toEqual([0, 3, 5, 7, 9]);
    expect(Array.from(L.src)).toEqual([0, 3, 6, 1, 4, 2, 5, 7, 8]);
    expect(L.locations).toEqual(["", "Main", "North"]);
    // Locations in src order: Main, North, Main | main, MAIN | none, north | none, Main.
    expect(Array.from(L.loc)).toEqual([1, 2, 1, 1, 1, 0, 2, 0, 1]);
  });

  it("pairs Sales with customer returns by Reference ignoring case, non-ASCII text too (hand-worked)", () => {
    const header = ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Reference"];
    const rows = [
      [45000, "A", "Receipt", 10, 1, null, "PO-1"], // 0
      [45001, "A", "Sale", 1, null, 2, "Réf-É1"], // 1: returned by row 4 (É/é differ in case only)
      [45001, "A", "Sale", 1, null, 2, "abc-İ"], // 2: returned by row 5 ("abc-İ" in lower case is "abc-i̇")
      [45001, "A", "Sale", 1, null, 2, " inv-7 "], // 3: returned by row 6 (padding is not part of it)
      [45002, "A", "CustomerReturn", 1, null, null, "RÉF-é1"], // 4
      [45002, "A", "CustomerReturn", 1, null, null, "ABC-i̇"], // 5
      [45002, "A", "CustomerReturn", 1, null, null, "INV-7"], // 6
      [45002, "A", "CustomerReturn", 1, null, null, "INV-8"], // 7: no sale carries it
      [45003, "A", "Sale", 1, null, 2, "INV-77"], // 8: not INV-7
    ];
    const L = readLedger({ header, rows }).compiled;
    expect(Array.from(L.src)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const g = Array.from(L.group);
    expect(g[0]).toBe(-1);
    expect(g[8]).toBe(-1);
    expect([g[1], g[2], g[3]]).toEqual([g[4], g[5], g[6]]);
    expect(new Set([g[4], g[5], g[6], g[7]]).size).toBe(4);
    expect(Array.from(L.groupHasOriginal)).toEqual([1, 1, 1, 0]);
    expect(L.groupRef).toEqual(["RÉF-é1", "ABC-i̇", "INV-7", "INV-8"]);
  });
});
