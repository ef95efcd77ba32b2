/**
 * The demo workbook must read as clean data: every row parses, the register checks find nothing, the ledger
 * values without a single negative-stock error, and the stories the task pane shows (overdue loans, expiring
 * warranties, items to reorder) are there.
 */
import { overdueLoans, registerIssues, warrantiesExpiring } from "../../src/engine/assets";
import { toSerial } from "../../src/engine/dates";
import { readLedger, reorder, valueLedger } from "../../src/engine/inventory";
import { parseTable, TABLE_NAMES } from "../../src/engine/schema";
import { demoWorkbook, fillMemoryWorkbook } from "../../src/demo";
import { openBook } from "../../src/port/book";
import { MemoryWorkbook } from "../../src/port/memory";

const TODAY = toSerial(2026, 3, 15);
const data = demoWorkbook(TODAY);

describe("demo workbook", () => {
  it.each(TABLE_NAMES)("%s parses with zero skipped rows and no issues", (name) => {
    const t = data[name];
    const parsed = parseTable(name, t.header, t.rows);
    expect(parsed.missingRequired).toEqual([]);
    expect(parsed.rowsSkipped).toBe(0);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toHaveLength(t.rows.length);
  });

  it("is the same on every run (fixed seed) and different for another seed", () => {
    expect(demoWorkbook(TODAY)).toEqual(data);
    expect(demoWorkbook(TODAY, 7).Assets.rows).not.toEqual(data.Assets.rows);
  });

  it("holds the register described: ~60 assets, 4 categories, 5 locations, loans overdue, warranties expiring", () => {
    const assets = parseTable("Assets", data.Assets.header, data.Assets.rows).rows;
    const checkouts = parseTable("Checkouts", data.Checkouts.header, data.Checkouts.rows).rows;
    const log = parseTable("AssetLog", data.AssetLog.header, data.AssetLog.rows);
    expect(assets.length).toBeGreaterThanOrEqual(55);
    expect(assets.length).toBeLessThanOrEqual(65);
    expect(new Set(assets.map((a) => a.Category)).size).toBe(4);
    const places = new Set([...assets.map((a) => a.Location), ...checkouts.map((c) => c.Location)]);
    places.delete(null);
    expect(places.size).toBe(5);
    expect(overdueLoans(checkouts, TODAY).length).toBeGreaterThanOrEqual(3);
    expect(warrantiesExpiring(assets, TODAY, 30).length).toBe(6);
    expect(assets.filter((a) => a.Status === "Disposed").length).toBeGreaterThan(0);
    // The register checks (status vs open loans, custodian vs borrower, dates in order) find nothing.
    expect(
      registerIssues({
        assets: parseTable("Assets", data.Assets.header, data.Assets.rows),
        checkouts: parseTable("Checkouts", data.Checkouts.header, data.Checkouts.rows),
        log,
      })
    ).toEqual([]);
    // No event is dated in the future and the log is in date order.
    const dates = log.rows.map((r) => r.Date);
    expect(Math.max(...dates)).toBeLessThanOrEqual(TODAY);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
  });

  it("has ~150 items with a few services and two years of ledger that never goes below zero", () => {
    const input = readLedger(data.Ledger, data.Items);
    expect(input.items.length).toBeGreaterThanOrEqual(140);
    expect(input.items.filter((i) => i.Kind === "Service").length).toBeGreaterThanOrEqual(3);
    expect(input.tableError).toBeNull();
    expect(input.skuErrors.size).toBe(0);
    const dates = input.rows.map((r) => r.Date);
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThan(700);
    const types = new Set(input.rows.map((r) => r.Type));
    expect([...types].sort()).toEqual(
      ["Adjustment", "CustomerReturn", "Issue", "Receipt", "Sale", "Transfer", "VendorReturn"].sort()
    );
    const v = valueLedger(input.compiled, { allowNegativeStock: false, to: TODAY });
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.issues.filter((i) => /below zero/.test(i.message))).toEqual([]);
    expect(v.items.filter((r) => r.error !== null)).toEqual([]);
    // Every return names an original of the same SKU and of the right type, dated before it.
    for (const r of input.rows.filter((x) => x.Type === "CustomerReturn" || x.Type === "VendorReturn")) {
      const want = r.Type === "CustomerReturn" ? "Sale" : "Receipt";
      const orig = input.rows.find((o) => o.Type === want && o.Reference === r.Reference && o.SKU === r.SKU);
      expect(orig).toBeDefined();
      expect(orig!.Date).toBeLessThan(r.Date);
    }
    // Some items are at or below their reorder point today: the low-stock list has something to show.
    const low = input.items.filter((it) => {
      const res = v.get(it.SKU);
      return res && !res.service && reorder(res, it).suggestedOrder > 0;
    });
    expect(low.length).toBeGreaterThan(0);
  });

  it("fillMemoryWorkbook loads the tables where openBook finds them", async () => {
    const wb = new MemoryWorkbook();
    fillMemoryWorkbook(wb, TODAY);
    const book = await openBook(wb);
    expect(Object.keys(book.tables).sort()).toEqual([...TABLE_NAMES].sort());
    expect(book.tables.Ledger?.rowCount).toBe(data.Ledger.rows.length);
    const partial = new MemoryWorkbook();
    fillMemoryWorkbook(partial, TODAY, { omit: ["AssetLog"] });
    expect(Object.keys((await openBook(partial)).tables)).not.toContain("AssetLog");
  });
});
