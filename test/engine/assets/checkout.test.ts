import { checkOut } from "../../../src/engine/assets/checkout";
import { isEngineError } from "../../../src/engine/errors";
import { Book, D, asset, err, ok } from "./fixture";

describe("checkOut", () => {
  it("appends the loan, marks the asset out with the borrower and loan location, and logs it", () => {
    const book = new Book([asset("A-1"), asset("A-2")]);
    const r = ok(
      checkOut(book.register(), "a-2", " Jane Doe ", D("2024-03-01"), D("2024-03-15"), "Site B", "For the audit", "Max")
    );
    expect(r.assetId).toBe("A-2");
    book.apply(r.edits);
    expect(book.records("Checkouts")).toEqual([
      {
        AssetID: "A-2",
        CheckedOutTo: "Jane Doe",
        CheckedOutOn: D("2024-03-01"),
        DueOn: D("2024-03-15"),
        ReturnedOn: null,
        Location: "Site B",
        Notes: "For the audit",
      },
    ]);
    expect(book.records("Assets")[1]).toMatchObject({
      Custodian: "Jane Doe",
      Location: "Site B",
      Status: "Checked out",
    });
    expect(book.records("Assets")[0]).toMatchObject({ Custodian: null, Location: "HQ", Status: "In service" });
    expect(book.records("AssetLog")).toEqual([
      {
        Date: D("2024-03-01"),
        AssetID: "A-2",
        Action: "CheckOut",
        From: "HQ",
        To: "Jane Doe",
        By: "Max",
        Notes: "Due 2024-03-15. At Site B. For the audit",
      },
    ]);
  });

  it("keeps the asset's location when the loan names none and accepts no due date", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(checkOut(book.register(), "A-1", "Jo", D("2024-03-01"), null, null, null)).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "HQ", Custodian: "Jo" });
    expect(book.records("Checkouts")[0]).toMatchObject({ DueOn: null, Location: null, Notes: null });
    expect(book.records("AssetLog")[0]).toMatchObject({ By: null, Notes: null });
  });

  it("allows a due date on the check-out day", () => {
    const book = new Book([asset("A-1")]);
    expect(isEngineError(checkOut(book.register(), "A-1", "Jo", D("2024-03-01"), D("2024-03-01"), null, null))).toBe(
      false
    );
  });

  describe("refuses", () => {
    const reg = () =>
      new Book(
        [
          asset("A-1"),
          asset("OUT", { Status: "Checked out", Custodian: "Ann" }),
          asset("GONE", { Status: "Disposed", DisposedOn: D("2024-02-01") }),
          asset("SOLD", { DisposedOn: D("2024-02-01") }),
          asset("LOST", { Status: "Lost" }),
          asset("ODD", { Status: "Checked out" }),
        ],
        [{ AssetID: "OUT", CheckedOutTo: "Ann", CheckedOutOn: D("2024-02-10"), DueOn: D("2024-02-20") }],
        [{ Date: D("2024-04-01"), AssetID: "A-1", Action: "Audit", By: "Max" }]
      ).register();

    it("an unknown asset with #N/A", () => {
      const e = err(checkOut(reg(), "A-404", "Jo", D("2024-05-01"), null, null, null));
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe("Asset A-404 is not in the Assets table. Check the AssetID or add the asset first.");
    });
    it("a blank asset id and a blank borrower", () => {
      expect(err(checkOut(reg(), " ", "Jo", D("2024-05-01"), null, null, null)).message).toBe("Give an AssetID.");
      expect(err(checkOut(reg(), "A-1", "  ", D("2024-05-01"), null, null, null)).message).toBe(
        "Give the person the asset is checked out to."
      );
    });
    it("an asset already out, naming the holder and the loan row", () => {
      const e = err(checkOut(reg(), "OUT", "Jo", D("2024-05-01"), null, null, null));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toBe(
        "Asset OUT is already checked out to Ann since 2024-02-10 (Checkouts row 2). Check it in first."
      );
      expect(e).toMatchObject({ table: "Checkouts", row: 2 });
    });
    it("an asset whose status says Checked out though no loan is open", () => {
      expect(err(checkOut(reg(), "ODD", "Jo", D("2024-05-01"), null, null, null)).message).toMatch(
        /^Asset ODD has status Checked out \(Assets row 7\) but no open loan/
      );
    });
    it("a disposed asset, by status or by disposal date", () => {
      expect(err(checkOut(reg(), "GONE", "Jo", D("2024-05-01"), null, null, null)).message).toBe(
        "Asset GONE was disposed of on 2024-02-01 (Assets row 4); nothing more can be done with it."
      );
      expect(err(checkOut(reg(), "SOLD", "Jo", D("2024-05-01"), null, null, null)).message).toMatch(
        /^Asset SOLD was disposed/
      );
    });
    it("a lost asset", () => {
      expect(err(checkOut(reg(), "LOST", "Jo", D("2024-05-01"), null, null, null)).message).toMatch(
        /^Asset LOST is marked Lost \(Assets row 6\)/
      );
    });
    it("a due date before the check-out date", () => {
      expect(err(checkOut(reg(), "A-1", "Jo", D("2024-05-02"), D("2024-05-01"), null, null)).message).toBe(
        "The due date 2024-05-01 is before the check-out date 2024-05-02. Give a due date on or after the check-out."
      );
    });
    it("a date that is not a date", () => {
      expect(err(checkOut(reg(), "A-1", "Jo", Number.NaN, null, null, null)).message).toBe(
        "Check-out must be a date (an Excel date between 1900 and 9999)."
      );
      expect(err(checkOut(reg(), "A-1", "Jo", D("2024-05-02"), -3, null, null)).message).toMatch(/^Due must be a date/);
    });
    it("a check-out before the asset was acquired", () => {
      expect(err(checkOut(reg(), "A-1", "Jo", D("2023-12-31"), null, null, null)).message).toBe(
        "The check-out date 2023-12-31 is before asset A-1 was acquired on 2024-01-02 (Assets row 2)."
      );
    });
    it("a check-out dated before the asset's last logged event", () => {
      expect(err(checkOut(reg(), "A-1", "Jo", D("2024-03-31"), null, null, null)).message).toBe(
        "The check-out date 2024-03-31 is before the last recorded event of asset A-1 on 2024-04-01 (AssetLog row 2). " +
          "Give a later date: the history must stay in order."
      );
    });
  });
});
