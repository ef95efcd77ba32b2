import { registerChecks, registerIssues } from "../../../src/engine/assets/checks";
import { Book, D, asset } from "./fixture";

const clean = () =>
  new Book(
    [asset("OK"), asset("OUT", { Status: "Checked out", Custodian: "Ann" })],
    [
      { AssetID: "OUT", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01"), DueOn: D("2024-03-10") },
      { AssetID: "OK", CheckedOutTo: "Bob", CheckedOutOn: D("2024-02-01"), ReturnedOn: D("2024-02-05") },
    ]
  );

const summary = (b: Book) =>
  registerChecks(b.register().assets, b.register().checkouts).map((i) => [i.table, i.row, i.column, i.severity]);

describe("registerChecks", () => {
  it("finds nothing in a consistent register", () => {
    expect(registerIssues(clean().parsed())).toEqual([]);
  });

  it("flags zero cost and a missing in-service date", () => {
    const b = new Book([asset("A", { Cost: 0, InServiceOn: null })]);
    const issues = registerChecks(b.register().assets, []);
    expect(issues).toEqual([
      {
        table: "Assets",
        row: 2,
        column: "Cost",
        value: 0,
        message: "Cost is 0: enter what the asset cost to acquire and put in service.",
        severity: "warning",
      },
      {
        table: "Assets",
        row: 2,
        column: "InServiceOn",
        value: null,
        message: "InServiceOn is blank: fill in the date the asset was placed in service (depreciation starts then).",
        severity: "warning",
      },
    ]);
  });

  it("flags an in-service date before acquisition", () => {
    const b = new Book([asset("A", { InServiceOn: D("2023-12-01") })]);
    expect(registerChecks(b.register().assets, [])).toMatchObject([
      {
        row: 2,
        column: "InServiceOn",
        value: "2023-12-01",
        message:
          "InServiceOn 2023-12-01 is before AcquiredOn 2024-01-02: an asset cannot be used before it is acquired.",
      },
    ]);
  });

  it("flags disposal dates and statuses that disagree", () => {
    const b = new Book([
      asset("A", { Status: "Disposed" }),
      asset("B", { DisposedOn: D("2024-05-01") }),
      asset("C", { Status: "Disposed", DisposedOn: D("2023-05-01") }),
    ]);
    expect(summary(b)).toEqual([
      ["Assets", 2, "DisposedOn", "warning"],
      ["Assets", 3, "Status", "warning"],
      ["Assets", 4, "DisposedOn", "warning"],
    ]);
  });

  it("flags status Checked out with no open loan", () => {
    const b = new Book(
      [asset("A", { Status: "Checked out", Custodian: "Ann" })],
      [{ AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01"), ReturnedOn: D("2024-03-02") }]
    );
    const [i] = registerChecks(b.register().assets, b.register().checkouts);
    expect(i).toMatchObject({ table: "Assets", row: 2, column: "Status", value: "Checked out" });
    expect(i.message).toBe(
      "Status is Checked out but Checkouts has no open loan for this asset: add the loan, or correct the Status."
    );
  });

  it("flags an open loan for an asset whose status is not Checked out (the reverse)", () => {
    const b = new Book([asset("A")], [{ AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01") }]);
    const [i] = registerChecks(b.register().assets, b.register().checkouts);
    expect(i).toMatchObject({ table: "Checkouts", row: 2, column: "ReturnedOn" });
    expect(i.message).toBe(
      "Asset A is on loan here (no ReturnedOn) but its Status is In service (Assets row 2). " +
        "Fill ReturnedOn if it came back, or set the Status to Checked out."
    );
  });

  it("flags a disposed asset still on loan once, not also as the reverse", () => {
    const b = new Book(
      [asset("A", { Status: "Disposed", DisposedOn: D("2024-04-01") })],
      [{ AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01") }]
    );
    const issues = registerChecks(b.register().assets, b.register().checkouts);
    expect(issues.map((i) => i.message)).toEqual([
      "Asset A is disposed (Assets row 2) but this loan has no ReturnedOn. Fill ReturnedOn.",
    ]);
  });

  it("flags every open loan after the first for the same asset", () => {
    const b = new Book(
      [asset("A", { Status: "Checked out", Custodian: "Ann" })],
      [
        { AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01") },
        { AssetID: "a", CheckedOutTo: "Bob", CheckedOutOn: D("2024-03-05") },
        { AssetID: "A", CheckedOutTo: "Cy", CheckedOutOn: D("2024-03-07") },
      ]
    );
    const issues = registerChecks(b.register().assets, b.register().checkouts);
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [
        3,
        "Asset A already has an open loan on row 2; an asset can be on only one loan at a time. Fill ReturnedOn of the loan that ended.",
      ],
      [
        4,
        "Asset A already has an open loan on row 2; an asset can be on only one loan at a time. Fill ReturnedOn of the loan that ended.",
      ],
    ]);
  });

  it("flags a custodian that is not the borrower of the open loan", () => {
    const b = new Book(
      [asset("A", { Status: "Checked out", Custodian: "Bob" })],
      [{ AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01") }]
    );
    expect(summary(b)).toEqual([["Assets", 2, "Custodian", "warning"]]);
  });

  it("flags loans of unknown assets and loan dates out of order", () => {
    const b = new Book(
      [asset("A")],
      [
        { AssetID: "ZZ", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01"), ReturnedOn: D("2024-03-02") },
        {
          AssetID: "A",
          CheckedOutTo: "Ann",
          CheckedOutOn: D("2024-03-05"),
          DueOn: D("2024-03-04"),
          ReturnedOn: D("2024-03-03"),
        },
      ]
    );
    expect(summary(b)).toEqual([
      ["Checkouts", 2, "AssetID", "warning"],
      ["Checkouts", 3, "ReturnedOn", "warning"],
      ["Checkouts", 3, "DueOn", "warning"],
    ]);
  });
});

describe("registerIssues", () => {
  it("reports a duplicate AssetID once, as the parser did, and checks only the first row", () => {
    const b = new Book([asset("A"), asset("B"), asset("a", { Cost: 0, InServiceOn: D("2020-01-01") })]);
    const issues = registerIssues(b.parsed());
    expect(issues.map((i) => [i.table, i.row, i.column, i.severity])).toEqual([["Assets", 4, "AssetID", "skipped"]]);
    expect(issues[0].message).toMatch(/AssetID a already appears on row 2/);
  });

  it("puts the parser's issues and the checks together in table and row order", () => {
    const b = new Book(
      [asset("A", { InServiceOn: null }), asset("B", { Cost: null })],
      [{ AssetID: "A", CheckedOutTo: "Ann", CheckedOutOn: D("2024-03-01") }]
    );
    expect(registerIssues(b.parsed()).map((i) => [i.table, i.row, i.column, i.severity])).toEqual([
      ["Assets", 2, "InServiceOn", "warning"],
      ["Assets", 3, "Cost", "skipped"],
      ["Checkouts", 2, "ReturnedOn", "warning"],
    ]);
  });
});
