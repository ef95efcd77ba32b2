import { auditDueOn, auditsDue } from "../../../src/engine/assets/audit";
import { Book, D, asset } from "./fixture";

describe("auditDueOn", () => {
  const [a] = new Book([asset("A", { LastAuditedOn: D("2023-01-31") })]).register().assets;
  it("adds the interval in calendar months, as Excel's EDATE", () => {
    // EDATE(31-Jan-2023, 12) = 31-Jan-2024; EDATE(31-Jan-2023, 13) = 29-Feb-2024 (month end clamped, leap year).
    expect(auditDueOn(a)).toBe(D("2024-01-31"));
    expect(auditDueOn(a, 13)).toBe(D("2024-02-29"));
    expect(auditDueOn(a, 6)).toBe(D("2023-07-31"));
  });
  it("is null when the asset was never audited", () => {
    expect(auditDueOn(new Book([asset("N")]).register().assets[0])).toBeNull();
  });
});

describe("auditsDue", () => {
  const assets = new Book([
    asset("RECENT", { LastAuditedOn: D("2024-03-01") }),
    asset("NEVER"),
    asset("DUE-TODAY", { LastAuditedOn: D("2023-07-01") }),
    asset("LATE", { LastAuditedOn: D("2023-06-01") }),
    asset("GONE", { Status: "Disposed", DisposedOn: D("2024-01-01") }),
    asset("NEVER2", { Location: "Depot", Custodian: "Ann" }),
  ]).register().assets;

  it("lists never-audited assets first, then the longest overdue, the due day included", () => {
    const list = auditsDue(assets, D("2024-07-01"));
    expect(list.map((x) => [x.assetId, x.reason, x.dueOn, x.daysOverdue])).toEqual([
      ["NEVER", "Never audited", null, null],
      ["NEVER2", "Never audited", null, null],
      ["LATE", "Audit overdue", D("2024-06-01"), 30], // June has 30 days
      ["DUE-TODAY", "Audit overdue", D("2024-07-01"), 0],
    ]);
    expect(list[1]).toMatchObject({ location: "Depot", custodian: "Ann", row: 7, lastAudited: null });
  });
  it("uses the interval setting", () => {
    // With a 3-month interval RECENT (audited 1 Mar) fell due on 1 Jun: 30 days before 1 Jul.
    const recent = auditsDue(assets, D("2024-07-01"), 3).find((x) => x.assetId === "RECENT");
    expect(recent).toMatchObject({ dueOn: D("2024-06-01"), daysOverdue: 30 });
  });
});
