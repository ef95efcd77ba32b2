import {
  custodyAt,
  daysOverdue,
  loanHistory,
  openLoans,
  openLoansAt,
  overdueLoans,
} from "../../../src/engine/assets/custody";
import { Book, D, asset } from "./fixture";

// Loans of A-1: Ann 1-10 Mar (returned on the 10th), Bob from 15 Mar due 31 Mar, still out.
// Cy from 1 Feb, due 29 Feb 2024 (a leap year), still out. A-3: returned, never overdue.
const book = new Book(
  [asset("A-1"), asset("A-2"), asset("A-3")],
  [
    {
      AssetID: "A-1",
      CheckedOutTo: "Ann",
      CheckedOutOn: D("2024-03-01"),
      DueOn: D("2024-03-08"),
      ReturnedOn: D("2024-03-10"),
      Location: "Site B",
    },
    { AssetID: "a-1", CheckedOutTo: "Bob", CheckedOutOn: D("2024-03-15"), DueOn: D("2024-03-31"), Location: "Site C" },
    { AssetID: "A-2", CheckedOutTo: "Cy", CheckedOutOn: D("2024-02-01"), DueOn: D("2024-02-29") },
    { AssetID: "A-3", CheckedOutTo: "Di", CheckedOutOn: D("2024-01-05"), ReturnedOn: D("2024-01-06") },
  ]
);
const loans = book.register().checkouts;

describe("custodyAt", () => {
  it("names the holder, place, start and due date of the loan covering the day", () => {
    expect(custodyAt(loans, "A-1", D("2024-03-05"))).toMatchObject({
      holder: "Ann",
      location: "Site B",
      since: D("2024-03-01"),
      due: D("2024-03-08"),
      row: 2,
    });
  });
  it("counts the check-out day as held and the return day as back in stock", () => {
    expect(custodyAt(loans, "A-1", D("2024-03-01"))?.holder).toBe("Ann");
    expect(custodyAt(loans, "A-1", D("2024-03-09"))?.holder).toBe("Ann");
    expect(custodyAt(loans, "A-1", D("2024-03-10"))).toBeNull();
  });
  it("is null before the first loan and between loans", () => {
    expect(custodyAt(loans, "A-1", D("2024-02-28"))).toBeNull();
    expect(custodyAt(loans, "A-1", D("2024-03-12"))).toBeNull();
  });
  it("matches AssetIDs ignoring case and follows an open loan to any later date", () => {
    expect(custodyAt(loans, "A-1", D("2030-01-01"))?.holder).toBe("Bob");
    expect(custodyAt(loans, " a-1 ", D("2024-03-15"))?.row).toBe(3);
  });
  it("is null for an asset never lent", () => {
    expect(custodyAt(loans, "ZZ", D("2024-03-05"))).toBeNull();
  });
});

describe("overdue", () => {
  it("counts calendar days past the due date", () => {
    // Due 31 Mar; on 1 Apr it is 1 day late, on 15 Apr 15 days.
    expect(daysOverdue(loans, "A-1", D("2024-04-01"))).toBe(1);
    expect(daysOverdue(loans, "A-1", D("2024-04-15"))).toBe(15);
    // Due 29 Feb 2024; 1 Mar is the next day, 31 Mar 31 days later.
    expect(daysOverdue(loans, "A-2", D("2024-03-31"))).toBe(31);
  });
  it("is 0 on the due day, before it, after the return and for loans without a due date", () => {
    expect(daysOverdue(loans, "A-1", D("2024-03-31"))).toBe(0);
    expect(daysOverdue(loans, "A-1", D("2024-03-20"))).toBe(0);
    // Ann returned on the 10th, two days late, but on the 12th nothing is out.
    expect(daysOverdue(loans, "A-1", D("2024-03-12"))).toBe(0);
    expect(daysOverdue(loans, "A-1", D("2024-03-09"))).toBe(1);
    expect(daysOverdue(loans, "A-3", D("2024-01-05"))).toBe(0);
    expect(daysOverdue(loans, "none", D("2024-01-05"))).toBe(0);
  });
  it("lists overdue loans, most overdue first", () => {
    const list = overdueLoans(loans, D("2024-04-02"));
    expect(list.map((l) => [l.assetId, l.holder, l.daysOverdue])).toEqual([
      ["A-2", "Cy", 33],
      ["a-1", "Bob", 2],
    ]);
  });
});

describe("open loans", () => {
  it("lists the loans open on a date, in sheet order, with days overdue", () => {
    // 5 Mar 2024 is 5 days after 29 Feb 2024.
    expect(openLoansAt(loans, D("2024-03-05")).map((l) => [l.holder, l.daysOverdue])).toEqual([
      ["Ann", 0],
      ["Cy", 5],
    ]);
  });
  it("lists loans with no ReturnedOn as the current state", () => {
    expect(openLoans(loans).map((l) => l.CheckedOutTo)).toEqual(["Bob", "Cy"]);
    expect(openLoans(loans, "A-1").map((l) => l.row)).toEqual([3]);
  });
});

describe("loanHistory", () => {
  it("gives every loan of the asset, oldest first", () => {
    expect(loanHistory(loans, "A-1").map((l) => [l.CheckedOutTo, l.row])).toEqual([
      ["Ann", 2],
      ["Bob", 3],
    ]);
    expect(loanHistory(loans, "A-9")).toEqual([]);
  });
});
