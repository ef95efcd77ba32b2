import { checkOut } from "../../../src/engine/assets/checkout";
import { move } from "../../../src/engine/assets/move";
import { Book, D, asset, err, ok } from "./fixture";

describe("move", () => {
  it("changes the location and logs From and To", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(move(book.register(), "A-1", D("2024-04-01"), { location: "Branch" }, "Max", "New office")).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "Branch", Custodian: null, Status: "In service" });
    expect(book.records("AssetLog")).toEqual([
      {
        Date: D("2024-04-01"),
        AssetID: "A-1",
        Action: "Move",
        From: "HQ",
        To: "Branch",
        By: "Max",
        Notes: "Location changed. New office",
      },
    ]);
  });

  it("writes one log row per change when location and custodian both change", () => {
    const book = new Book([asset("A-1", { Custodian: "Ann" })]);
    book.apply(ok(move(book.register(), "A-1", D("2024-04-01"), { location: "Branch", custodian: "Bob" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "Branch", Custodian: "Bob" });
    expect(book.records("AssetLog").map((r) => [r.From, r.To, r.Notes])).toEqual([
      ["HQ", "Branch", "Location changed."],
      ["Ann", "Bob", "Custodian changed."],
    ]);
  });

  it("clears the custodian when given blank", () => {
    const book = new Book([asset("A-1", { Custodian: "Ann" })]);
    book.apply(ok(move(book.register(), "A-1", D("2024-04-01"), { custodian: "" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "HQ", Custodian: null });
    expect(book.records("AssetLog")[0]).toMatchObject({ From: "Ann", To: null });
  });

  it("moves a checked-out asset to a new location and keeps it out", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), null, "Site B", null)).edits);
    book.apply(ok(move(book.register(), "A-1", D("2024-03-05"), { location: "Site C" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Location: "Site C", Custodian: "Jane", Status: "Checked out" });
    expect(book.records("Checkouts")[0]).toMatchObject({ Location: "Site B" }); // the loan row is history
  });

  it("sets the status In repair and back, logging the old and new status", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(move(book.register(), "A-1", D("2024-04-01"), { status: "In repair", location: "Workshop" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "In repair", Location: "Workshop" });
    book.apply(ok(move(book.register(), "A-1", D("2024-04-09"), { status: "In service", location: "HQ" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "In service", Location: "HQ" });
    expect(book.records("AssetLog").map((r) => [r.Date, r.From, r.To, r.Notes])).toEqual([
      [D("2024-04-01"), "HQ", "Workshop", "Location changed."],
      [D("2024-04-01"), "In service", "In repair", "Status changed."],
      [D("2024-04-09"), "Workshop", "HQ", "Location changed."],
      [D("2024-04-09"), "In repair", "In service", "Status changed."],
    ]);
  });

  it("marks an asset Lost; only an audit brings it back", () => {
    const book = new Book([asset("A-1")]);
    book.apply(ok(move(book.register(), "A-1", D("2024-04-01"), { status: "Lost" })).edits);
    expect(book.records("Assets")[0]).toMatchObject({ Status: "Lost" });
    expect(err(move(book.register(), "A-1", D("2024-04-02"), { status: "In service" })).message).toBe(
      "Asset A-1 is marked Lost (Assets row 2). Record where it was found with an audit first."
    );
  });

  describe("refuses", () => {
    it("a status change while on loan, and statuses that belong to other operations", () => {
      const book = new Book([asset("A-1"), asset("A-2")]);
      book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), null, null, null)).edits);
      expect(err(move(book.register(), "A-1", D("2024-03-05"), { status: "Lost" })).message).toMatch(
        /^Asset A-1 is checked out to Jane\. Check it in before changing its custodian or status/
      );
      for (const status of ["Checked out", "Disposed", "Broken"]) {
        const to = { status } as unknown as Parameters<typeof move>[3];
        expect(err(move(book.register(), "A-2", D("2024-03-05"), to)).message).toBe(
          `A move can set the status to In service, In repair or Lost, not ${status}: ` +
            "Checked out and Disposed are set by check-out and dispose."
        );
      }
    });

    it("a new custodian while the asset is on loan", () => {
      const book = new Book([asset("A-1")]);
      book.apply(ok(checkOut(book.register(), "A-1", "Jane", D("2024-03-01"), null, null, null)).edits);
      expect(err(move(book.register(), "A-1", D("2024-03-05"), { custodian: "Bob" })).message).toBe(
        "Asset A-1 is checked out to Jane. Check it in before changing its custodian or status " +
          "(to lend it to someone else, check it in and check it out to the new person)."
      );
    });
    it("a move that changes nothing", () => {
      const book = new Book([asset("A-1")]);
      expect(err(move(book.register(), "A-1", D("2024-03-05"), { location: " HQ " })).message).toBe(
        "Moving asset A-1 needs a new location, custodian or status different from the current one."
      );
      expect(err(move(book.register(), "A-1", D("2024-03-05"), {})).message).toMatch(/needs a new location/);
    });
    it("unknown, disposed and lost assets", () => {
      const book = new Book([
        asset("D", { Status: "Disposed", DisposedOn: D("2024-02-01") }),
        asset("L", { Status: "Lost" }),
      ]);
      expect(err(move(book.register(), "X", D("2024-03-05"), { location: "B" })).code).toBe("#N/A");
      expect(err(move(book.register(), "D", D("2024-03-05"), { location: "B" })).message).toMatch(
        /^Asset D was disposed of/
      );
      expect(err(move(book.register(), "L", D("2024-03-05"), { location: "B" })).message).toMatch(
        /^Asset L is marked Lost/
      );
    });
    it("a move dated before acquisition", () => {
      const book = new Book([asset("A-1")]);
      expect(err(move(book.register(), "A-1", D("2023-06-01"), { location: "B" })).message).toMatch(
        /^The move date 2023-06-01 is before asset A-1 was acquired on 2024-01-02/
      );
    });
  });
});
