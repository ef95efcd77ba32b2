/**
 * ONHAND's name tables against the plain definitions they stand for: sameName(a, b) is
 * a.toLowerCase() === b.toLowerCase(); ItemIndex is a Map keyed by toLowerCase(); Spellings is a Map keyed by the
 * cell itself (SameValueZero). Strings are drawn with ASCII, capitals, blanks and characters whose lower case is
 * special (U+0130 İ lowers to two characters, U+212A KELVIN SIGN to ASCII k, final sigma).
 */
import fc from "fast-check";
import { ItemIndex, sameName, Spellings } from "../../../src/engine/inventory/onhandNames";

const chars = fc.constantFrom(
  "a",
  "A",
  "k",
  "K",
  "\u212A",
  "\u0130",
  "i",
  "\u0307",
  "\u03A3",
  "\u03C3",
  "-",
  "1",
  " ",
  "é",
  "É"
);
const word = fc.array(chars, { maxLength: 6 }).map((c) => c.join(""));

describe("sameName", () => {
  it("is toLowerCase equality", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(sameName(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(sameName(a, a.toUpperCase())).toBe(a.toLowerCase() === a.toUpperCase().toLowerCase());
      }),
      { numRuns: 5000 }
    );
  });
  it("hand-picked pairs", () => {
    expect(sameName("SKU-001", "sku-001")).toBe(true);
    expect(sameName("SKU-001", "sku-002")).toBe(false);
    expect(sameName("SKU-001", "SKU-0011")).toBe(false);
    expect(sameName("\u212A1", "k1")).toBe(true); // KELVIN SIGN lowers to k
    expect(sameName("\u0130", "i\u0307")).toBe(true); // İ lowers to i + combining dot (two characters)
    expect(sameName("É", "é")).toBe(true);
  });
});

describe("ItemIndex", () => {
  it("numbers names as a Map keyed by their lower case does, and finds them in lower case", () => {
    fc.assert(
      fc.property(
        fc.array(
          word.filter((w) => w.length > 0),
          { maxLength: 200 }
        ),
        fc.nat(),
        (names, cut) => {
          const index = new ItemIndex();
          const model = new Map<string, number>();
          for (const name of names) {
            const key = name.toLowerCase();
            if (!model.has(key)) model.set(key, model.size);
            expect(index.add(name)).toBe(model.get(key));
          }
          expect(index.size).toBe(model.size);
          for (const [key, item] of model) expect(index.get(key)).toBe(item);
          expect(index.get("not a name")).toBeUndefined();
          expect(new Map(index.entries())).toEqual(model);
          // A copy of the first items: those found, the others not, and new names numbered after them.
          const limit = cut % (model.size + 1);
          const copy = index.upTo(limit);
          expect(copy.size).toBe(limit);
          for (const [key, item] of model) expect(copy.get(key)).toBe(item < limit ? item : undefined);
        }
      ),
      { numRuns: 500 }
    );
  });
  it("keeps thousands of names apart (the table grows)", () => {
    const index = new ItemIndex();
    const keys = Array.from({ length: 20000 }, (_, k) => k);
    expect(keys.map((k) => index.add(`SKU-${k}`))).toEqual(keys);
    expect(keys.map((k) => index.get(`sku-${k}`))).toEqual(keys);
    expect(index.add("sku-123")).toBe(123);
  });
});

describe("Spellings", () => {
  it("maps cells as a Map does (short and long strings, numbers, booleans)", () => {
    const cell = fc.oneof(word, fc.constantFrom("SKU-0000000001", "x".repeat(11), 7, 7.5, true, false));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.nat(), (cells, cut) => {
        const sp = new Spellings();
        const model = new Map<string | number | boolean, number>();
        for (const c of cells) {
          if (sp.get(c) === undefined) sp.add(c, model.size);
          if (!model.has(c)) model.set(c, model.size);
        }
        for (const [c, v] of model) expect(sp.get(c)).toBe(v);
        expect(sp.get("never")).toBeUndefined();
        expect(sp.get(8)).toBeUndefined();
        expect(new Map(sp.entries())).toEqual(model);
        const limit = cut % (model.size + 1);
        const copy = sp.upTo(limit, model.size);
        for (const [c, v] of model) expect(copy.get(c)).toBe(v < limit ? v : undefined);
      }),
      { numRuns: 500 }
    );
  });
  it("takes any text as a name: Object.prototype's own names, index-like texts, the empty text", () => {
    const sp = new Spellings();
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "123", "0", "-1", "length", ""];
    names.forEach((k, v) => sp.add(k, v));
    expect(names.map((k) => sp.get(k))).toEqual(names.map((_, v) => v));
    expect(sp.get("valueOf")).toBeUndefined();
    expect(sp.get(123)).toBeUndefined();
  });
  it("tells a number from its text", () => {
    const sp = new Spellings();
    sp.add("7", 0);
    expect(sp.get(7)).toBeUndefined();
    sp.add(7, 1);
    expect([sp.get("7"), sp.get(7)]).toEqual([0, 1]);
  });
});
