import { headerBlock, inventoryMethodLine, lifoNotes } from "../../../src/engine/reports/header";
import { dateTimeText, utcOffsetText } from "../../../src/engine/reports/text";
import { reportOptions, reportYears, checkOptions } from "../../../src/engine/reports/options";
import { defaultSettings } from "../../../src/engine/settings";
import { d, makeContext } from "./fixture";

describe("header block", () => {
  it("notes that IFRS does not permit LIFO when an item uses it", () => {
    const ctx = makeContext({ Items: [{ SKU: "A", Method: "LIFO" }, { SKU: "B" }] });
    expect(inventoryMethodLine(ctx)).toBe("Inventory valuation: FIFO, LIFO (per item)");
    expect(lifoNotes(ctx)[0]).toMatch(/IFRS \(IAS 2\) does not permit LIFO/);
  });

  it("uses the report's override for every item", () => {
    const ctx = makeContext({ Items: [{ SKU: "A", Method: "LIFO" }] }, { valuationMethod: "MOVING" });
    expect(inventoryMethodLine(ctx)).toBe("Inventory valuation: MOVING (chosen for this report)");
    expect(lifoNotes(ctx)).toEqual([]);
  });
});

describe("report options", () => {
  it("default to the fiscal year to date (June year end: 15 Jan 2026 is in FY2026, from 1 Jul 2025)", () => {
    const s = { ...defaultSettings(), fiscalYearEndMonth: 6 };
    const o = reportOptions(s, { now: new Date(2026, 0, 15, 12, 0) });
    expect([o.from, o.to]).toEqual([d(2025, 7, 1), d(2026, 1, 15)]);
    expect(o.generatedAt).toBe(d(2026, 1, 15) + 0.5);
    expect(reportYears(o)).toEqual([2026]);
  });

  it("refuses a period that ends before it starts", () => {
    const o = reportOptions(defaultSettings(), { from: d(2025, 2, 1), to: d(2025, 1, 1) });
    expect(checkOptions(o)).toMatch(/starts after it ends/);
  });
});

describe("generated time", () => {
  // ISO 8601 offsets: Central European Time UTC+01:00, India UTC+05:30, New York (EST) UTC-05:00,
  // Newfoundland UTC-03:30; Date.getTimezoneOffset() is their negative in minutes (MDN).
  it("states the clock's offset from UTC", () => {
    expect([60, 330, -300, -210, 0].map(utcOffsetText)).toEqual([
      "UTC+01:00",
      "UTC+05:30",
      "UTC-05:00",
      "UTC-03:30",
      "UTC+00:00",
    ]);
    expect(dateTimeText(d(2026, 11, 25) + (22 * 60 + 17) / 1440, 60)).toBe("25 Nov 2026 22:17 (UTC+01:00)");
  });

  it("never rounds 23:59:40 up into a 00:00 of the same date", () => {
    expect(dateTimeText(d(2026, 11, 25) + (23 * 3600 + 59 * 60 + 40) / 86400)).toBe("25 Nov 2026 23:59");
  });

  it("takes the offset from the report's clock (the Date's own offset) into the header", () => {
    const now = new Date(2026, 10, 25, 22, 17);
    const o = reportOptions(defaultSettings(), { now });
    expect(o.utcOffsetMinutes).toBe(-now.getTimezoneOffset() || 0);
    const ctx = makeContext({}, { now });
    const line = headerBlock(ctx, "X", "m").lines[2];
    expect(line).toBe(`Generated: 25 Nov 2026 22:17 (${utcOffsetText(-now.getTimezoneOffset() || 0)})`);
  });
});
