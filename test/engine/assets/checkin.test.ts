import { checkIn } from "../../../src/engine/assets/checkin";
import { checkOut } from "../../../src/engine/assets/checkout";
import { Book, D, asset, err, ok } from "./fixture";

/** A-1 at HQ checked out to Jane on 1 Mar at Site B, through the operation (so the log has its row). */
function lent(): Book {
  const book = new Book([asset("A-0"), asset("A-1")]);
  book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), D("2024-03-15"), "Site B", "Mint")).edits);
  return book;
}

describe("checkIn", () => {
  it("fills only the open loan's ReturnedOn, returns the asset to where it was, and logs the condition", () => {
    const book = lent();
    const before = book.records("Checkouts")[0];
    const r = ok(checkIn(book.register(), "A-1", D("2024-03-20"), "Scratched lid", { by: "Max" }));
    expect(r.edits.find((e) => e.table === "Checkouts")).toEqual({
      table: "Checkouts",
      append: [],
      update: [{ index: 0, values: { ReturnedOn: D("2024-03-20") } }],
    });
    book.apply(r.edits);
    expect(book.records("Checkouts")).toEqual([{ ...before, ReturnedOn: D("2024-03-20") }]);
    expect(book.records("Assets")[1]).toMatchObject({ Custodian: null, Location: "HQ", Status: "In service" });
    expect(book.records("AssetLog")[1]).toEqual({
      Date: D("2024-03-20"),
      AssetID: "A-1",
      Action: "CheckIn",
      From: "Jane",
      To: "HQ",
      By: "Max",
      Notes: "Scratched lid",
    });
  });

  it("returns the asset to a location given by the caller", () => {
    const book = lent();
    book.apply(ok(checkIn(book.register(), "A-1", D("2024-03-20"), null, { location: "Store 2" })).edits);
    expect(book.records("Assets")[1]).toMatchObject({ Location: "Store 2" });
  });

  it("keeps the current location when the loan was entered by hand without a log row", () => {
    const book = new Book(
      [asset("A-1", { Status: "Checked out", Custodian: "Ann", Location: "Depot" })],
      [{ AssetID: "A-1", CheckedOutTo: "Ann", CheckedOutOn: D("2024-02-01") }]
    );
    book.apply(ok(checkIn(book.register(), "A-1", D("2024-02-01"), null)).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "Depot", Custodian: null, Status: "In service" });
    expect(book.records("Checkouts")[0]).toMatchObject({ ReturnedOn: D("2024-02-01") });
  });

  it("leaves a Lost or In repair status for the user to change", () => {
    const book = new Book(
      [asset("A-1", { Status: "In repair" })],
      [{ AssetID: "A-1", CheckedOutTo: "Ann", CheckedOutOn: D("2024-02-01") }]
    );
    book.apply(ok(checkIn(book.register(), "A-1", D("2024-02-03"), null)).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "In repair" });
  });

  describe("refuses", () => {
    it("an asset that is not out", () => {
      const book = new Book([asset("A-1")]);
      expect(err(checkIn(book.register(), "A-1", D("2024-03-20"), null)).message).toBe(
        "Asset A-1 is not checked out: Checkouts has no open loan for it."
      );
    });
    it("an asset that was returned already", () => {
      const book = lent();
      book.apply(ok(checkIn(book.register(), "A-1", D("2024-03-20"), null)).edits);
      expect(err(checkIn(book.register(), "A-1", D("2024-03-21"), null)).message).toMatch(/is not checked out/);
    });
    it("an unknown asset", () => {
      expect(err(checkIn(lent().register(), "B-7", D("2024-03-20"), null)).code).toBe("#N/A");
    });
    it("a return date before the check-out", () => {
      const e = err(checkIn(lent().register(), "A-1", D("2024-02-29"), null));
      expect(e.message).toBe(
        "The return date 2024-02-29 is before asset A-1 was checked out on 2024-03-01 (Checkouts row 2)."
      );
      expect(e).toMatchObject({ code: "#VALUE!", table: "Checkouts", row: 2 });
    });
    it("a return date before a later event of the loan", () => {
      const book = lent();
      book.log.rows.push([D("2024-03-10"), "A-1", "Move", "Site B", "Site C", null, null]);
      expect(err(checkIn(book.register(), "A-1", D("2024-03-05"), null)).message).toMatch(
        /^The return date 2024-03-05 is before the last recorded event of asset A-1 on 2024-03-10 \(AssetLog row 3\)/
      );
    });
    it("an asset with two open loans, naming both rows", () => {
      const book = new Book(
        [asset("A-1", { Status: "Checked out" })],
        [
          { AssetID: "A-1", CheckedOutTo: "Ann", CheckedOutOn: D("2024-02-01") },
          { AssetID: "A-1", CheckedOutTo: "Bob", CheckedOutOn: D("2024-02-05") },
        ]
      );
      expect(err(checkIn(book.register(), "A-1", D("2024-03-01"), null)).message).toBe(
        "Asset A-1 has 2 open loans (Checkouts rows 2, 3). Fill ReturnedOn of the loans that ended, so only one stays open, then check it in."
      );
    });
    it("a return date that is not a date", () => {
      expect(err(checkIn(lent().register(), "A-1", 0, null)).message).toMatch(/^Return must be a date/);
    });
  });
});
