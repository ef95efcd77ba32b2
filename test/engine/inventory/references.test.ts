/**
 * References match ignoring case, whatever the alphabet: a return names its original however the Reference's
 * letters are cased (the compiled ledger filters candidate originals by a case-folded hash, which must agree
 * with toLowerCase for accented letters too).
 */
import fc from "fast-check";
import { valueLedger } from "../../../src/engine/inventory";
import { foldHash } from "../../../src/engine/inventory/compile";
import { ledger } from "./helpers";

describe("References match ignoring case", () => {
  it("an accented Reference in other case still names its sale (hand-worked, LIFO)", () => {
    // Receive 10 @ 2 and 10 @ 4; sell 5 (LIFO: from the 4.00 lot); 2 come back on the sale's Reference.
    const v = valueLedger(
      ledger([
        { date: "2024-01-02", type: "Receipt", qty: 10, cost: 2, ref: "PO1" },
        { date: "2024-01-03", type: "Receipt", qty: 10, cost: 4, ref: "PO2" },
        { date: "2024-01-04", type: "Sale", qty: 5, price: 9, ref: "réf-1" },
        { date: "2024-01-05", type: "CustomerReturn", qty: 2, ref: "RÉF-1" },
      ]),
      { method: "LIFO" }
    );
    const w = v.get("W")!;
    expect(w.customerReturns).toEqual({ quantity: 2, value: 8 }); // back at the sale's 4.00, not the average
    expect(w.revenue).toBe(27); // 5 × 9 − 2 × 9 (the sale's price)
    expect(v.issues.filter((i) => /names Reference/.test(i.message))).toEqual([]);
  });

  it("foldHash agrees with toLowerCase (fast-check)", () => {
    const chars = fc.constantFrom(..."aAzZ09-_ éÉöÖßẞİıKkΣσς\u212Aé");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), fc.array(chars, { maxLength: 12 }), (a, b) => {
        const x = a.join("");
        const y = b.join("");
        if (x.toLowerCase() === y.toLowerCase()) expect(foldHash(x)).toBe(foldHash(y));
        expect(foldHash(x)).toBe(foldHash(x.toLowerCase()));
      }),
      { numRuns: 2000 }
    );
  });
});
