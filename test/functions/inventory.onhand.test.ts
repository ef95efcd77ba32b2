/**
 * ONHAND's one-pass count against the full valuation it replaces (kept callable as onHandValued): on random
 * ledgers — clean ones, which the count answers itself, and ones with bad cells, negative stock, returns and
 * transfers, which must reach the same errors through the fallback — every result cell and every thrown error
 * must be identical.
 */
import fc from "fast-check";
import { quickOnHand } from "../../src/engine/inventory";
import { ledgerCache, onHand, onHandValued } from "../../src/functions/inventory";

type Cell = string | number | boolean | null;
const D0 = 46000;

const HEADERS: Cell[][] = [
  ["Date", "SKU", "Type", "Quantity", "UnitCost", "UnitPrice", "Location", "ToLocation", "Reference", "Party"],
  ["Posting Date", "Item", "Type", "Qty", "Cost", "Price", "Warehouse", "To", "Ref", "Party"],
  ["SKU", "Qty", "Type", "Date", "Warehouse", "To", "Ref", "Cost"], // other order, no price or party
  ["Date", "SKU", "Type", "Location", "ToLocation"], // Quantity missing: a table error
];

const SYN: Record<string, string> = {
  "Posting Date": "Date",
  Item: "SKU",
  Qty: "Quantity",
  Cost: "UnitCost",
  Price: "UnitPrice",
  Warehouse: "Location",
  To: "ToLocation",
  Ref: "Reference",
};

interface Spec {
  date: number;
  sku: Cell;
  type: Cell;
  qty: Cell;
  cost: Cell;
  price: Cell;
  loc: Cell;
  to: Cell;
  ref: Cell;
}

const clean = fc.record<Spec>({
  date: fc.integer({ min: 0, max: 40 }).map((k) => D0 + k),
  sku: fc.constantFrom("A", "B", "b", " A ", "C"),
  type: fc.constantFrom(
    "Receipt",
    "Receipt",
    "Receipt",
    "Sale",
    "Sale",
    "Issue",
    "CustomerReturn",
    "VendorReturn",
    "Transfer",
    "Adjustment",
    "customer return"
  ),
  qty: fc.integer({ min: 1, max: 12 }),
  cost: fc.constantFrom(2, 3.5, 10, null),
  price: fc.constantFrom(5, 20, null),
  loc: fc.constantFrom("Main", "main", "North", null),
  to: fc.constantFrom("North", "Van", null),
  ref: fc.constantFrom("R1", "r1", "R2", null),
});

/** Now and then a cell the count does not take as it is: text, fractions, blanks, unknown types, dates as text. */
const dirty = fc.record<Spec>({
  date: fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((k) => D0 + k),
    fc.constant(D0 + 3.5)
  ),
  sku: fc.constantFrom("A", "B", "", null, 7),
  type: fc.constantFrom("Receipt", "Sale", "Transfer", "Adjustment", "Bogus", null, 3),
  qty: fc.constantFrom(5, -3, 0, 2.5, "4", "x", null, true),
  cost: fc.constantFrom(2, -1, "abc", "", null),
  price: fc.constantFrom(5, -2, "n/a", null),
  loc: fc.constantFrom("Main", "North", null, 12, false),
  to: fc.constantFrom("North", null, "  "),
  ref: fc.constantFrom("R1", "R2", null, true, 5),
});

function toCells(header: Cell[], specs: Spec[], blankRow: boolean, textDate: boolean): Cell[][] {
  const out: Cell[][] = [header];
  for (const s of specs) {
    const named: Record<string, Cell> = {
      Date: s.date,
      SKU: s.sku,
      Type: s.type,
      Quantity: s.qty,
      UnitCost: s.cost,
      UnitPrice: s.price,
      Location: s.loc,
      ToLocation: s.to,
      Reference: s.ref,
      Party: null,
    };
    out.push(header.map((h) => named[SYN[String(h)] ?? String(h)] ?? null));
  }
  if (blankRow && out.length > 2)
    out.splice(
      2,
      0,
      header.map(() => null)
    );
  if (textDate && out.length > 1) out[1][header.indexOf("Date")] = "2025-12-10";
  return out;
}

/** A result or a thrown error as plain data (error cells and thrown errors by code and message). */
function outcome(f: () => unknown[][]): unknown {
  const plain = (x: unknown) =>
    x !== null && typeof x === "object" && "code" in x
      ? { code: (x as unknown as { code: string }).code, message: (x as unknown as { message: string }).message }
      : x;
  try {
    return { ok: f().map((r) => r.map(plain)) };
  } catch (e) {
    return { thrown: plain(e) };
  }
}

const skuArg = fc.constantFrom<unknown>(
  undefined,
  null,
  [["A"]],
  [["b"]],
  [["Z"]],
  [["A"], ["B"], [null], ["c"], ["Z"]]
);
const asOf = fc.option(
  fc.integer({ min: -2, max: 42 }).map((k) => D0 + k),
  { nil: undefined }
);
const locArg = fc.constantFrom<unknown>(undefined, null, "", "Main", " north ", "VAN", "Nowhere");
const ITEMS: Cell[][] = [
  ["SKU", "Kind"],
  ["A", "Stock"],
  ["B", "Service"],
];

describe("ONHAND: the one-pass count equals the full valuation", () => {
  beforeEach(() => ledgerCache.clear());

  it("on clean and dirty random ledgers, with SKU ranges, as_of and location", () => {
    let answeredQuickly = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0, 1, 1, 2, 3),
        fc.array(clean, { minLength: 0, maxLength: 30 }),
        fc.array(dirty, { maxLength: 2 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        skuArg,
        asOf,
        locArg,
        fc.boolean(),
        (h, good, bad, at, useBad, blankRow, textDate, sku, as_of, location, withItems) => {
          const specs = [...good];
          if (useBad) specs.splice(Math.min(at, specs.length), 0, ...bad);
          const cells = toCells(HEADERS[h], specs, blankRow && useBad, textDate && useBad);
          const items = withItems ? ITEMS : undefined;
          const fast = outcome(() => onHand(cells, sku as never, as_of, location, items));
          const full = outcome(() => onHandValued(cells, sku as never, as_of, location, items));
          expect(fast).toEqual(full);
          const to = as_of ?? D0 + 100;
          if (quickOnHand({ header: cells[0], rows: cells.slice(1) }, to, null)) answeredQuickly++;
        }
      ),
      { numRuns: 1500 }
    );
    // The comparison means something only if the count answered a good share of the ledgers itself.
    expect(answeredQuickly).toBeGreaterThan(100);
  });

  it("on ledgers sorted by date (no reordering needed) and far apart dates (comparison sort)", () => {
    fc.assert(
      fc.property(
        fc.array(clean, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        skuArg,
        asOf,
        locArg,
        (good, spread, sku, as_of, location) => {
          const specs = good.map((s, k) => ({ ...s, date: spread ? 1 + k * 100000 : s.date }));
          if (!spread) specs.sort((a, b) => a.date - b.date);
          else specs.reverse();
          const cells = toCells(HEADERS[0], specs, false, false);
          const when = spread && as_of !== undefined ? 1 + (as_of - D0) * 60000 : as_of;
          expect(outcome(() => onHand(cells, sku as never, when, location))).toEqual(
            outcome(() => onHandValued(cells, sku as never, when, location))
          );
        }
      ),
      { numRuns: 800 }
    );
  });

  it("on customer returns against their sales, several items (no vendor return: returns paired on the way)", () => {
    const move = fc.record<Spec>({
      date: fc.integer({ min: 1, max: 12 }).map((k) => D0 + k),
      sku: fc.constantFrom("A", "a", "C"),
      type: fc.constantFrom("Sale", "Sale", "CustomerReturn", "CustomerReturn", "Receipt", "Issue"),
      qty: fc.integer({ min: 1, max: 4 }),
      cost: fc.constant(4),
      price: fc.constant(9),
      loc: fc.constant("Main"),
      to: fc.constant(null),
      ref: fc.constantFrom("R1", "r1", "R2", " R2", null, "\u212A1", "k1"),
    });
    let answeredWithReturns = 0;
    fc.assert(
      fc.property(fc.array(move, { maxLength: 14 }), asOf, skuArg, (moves, as_of, sku) => {
        const open = (s: string): Spec => ({ ...moves[0], date: D0, sku: s, type: "Receipt", qty: 50, ref: "PO" });
        const opening = moves.length > 0 ? [open("A"), open("C")] : [];
        const cells = toCells(HEADERS[0], [...opening, ...moves], false, false);
        expect(outcome(() => onHand(cells, sku as never, as_of))).toEqual(
          outcome(() => onHandValued(cells, sku as never, as_of))
        );
        const returned = moves.some((m) => m.type === "CustomerReturn" && m.ref !== null);
        if (returned && quickOnHand({ header: cells[0], rows: cells.slice(1) }, as_of ?? D0 + 100, null)) {
          answeredWithReturns++;
        }
      }),
      { numRuns: 1500 }
    );
    expect(answeredWithReturns).toBeGreaterThan(100);
  });

  it("on returns against their sales and receipts (stock ample, so the return checks decide)", () => {
    const move = fc.record<Spec>({
      date: fc.integer({ min: 1, max: 20 }).map((k) => D0 + k),
      sku: fc.constantFrom("A", "a"),
      type: fc.constantFrom("Sale", "CustomerReturn", "CustomerReturn", "VendorReturn", "Receipt"),
      qty: fc.integer({ min: 1, max: 5 }),
      cost: fc.constant(4),
      price: fc.constant(9),
      loc: fc.constantFrom("Main", null),
      to: fc.constant(null),
      ref: fc.constantFrom("R1", "r1", "R2", "R3", null, " r1", "K1", "\u212A1", "k1 ", "İ", "i̇"),
    });
    let answeredQuickly = 0;
    fc.assert(
      fc.property(fc.array(move, { maxLength: 12 }), asOf, skuArg, (moves, as_of, sku) => {
        const opening: Spec = { ...moves[0], date: D0, sku: "A", type: "Receipt", qty: 1000, cost: 4, ref: "PO" };
        const cells = toCells(HEADERS[0], [opening, ...moves], false, false);
        expect(outcome(() => onHand(cells, sku as never, as_of))).toEqual(
          outcome(() => onHandValued(cells, sku as never, as_of))
        );
        if (quickOnHand({ header: cells[0], rows: cells.slice(1) }, as_of ?? D0 + 100, null)) answeredQuickly++;
      }),
      { numRuns: 1500 }
    );
    expect(answeredQuickly).toBeGreaterThan(100);
  });
});

describe("ONHAND on a ledger of thousands of rows, against the full valuation", () => {
  beforeEach(() => ledgerCache.clear());

  /**
   * 5,000 rows over 9 items and 300 days, in no date order: receipts, sales (some returned by customers on their
   * invoice), issues, transfers to North and back, adjustments; each item opens with ample stock.
   */
  function bigLedger(): Cell[][] {
    const skus = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    const rows: Cell[][] = skus.map((s) => [D0, s, "Receipt", 100000, 3, null, "Main", null, `PO-${s}`, null]);
    let seed = 7;
    const next = (m: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % m;
    };
    const sold: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const sku = skus[next(9)];
      const date = D0 + 1 + next(300);
      const q = 1 + next(9);
      const u = next(20);
      if (u < 5) rows.push([date, sku, "Receipt", q, 2 + next(5), null, "Main", null, `PO-${k}`, null]);
      else if (u < 12) {
        rows.push([date, sku, "Sale", q, null, 9, "Main", null, `INV-${k}`, null]);
        sold.push(`${sku}|${date}|INV-${k}|${q}`);
      } else if (u < 14 && sold.length > 0) {
        // A customer return of part of an earlier sale (each sale returned once at most), dated on or after it.
        const [s, d, ref, sq] = sold.splice(next(sold.length), 1)[0].split("|");
        rows.push([
          Number(d) + next(3),
          s,
          "CustomerReturn",
          1 + next(Number(sq)),
          null,
          null,
          "Main",
          null,
          ref,
          null,
        ]);
      } else if (u < 16) rows.push([date, sku, "Issue", q, null, null, "Main", null, null, null]);
      else if (u < 18) rows.push([date, sku, "Transfer", q, null, null, "Main", "North", null, null]);
      else rows.push([date, sku, "Adjustment", next(2) === 0 ? q : -q, 2, null, "Main", null, null, null]);
    }
    return [HEADERS[0], ...rows];
  }

  it("counts as the full valuation does, in total and per location, as of several dates", () => {
    const shuffled = bigLedger();
    // The same rows in date order after the first 200 (only the first block out of order).
    const [header, ...rows] = shuffled;
    const mostlySorted = [header, ...rows.slice(0, 200), ...rows.slice(200).sort((a, b) => +a[0]! - +b[0]!)];
    const skus = [["A"], ["b"], ["C"], ["D"], ["E"], ["F"], ["G"], ["H"], ["I"]];
    for (const cells of [shuffled, mostlySorted]) {
      ledgerCache.clear();
      // The count answers this ledger itself (it does not fall back to the valuation).
      expect(quickOnHand({ header: cells[0], rows: cells.slice(1) }, D0 + 400, null)).not.toBeNull();
      for (const asOf of [D0 + 40, D0 + 150, D0 + 400]) {
        for (const location of [undefined, "Main", "North"]) {
          expect(onHand(cells, skus as never, asOf, location)).toEqual(
            onHandValued(cells, skus as never, asOf, location)
          );
        }
      }
    }
  });

  it("after a cell far down is edited (the rows above taken from the remembered scan)", () => {
    const cells = bigLedger();
    const skus = [["A"], ["B"], ["C"]];
    onHand(cells, skus as never, D0 + 400);
    const edited = cells.map((r) => [...r]);
    const i = edited.findIndex((r, k) => k > 4000 && r[2] === "Receipt");
    edited[i][3] = (edited[i][3] as number) + 5;
    expect(onHand(edited, skus as never, D0 + 400)).toEqual(onHandValued(edited, skus as never, D0 + 400));
  });
});
