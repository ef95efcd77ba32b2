/**
 * Every summary foots and every sheet agrees (the reviewer's standard for a report handed to a controller):
 * - each Total row equals, to the cent, the sum of the lines shown above it (category subtotals in "By category
 *   and item", whose items in turn add to their subtotal), and a "Total" column equals the sum of its row;
 * - COGS in the Inventory Valuation roll-forward = the Journal's COGS debits;
 * - depreciation on the Depreciation sheet = the Journal's depreciation expense = cost-center profit's.
 * Run on the demo workbook and on demo-shaped books from random seeds and period ends.
 */
import fc from "fast-check";
import { demoWorkbook } from "../../../src/demo";
import { fiscalYear, fiscalYearBounds, toSerial } from "../../../src/engine/dates";
import { buildReports } from "../../../src/engine/reports/build";
import { allocate } from "../../../src/engine/reports/tally";
import type { ReportCell, ReportInput, SheetModel, Summary } from "../../../src/engine/reports/model";
import { reportOptions } from "../../../src/engine/reports/options";
import { defaultSettings, type ValuationMethod } from "../../../src/engine/settings";
import { parsedTables } from "./fixture";

const cents = (x: number) => Math.round(x * 100);
const sumCents = (xs: ReportCell[]) => xs.reduce((s: number, x) => s + cents(Number(x ?? 0)), 0);

/** A period: `years` fiscal years ending with the one `today` falls in, the first cut `skip` days short. */
interface Period {
  years: number;
  fyEnd: number;
  skip: number;
  method?: ValuationMethod;
}

function inputOf(today: number, seed?: number, period?: Period): ReportInput {
  const data = demoWorkbook(today, seed);
  const settings = defaultSettings();
  if (period) settings.fiscalYearEndMonth = period.fyEnd;
  const y = new Date(Date.UTC(1899, 11, 30) + today * 86400000).getUTCFullYear();
  const fyEnd = settings.fiscalYearEndMonth;
  const from = period
    ? fiscalYearBounds(fiscalYear(today, fyEnd) - period.years + 1, fyEnd).start + period.skip
    : toSerial(y, 1, 1);
  const options = reportOptions(settings, {
    from: Math.min(from, today),
    to: today,
    now: new Date(2026, 10, 25, 9),
    valuationMethod: period?.method ?? null,
  });
  return { ...parsedTables((n) => data[n]), settings, options };
}

/** The summed columns of a summary: money, quantities and counts (not ratios, not labels). */
const summed = (s: Summary) =>
  s.headers
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => ["currency", "number", "integer"].includes(s.formats?.[h] ?? ""));

function expectFoots(sheet: SheetModel, s: Summary): void {
  const last = s.rows[s.rows.length - 1];
  if (last?.[0] !== "Total") return;
  const body = s.rows.slice(0, -1);
  const isItem = (r: ReportCell[]) => typeof r[0] === "string" && r[0].startsWith("    ");
  const lines = body.filter((r) => !isItem(r));
  for (const { h, i } of summed(s)) {
    expect([sheet.name, s.title, h, cents(Number(last[i]))]).toEqual([
      sheet.name,
      s.title,
      h,
      sumCents(lines.map((r) => r[i])),
    ]);
    // Items under a subtotal add to it.
    for (let k = 0; k < body.length; k++) {
      if (isItem(body[k])) continue;
      const items: ReportCell[][] = [];
      for (let j = k + 1; j < body.length && isItem(body[j]); j++) items.push(body[j]);
      if (items.length)
        expect([s.title, body[k][0], h, cents(Number(body[k][i]))]).toEqual([
          s.title,
          body[k][0],
          h,
          sumCents(items.map((r) => r[i])),
        ]);
    }
  }
  const tc = s.headers.indexOf("Total");
  if (tc > 0) {
    const cols = s.headers.map((h, i) => ({ h, i })).filter(({ h }) => /^FY\d+$/.test(h));
    for (const r of s.rows)
      expect([s.title, r[0], cents(Number(r[tc]))]).toEqual([s.title, r[0], sumCents(cols.map(({ i }) => r[i]))]);
  }
}

const summary = (sheets: SheetModel[], sheet: string, title: string) =>
  sheets.find((x) => x.name === sheet)?.summaries.find((s) => s.title.startsWith(title));
const col = (s: Summary, h: string, row = s.rows.length - 1) => Number(s.rows[row][s.headers.indexOf(h)]);

function checkBook(input: ReportInput): void {
  const { sheets } = buildReports(input);
  for (const sh of sheets) for (const s of sh.summaries) expectFoots(sh, s);
  // Every cut of Profitability (category/item, month, location, customer, cost center) shows the same totals.
  const prof = sheets.find((x) => x.name === "Profitability");
  if (prof) {
    const totals = prof.summaries
      .filter((s) => s.rows[s.rows.length - 1]?.[0] === "Total" && s.headers.includes("COGS"))
      .map((s) => [cents(col(s, "Revenue")), cents(col(s, "COGS"))]);
    expect(totals.length).toBeGreaterThanOrEqual(4);
    for (const t of totals) expect(t).toEqual(totals[0]);
  }
  const acc = input.settings.accounts;
  const journal = sheets.find((s) => s.name === "Journal");
  const jl = journal ? journal.tables[0] : null;
  const debits = (account: string) =>
    jl
      ? sumCents(jl.rows.filter((r) => r[3] === account).map((r) => r[6])) -
        sumCents(jl.rows.filter((r) => r[3] === account).map((r) => r[7]))
      : 0;
  const roll = summary(sheets, "Inventory Valuation", "Inventory roll-forward");
  if (roll) expect(debits(acc.cogs)).toBe(cents(col(roll, "COGS")));
  if (roll) expectYearsAgree(sheets, roll, jl?.rows ?? [], acc);
  // The ageing buckets hold the stock the roll-forward closes with: one closing value on the sheet.
  const ageing = summary(sheets, "Inventory Valuation", "Ageing");
  if (roll && ageing) expect(cents(col(ageing, "Value"))).toBe(cents(col(roll, "Closing value")));
  const depr = summary(sheets, "Depreciation", "Depreciation by category");
  if (depr) {
    const total = cents(col(depr, "Total"));
    expect(debits(acc.depreciationExpense)).toBe(total);
    const cc = summary(sheets, "Profitability", "Profit by cost center");
    if (cc) expect(cents(col(cc, "Depreciation"))).toBe(total);
  }
}

/**
 * A period of several fiscal years: each year's line on "By fiscal year" closes (its check is its gap), opens with
 * the closing of the year before, and carries the amounts that year's journal entries post (COGS-FY…, the net
 * movement of the inventory account); its Period line is the roll-forward's Total, flows being the years' sum.
 */
function expectYearsAgree(
  sheets: SheetModel[],
  roll: Summary,
  journal: ReportCell[][],
  acc: ReportInput["settings"]["accounts"]
): void {
  const years = summary(sheets, "Inventory Valuation", "By fiscal year");
  const fys = [...new Set(journal.map((r) => /-FY(\d+)$/.exec(String(r[1]))?.[1]).filter((x) => x !== undefined))];
  if (!years) {
    expect(fys.length).toBeLessThanOrEqual(1);
    return;
  }
  const h = roll.headers.slice(1);
  const rows = years.rows.slice(0, -1);
  const period = years.rows[years.rows.length - 1];
  expect(period[0]).toBe("Period");
  expect(rows.length).toBeGreaterThan(1);
  const at = (r: ReportCell[], name: string) => cents(Number(r[years.headers.indexOf(name)]));
  const posted = (fy: string, account: string) =>
    sumCents(journal.filter((r) => String(r[1]).endsWith(`-FY${fy}`) && r[3] === account).map((r) => r[6])) -
    sumCents(journal.filter((r) => String(r[1]).endsWith(`-FY${fy}`) && r[3] === account).map((r) => r[7]));
  rows.forEach((r, k) => {
    const fy = /^FY(\d+)/.exec(String(r[0]))![1];
    const [o, rc, vr, adj, c, is, k2, check] = h.map((name) => at(r, name));
    expect([r[0], o + rc - vr + adj - c - is - k2]).toEqual([r[0], check]);
    if (k > 0) expect([r[0], o]).toEqual([r[0], at(rows[k - 1], "Closing value")]);
    expect([r[0], posted(fy, acc.cogs)]).toEqual([r[0], c]);
    expect([r[0], posted(fy, acc.inventory)]).toEqual([r[0], k2 - o]);
  });
  for (const name of h) {
    const i = years.headers.indexOf(name);
    expect([name, at(period, name)]).toEqual([name, cents(col(roll, name))]);
    if (name === "Opening value") expect(at(period, name)).toBe(at(rows[0], name));
    else if (name === "Closing value") expect(at(period, name)).toBe(at(rows[rows.length - 1], name));
    else expect([name, at(period, name)]).toEqual([name, sumCents(rows.map((r) => r[i]))]);
  }
}

describe("allocate", () => {
  it("rounds lines so they add to the rounded total, the leftover cent to the line that lost most", () => {
    // 0.1045 + 0.103 + 0.104 = 0.3115 → 0.31; each rounds to 0.10 (0.30): the cent goes to 0.1045 (lost 0.45 of a cent).
    expect(allocate([0.1045, 0.103, 0.104], 2)).toEqual([0.11, 0.1, 0.1]);
    // 0.333… × 3 = 1.00, each rounds to 0.33 (0.99): one cent goes to the first of the equal remainders.
    expect(allocate([1 / 3, 1 / 3, 1 / 3], 2)).toEqual([0.34, 0.33, 0.33]);
    // To a given target (a subtotal): 1.01 + 1.01 = 2.02 → 2.01, the first of equal remainders gives the cent back.
    expect(allocate([1.006, 1.006], 2, 2.01)).toEqual([1, 1.01]);
  });
});

describe("every summary foots and shared figures agree", () => {
  it("on the demo workbook (25 Nov 2026)", () => {
    checkBook(inputOf(toSerial(2026, 11, 25)));
  });

  it("on random demo-shaped books and period ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 700 }), (seed, day) => {
        checkBook(inputOf(toSerial(2025, 1, 15) + day, seed));
      }),
      { numRuns: 6 }
    );
  });

  it("over periods of one to three fiscal years, with any year end and method", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 700 }),
        fc.record({
          years: fc.integer({ min: 1, max: 3 }),
          fyEnd: fc.integer({ min: 1, max: 12 }),
          skip: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
          method: fc.constantFrom<ValuationMethod | undefined>(undefined, "FIFO", "LIFO", "WEIGHTED", "MOVING"),
        }),
        (seed, day, period) => {
          checkBook(inputOf(toSerial(2025, 1, 15) + day, seed, period));
        }
      ),
      { numRuns: 12 }
    );
  });
});
