/**
 * Controlled rounding of fact rows (the Profitability facts a PivotTable sums). Worked by hand:
 *   four sales of one item at 10.4 cents each: item 41.6 -> 0.42 (target), so two rows go up to 0.11 and two stay
 *   at 0.10. Rows 1–2 are in March (20.8 cents -> 0.20 or 0.21), rows 3–4 in April (the same). Largest remainder
 *   alone (equal remainders: first rows first) would give March 0.22, a cent and more off its 0.208; controlled
 *   rounding puts one cent up in each month: March 0.21, April 0.21, item 0.42.
 * Properties (random rows): each row is within a cent of its figure, and the rows of an item add to its target.
 */
import fc from "fast-check";
import { roundFacts } from "../../../src/engine/reports/controlledRounding";
import { allocate } from "../../../src/engine/reports/tally";

const cents = (x: number) => Math.round(x * 100) || 0; // -0 reads 0

describe("roundFacts", () => {
  it("spreads an item's leftover cents over the months so each month stays within a cent (hand-worked)", () => {
    const out = roundFacts([0.104, 0.104, 0.104, 0.104], [0, 0, 0, 0], [0.42], [[0, 0, 1, 1]], 2);
    expect(out.every((x) => x === 0.1 || x === 0.11)).toBe(true);
    expect(cents(out[0]) + cents(out[1])).toBe(21);
    expect(cents(out[2]) + cents(out[3])).toBe(21);
    // Largest remainder alone would not: March 0.22.
    expect(allocate([0.104, 0.104, 0.104, 0.104], 2).slice(0, 2)).toEqual([0.11, 0.11]);
  });

  it("keeps rows in whole cents as they are", () => {
    expect(roundFacts([1.25, -3.5, 2], [0, 0, 1], [-2.25, 2], [[0, 1, 1]], 2)).toEqual([1.25, -3.5, 2]);
  });

  it("rounds each row within a cent and adds each item's rows to its target, for any rows and cuts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            v: fc.double({ min: -500, max: 500, noNaN: true }),
            item: fc.integer({ min: 0, max: 4 }),
            a: fc.integer({ min: 0, max: 5 }),
            b: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 120 }
        ),
        (rows) => {
          // Dense item ids and targets: each item's sum rounded to the cent (as allocated lines are, within a cent).
          const ids = [...new Set(rows.map((r) => r.item))];
          const within = rows.map((r) => ids.indexOf(r.item));
          const sums = ids.map((_, k) => rows.reduce((s, r, i) => s + (within[i] === k ? r.v : 0), 0));
          const targets = sums.map((s) => Math.round(s * 100) / 100);
          const dense = (xs: number[]) => xs.map((x) => [...new Set(xs)].indexOf(x));
          const out = roundFacts(
            rows.map((r) => r.v),
            within,
            targets,
            [dense(rows.map((r) => r.a)), dense(rows.map((r) => r.b))],
            2
          );
          out.forEach((x, i) => {
            expect(Math.abs(x - rows[i].v)).toBeLessThan(0.01 + 1e-9);
            expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-9);
          });
          ids.forEach((_, k) =>
            expect(out.reduce((s, x, i) => s + (within[i] === k ? cents(x) : 0), 0)).toBe(cents(targets[k]))
          );
        }
      ),
      { numRuns: 200 }
    );
  });
});
