import { checkOut } from "../../../src/engine/assets/checkout";
import { markAudited } from "../../../src/engine/assets/mark-audited";
import { Book, D, asset, err, ok } from "./fixture";

describe("markAudited", () => {
  it("sets LastAuditedOn and the location found, and logs who audited", () => {
    const book = new Book([asset("A-1", { LastAuditedOn: D("2024-01-31") })]);
    book.apply(ok(markAudited(book.register(), "A-1", D("2024-06-30"), "Max", "Store 2", "Label worn")).edits);
    expect(book.records("Assets")[0]).toMatchObject({
      LastAuditedOn: D("2024-06-30"),
      Location: "Store 2",
      Status: "In service",
    });
    expect(book.records("AssetLog")).toEqual([
      {
        Date: D("2024-06-30"),
        AssetID: "A-1",
        Action: "Audit",
        From: "HQ",
        To: "Store 2",
        By: "Max",
        Notes: "Label worn",
      },
    ]);
  });

  it("keeps the recorded location when none is given, and allows a second audit the same day", () => {
    const book = new Book([asset("A-1", { LastAuditedOn: D("2024-06-30") })]);
    book.apply(ok(markAudited(book.register(), "A-1", D("2024-06-30"), "Max", null)).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "HQ", LastAuditedOn: D("2024-06-30") });
  });

  it("brings a Lost asset back in service", () => {
    const book = new Book([asset("A-1", { Status: "Lost" })]);
    book.apply(ok(markAudited(book.register(), "A-1", D("2024-06-30"), "Max", "Basement")).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "In service", Location: "Basement" });
    expect(book.records("AssetLog")[0]).toMatchObject({ Notes: "Found; status was Lost." });
  });

  it("audits an asset on loan without ending the loan", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), null, "Site B", null)).edits);
    book.apply(ok(markAudited(book.register(), "A-1", D("2024-03-02"), "Max", null)).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "Checked out", Custodian: "Jane", Location: "Site B" });
    expect(book.records("Checkouts")[0]).toMatchObject({ ReturnedOn: null });
  });

  describe("refuses", () => {
    it("an audit dated before the last one", () => {
      const book = new Book([asset("A-1", { LastAuditedOn: D("2024-06-30") })]);
      const e = err(markAudited(book.register(), "A-1", D("2024-06-29"), "Max", null));
      expect(e.message).toBe(
        "The audit date 2024-06-29 is before asset A-1's last audit on 2024-06-30 (Assets row 2)."
      );
      expect(e).toMatchObject({ table: "Assets", row: 2, column: "LastAuditedOn" });
    });
    it("a blank auditor", () => {
      expect(err(markAudited(new Book([asset("A-1")]).register(), "A-1", D("2024-06-29"), " ", null)).message).toBe(
        "Give the name of the person who audited the asset."
      );
    });
    it("unknown and disposed assets", () => {
      const book = new Book([asset("D", { Status: "Disposed" })]);
      expect(err(markAudited(book.register(), "X", D("2024-06-29"), "Max", null)).code).toBe("#N/A");
      expect(err(markAudited(book.register(), "D", D("2024-06-29"), "Max", null)).message).toBe(
        "Asset D was disposed of (Assets row 2); nothing more can be done with it."
      );
    });
    it("an audit before acquisition", () => {
      expect(
        err(markAudited(new Book([asset("A-1")]).register(), "A-1", D("2024-01-01"), "Max", null)).message
      ).toMatch(/^The audit date 2024-01-01 is before asset A-1 was acquired/);
    });
  });
});
