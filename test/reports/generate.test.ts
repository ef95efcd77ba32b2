import { SHEET_BUILDERS } from "../../src/engine/reports/registry";
import { MemoryWorkbook } from "../../src/port/memory";
import type { SheetSpec, WorkbookPort } from "../../src/port/types";
import { generateReports } from "../../src/reports/generate";
import { ReportError } from "../../src/reports/errors";
import { ReportsBusyError } from "../../src/reports/lock";
import { utcOffsetText } from "../../src/engine/reports/text";
import { FY2025, sampleBook } from "./fixture";

/** The header states the clock's UTC offset (the test machine's zone for these local Dates). */
const zone = (d: Date) => ` (${utcOffsetText(-d.getTimezoneOffset() || 0)})`;

/** Every registered sheet (the sample has data for each); this runner's own are checked by name below. */
const REPORTS = SHEET_BUILDERS.map((b) => b.sheet);

/** Text of every cell of a sheet, for looking things up the way a reader would. */
const flat = (wb: MemoryWorkbook, sheet: string) => wb.sheetValues(sheet).flat();

describe("generateReports (in-memory port)", () => {
  it("writes every report sheet with its tables, PivotTables and header, under the final names", async () => {
    const wb = await sampleBook();
    const res = await generateReports(wb, FY2025);
    expect(res.sheets).toEqual(REPORTS);
    for (const s of REPORTS) expect(wb.sheets.has(s)).toBe(true);
    expect([...wb.sheets.keys()].some((k) => k.endsWith("~new"))).toBe(false);
    expect([...wb.tables.keys()].some((k) => k.endsWith("_new"))).toBe(false);
    const dep = wb.sheets.get("Depreciation")!;
    expect(dep.pivots.map((p) => [p.name, p.sourceTable, p.rows, p.columns])).toEqual([
      ["PT_DeprByCategory", "SB_Depreciation", ["Category"], ["FiscalYear"]],
      ["PT_NbvByCategory", "SB_Depreciation", ["Category"], ["FiscalYear"]],
    ]);
    expect(res.pivots).toBe([...wb.sheets.values()].reduce((n, sh) => n + sh.pivots.length, 0));
    expect(wb.sheets.get("Asset Summary")!.pivots).toHaveLength(3);
    expect(res.pivotFallback).toBeNull();
    // With PivotTables in place, their static stand-ins are not written; the roll-forward checks always are.
    const cells = flat(wb, "Depreciation");
    expect(cells).not.toContain("Depreciation by category and fiscal year");
    expect(cells).toContain("Fixed assets at cost: opening + additions − disposals = closing");
    expect(cells).toContain("Period: 1 Jan 2025 to 31 Dec 2025 (FY2025; fiscal year ends in December)");
    expect(cells).toContain(`Generated: 15 Jan 2026 09:30${zone(new Date(2026, 0, 15, 9, 30))}`);
    expect(wb.active).toBe(REPORTS[0]);
  });

  it("never modifies the source tables", async () => {
    const wb = await sampleBook();
    const before = JSON.stringify([...wb.tables.values()].filter((t) => !t.name.startsWith("SB_")));
    await generateReports(wb, FY2025);
    const after = JSON.stringify([...wb.tables.values()].filter((t) => !t.name.startsWith("SB_")));
    expect(after).toBe(before);
  });

  it("passes user text through as values (the formula-looking AssetID is a plain value on the report)", async () => {
    const wb = await sampleBook();
    await generateReports(wb, FY2025);
    expect(wb.tables.get("SB_AssetFacts")!.rows.map((r) => r[0])).toContain('=HYPERLINK("x")');
  });

  it("lists the bad ledger row on Issues", async () => {
    const wb = await sampleBook();
    const res = await generateReports(wb, FY2025);
    const issues = wb.tables.get("SB_Issues")!.rows;
    expect(issues.some((r) => r[0] === "Ledger" && r[1] === 4 && r[2] === "Date")).toBe(true);
    expect(res.issues).toBe(issues.length);
  });

  it("shows the static summaries with a note where PivotTables are unsupported", async () => {
    const wb = await sampleBook({ pivotsSupported: false });
    const res = await generateReports(wb, FY2025);
    expect(res.pivots).toBe(0);
    expect(res.pivotFallback).toMatch(/ExcelApi 1.8/);
    for (const s of REPORTS) expect(wb.sheets.get(s)!.pivots).toEqual([]);
    const cells = flat(wb, "Depreciation");
    expect(cells).toContain("Depreciation by category and fiscal year");
    expect(cells.some((c) => typeof c === "string" && c.includes("stand in for the PivotTables"))).toBe(true);
    expect(flat(wb, "Asset Summary")).toContain("Assets by location");
  });

  it("where PivotTables are unsupported, writes each sheet once, with its static summaries from the start", async () => {
    const wb = await sampleBook({ pivotsSupported: false });
    const writes = jest.spyOn(wb, "writeSheet");
    const res = await generateReports(wb, FY2025);
    expect(writes.mock.calls.map(([spec]) => spec.name)).toEqual(REPORTS.map((r) => `${r}~new`));
    expect(res.pivotFallback).toMatch(/ExcelApi 1.8/);
  });

  it("sheet by sheet too (a port without the batch forms), pivotSupport makes each sheet be written once", async () => {
    const wb = await sampleBook({ pivotsSupported: false });
    const writes = jest.spyOn(wb, "writeSheet");
    const batch = ["overview", "readTables", "writeSheets", "addPivots", "addCharts", "finishSheets"];
    const plain = new Proxy(wb, {
      get(target, prop, recv) {
        if (typeof prop === "string" && batch.includes(prop)) return undefined;
        const v = Reflect.get(target, prop, recv);
        return typeof v === "function" ? v.bind(target) : v;
      },
    }) as WorkbookPort;
    const res = await generateReports(plain, FY2025);
    expect(writes.mock.calls.map(([spec]) => spec.name)).toEqual(REPORTS.map((r) => `${r}~new`));
    expect(res.pivotFallback).toMatch(/ExcelApi 1.8/);
    expect(flat(wb, "Depreciation")).toContain("Depreciation by category and fiscal year");
  });

  it("replaces its own earlier report sheets on a re-run and nothing else", async () => {
    const wb = await sampleBook();
    wb.addUserSheet("My notes", [["keep me"]]);
    await generateReports(wb, FY2025);
    await generateReports(wb, { ...FY2025, now: new Date(2026, 0, 16, 8, 0) });
    expect(flat(wb, "Journal")).toContain(`Generated: 16 Jan 2026 08:00${zone(new Date(2026, 0, 16, 8, 0))}`);
    expect(wb.sheetValues("My notes")).toEqual([["keep me"]]);
    expect((await wb.readSettings()).ownedSheets.sort()).toEqual([...REPORTS].sort());
  });

  it("refuses to replace a user's sheet that has a report's name, changing nothing", async () => {
    const wb = await sampleBook();
    wb.addUserSheet("Journal", [["mine"]]);
    await expect(generateReports(wb, FY2025)).rejects.toThrow(/Journal exists and is not one Stockbook made/);
    expect(wb.sheetValues("Journal")).toEqual([["mine"]]);
    expect([...wb.sheets.keys()].filter((k) => k.endsWith("~new"))).toEqual([]);
    expect(wb.sheets.has("Depreciation")).toBe(false);
  });

  it("removes the sheets it created when a write fails part-way and keeps the earlier reports", async () => {
    const wb = await sampleBook();
    await generateReports(wb, FY2025);
    const before = wb.sheetValues("Depreciation");
    let writes = 0;
    // Without the batch form (src/port/batch.ts then writes sheet by sheet), the third sheet's write fails.
    const failing = new Proxy(wb, {
      get(target, prop, recv) {
        if (prop === "writeSheets") return undefined;
        if (prop === "writeSheet")
          return async (spec: SheetSpec) => {
            if (++writes === 3) throw new Error("The host ran out of memory.");
            return target.writeSheet(spec);
          };
        const v = Reflect.get(target, prop, recv);
        return typeof v === "function" ? v.bind(target) : v;
      },
    }) as WorkbookPort;
    const err = await generateReports(failing, { ...FY2025, now: new Date(2026, 1, 1) }).catch((e) => e);
    expect(err).toBeInstanceOf(ReportError);
    expect(err.message).toMatch(/The host ran out of memory\..*left as they were/);
    expect([...wb.sheets.keys()].filter((k) => k.endsWith("~new"))).toEqual([]);
    expect(wb.sheetValues("Depreciation")).toEqual(before);
    expect((await wb.readSettings()).ownedSheets.sort()).toEqual([...REPORTS].sort());
  });

  it("serializes a double click: the second run is refused while the first completes one consistent set", async () => {
    const wb = await sampleBook();
    const [a, b] = await Promise.allSettled([generateReports(wb, FY2025), generateReports(wb, FY2025)]);
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("rejected");
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(ReportsBusyError);
    expect((await wb.readSettings()).ownedSheets.sort()).toEqual([...REPORTS].sort());
    // and once it is done, a new run goes ahead
    await expect(generateReports(wb, FY2025)).resolves.toMatchObject({ sheets: REPORTS });
  });

  it("reports progress through the port and the callback, ending with Done", async () => {
    const seen: string[] = [];
    const wb = await sampleBook({ onProgress: (p) => seen.push(p.step) });
    const cb: string[] = [];
    await generateReports(wb, FY2025, (p) => cb.push(p.step));
    expect(cb[0]).toBe("Reading Assets");
    expect(cb).toContain("Writing Journal");
    expect(cb[cb.length - 1]).toBe("Done");
    expect(seen).toEqual(cb);
  });

  it("refuses a period that ends before it starts, before writing anything", async () => {
    const wb = await sampleBook();
    await expect(generateReports(wb, { from: FY2025.to, to: FY2025.from })).rejects.toThrow(/starts after it ends/);
    expect(wb.sheets.has("Issues")).toBe(false);
  });

  it("deletes an earlier report that has nothing to show any more", async () => {
    const wb = await sampleBook();
    await generateReports(wb, FY2025);
    wb.tables.get("Assets")!.rows = [];
    wb.tables.get("Checkouts")!.rows = [];
    const res = await generateReports(wb, FY2025);
    expect(res.sheets).toEqual(expect.arrayContaining(["Journal", "Issues"]));
    expect(res.sheets).not.toContain("Depreciation");
    expect(wb.sheets.has("Depreciation")).toBe(false);
    expect(wb.sheets.has("Asset Summary")).toBe(false);
  });
});
