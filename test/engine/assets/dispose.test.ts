import { checkOut } from "../../../src/engine/assets/checkout";
import { dispose } from "../../../src/engine/assets/dispose";
import type { AssetRow } from "../../../src/engine/schema";
import { Book, D, asset, err, ok } from "./fixture";

describe("dispose", () => {
  it("sets Disposed, DisposedOn and proceeds, clears the custodian and logs it", () => {
    const book = new Book([asset("A-1", { Custodian: "Ann" })]);
    const r = ok(dispose(book.register(), "A-1", D("2025-06-30"), 250, undefined, "Max", "Sold to staff"));
    expect(r).toMatchObject({ proceeds: 250, bookValue: null, gainLoss: null, bookValueError: null });
    book.apply(r.edits);
    expect(book.records("Assets")[0]).toMatchObject({
      Status: "Disposed",
      DisposedOn: D("2025-06-30"),
      DisposalProceeds: 250,
      Custodian: null,
      Location: "HQ",
    });
    expect(book.records("AssetLog")).toEqual([
      {
        Date: D("2025-06-30"),
        AssetID: "A-1",
        Action: "Dispose",
        From: "HQ",
        To: null,
        By: "Max",
        Notes: "Proceeds 250. Sold to staff",
      },
    ]);
  });

  it("gives the gain or loss against the net book value the caller supplies", () => {
    // Straight line, cost 1200, no salvage, 3 years from 2024-01-02: after 18 months the NBV is
    // 1200 - 1200 * 18/36 = 600 (ACCOUNTING.md: gain or loss = proceeds - NBV at disposal).
    const seen: [string, number][] = [];
    const nbv = (a: AssetRow, date: number) => {
      seen.push([a.AssetID, date]);
      return 600;
    };
    const book = new Book([asset("A-1")]);
    expect(ok(dispose(book.register(), "A-1", D("2025-07-01"), 450, nbv))).toMatchObject({
      bookValue: 600,
      gainLoss: -150,
    });
    expect(ok(dispose(book.register(), "A-1", D("2025-07-01"), 700, nbv)).gainLoss).toBe(100);
    expect(seen).toEqual([
      ["A-1", D("2025-07-01")],
      ["A-1", D("2025-07-01")],
    ]);
  });

  it("still returns the disposal when the book value cannot be computed, with the reason", () => {
    const book = new Book([asset("A-1")]);
    const why = { code: "#VALUE!" as const, message: "Method NONE" };
    const r = ok(dispose(book.register(), "A-1", D("2025-07-01"), 0, () => why));
    expect(r).toMatchObject({ bookValue: null, gainLoss: null, bookValueError: why });
    expect(r.edits).toHaveLength(2);
    expect(ok(dispose(book.register(), "A-1", D("2025-07-01"), 0, () => Number.NaN)).bookValueError?.code).toBe(
      "#NUM!"
    );
  });

  describe("refuses", () => {
    it("an asset still on loan", () => {
      const book = new Book([asset("A-1")]);
      book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), null, null, null)).edits);
      expect(err(dispose(book.register(), "A-1", D("2024-04-01"), 0)).message).toBe(
        "Asset A-1 is still checked out to Jane (Checkouts row 2). Check it in before disposing of it."
      );
    });
    it("an asset disposed already", () => {
      const book = new Book([asset("A-1")]);
      book.apply(ok(dispose(book.register(), "A-1", D("2024-04-01"), 0)).edits);
      expect(err(dispose(book.register(), "A-1", D("2024-05-01"), 0)).message).toBe(
        "Asset A-1 was disposed of on 2024-04-01 (Assets row 2); nothing more can be done with it."
      );
    });
    it("negative or non-numeric proceeds", () => {
      const reg = new Book([asset("A-1")]).register();
      expect(err(dispose(reg, "A-1", D("2024-04-01"), -1)).message).toBe(
        "Disposal proceeds must be a number of 0 or more (0 when the asset was scrapped)."
      );
      expect(err(dispose(reg, "A-1", D("2024-04-01"), Number.POSITIVE_INFINITY)).code).toBe("#VALUE!");
    });
    it("a disposal before acquisition and an unknown asset", () => {
      const reg = new Book([asset("A-1")]).register();
      expect(err(dispose(reg, "A-1", D("2023-04-01"), 0)).message).toMatch(/^The disposal date 2023-04-01 is before/);
      expect(err(dispose(reg, "Q", D("2024-04-01"), 0)).code).toBe("#N/A");
    });
  });
});
