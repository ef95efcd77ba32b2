/**
 * The fast parseTable (per-column readers, fixed-shape rows) must behave exactly as the straightforward parser it
 * replaced (kept verbatim in referenceParse.ts): same rows, same issues in the same order, same counts — on
 * random tables full of the cells accountants really paste (numeric text, dates as text, booleans, blanks,
 * whitespace, wrong types, odd case in value lists, duplicate keys, short rows, missing columns).
 */
import fc from "fast-check";
import { parseTable, type Cell, type ParseOptions } from "../../../src/engine/schema/parse";
import { TABLES, TABLE_NAMES, type TableName } from "../../../src/engine/schema/tables";
import { parseTableReference } from "./referenceParse";

const odd: Cell[] = [
  null,
  undefined,
  "",
  "   ",
  " x ",
  "abc",
  "1,234.50",
  "(12.00)",
  "15%",
  "$12",
  "-3",
  "2024-03-31",
  "31/03/2024",
  "not a date",
  true,
  false,
  0,
  -0,
  -5,
  1.5,
  45292,
  45292.75,
  0.5,
  3e6,
  NaN,
  Infinity,
  -Infinity,
  "Receipt",
  "receipt",
  " Sale ",
  "customer return",
  "FIFO",
  "weighted",
  "Service",
  "Gift",
  "SKU-1",
  "sku-1",
];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...odd),
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 6 })
);

function tableArb(table: TableName) {
  const names = TABLES[table].columns.map((c) => c.name);
  // The header: our columns in a random order, some dropped, plus an unknown column and maybe a duplicate.
  const header = fc
    .tuple(fc.shuffledSubarray(names, { minLength: Math.max(0, names.length - 2) }), fc.boolean(), fc.boolean())
    .map(([cols, extra, dup]) => [...cols, ...(extra ? ["Notes"] : []), ...(dup && cols.length ? [cols[0]] : [])]);
  return header.chain((h) =>
    fc.record({
      header: fc.constant(h as Cell[]),
      rows: fc.array(fc.array(cellArb, { minLength: 0, maxLength: h.length + 1 }), { maxLength: 25 }),
      opts: fc.record({
        date1904: fc.boolean(),
        headerRow: fc.integer({ min: 1, max: 5 }),
      }) as fc.Arbitrary<ParseOptions>,
    })
  );
}

describe("parseTable (fast) agrees with the reference parser", () => {
  it.each(TABLE_NAMES)("%s: random tables with bad cells", (table) => {
    fc.assert(
      fc.property(tableArb(table), ({ header, rows, opts }) => {
        const fast = parseTable(table, header, rows, opts);
        const ref = parseTableReference(table, header, rows, opts);
        expect(fast).toStrictEqual(ref);
        // Same keys in the same order on every row (reports and the CLI list columns in this order).
        for (let k = 0; k < fast.rows.length; k++) expect(Object.keys(fast.rows[k])).toEqual(Object.keys(ref.rows[k]));
      }),
      { numRuns: 300 }
    );
  });

  it("Ledger rows typed as Excel holds them (the common case) give the same rows", () => {
    const header: Cell[] = TABLES.Ledger.columns.map((c) => c.name);
    const rowArb = fc.tuple(
      fc.integer({ min: 40000, max: 50000 }),
      fc.constantFrom("SKU-1", "SKU-2", "sku-2 ", "W"),
      fc.constantFrom("Receipt", "Sale", "Issue", "CustomerReturn", "VendorReturn", "Transfer", "Adjustment"),
      fc.integer({ min: -5, max: 50 }),
      fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      fc.constantFrom("Main", "North", null),
      fc.constantFrom("Main", "North", null),
      fc.option(fc.string({ maxLength: 5 })),
      fc.constant(null)
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        expect(parseTable("Ledger", header, rows)).toStrictEqual(parseTableReference("Ledger", header, rows));
      }),
      { numRuns: 200 }
    );
  });
});
