/**
 * A double click on "Generate reports": two runs started together on the same workbook (the task pane and the
 * ribbon share one port in the shared runtime, src/reports/office.ts). The workbook must end with one consistent
 * set of report sheets — exactly what a single run writes — and the user of a refused run must be told why.
 */
import { ReportsBusyError } from "../../src/reports/lock";
import { excelPort, generateReportsInExcel, resetExcelPort } from "../../src/reports/office";
import { generateReports } from "../../src/reports/generate";
import { baseTables, PERIOD } from "../fixtures/hostile/base";
import { officeBook, snapshot } from "./officeHarness";
import { memoryBook } from "./reportHarness";
import type { MemoryWorkbook } from "../../src/port/memory";

async function reportSheets(wb: MemoryWorkbook): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const s of await wb.ownedSheets()) out[s] = wb.sheetValues(s);
  return out;
}

/** Settles both runs; returns how many succeeded and the errors of the others. */
async function both<T>(a: Promise<T>, b: Promise<T>) {
  const r = await Promise.allSettled([a, b]);
  return {
    ok: r.filter((x) => x.status === "fulfilled").length,
    errors: r.flatMap((x) => (x.status === "rejected" ? [x.reason as unknown] : [])),
  };
}

describe("two report runs started together", () => {
  it("in memory: one set of sheets, identical to a single run's; the other run is refused with a reason", async () => {
    const single = memoryBook(baseTables());
    await generateReports(single, PERIOD);
    const wb = memoryBook(baseTables());
    const r = await both(generateReports(wb, PERIOD), generateReports(wb, PERIOD));
    expect(r.ok).toBeGreaterThanOrEqual(1);
    for (const e of r.errors) {
      expect(e).toBeInstanceOf(ReportsBusyError);
      expect((e as Error).message).toMatch(/already being generated/);
    }
    expect(await reportSheets(wb)).toEqual(await reportSheets(single));
    expect([...wb.sheets.keys()].filter((k) => k.endsWith("~new"))).toEqual([]);
    expect([...wb.tables.keys()].filter((k) => k.endsWith("_new"))).toEqual([]);
  });

  it("through Office.js: the workbook ends exactly as after a single run", async () => {
    const single = officeBook(baseTables());
    await generateReports(single.port, PERIOD);
    const b = officeBook(baseTables());
    const r = await both(generateReports(b.port, PERIOD), generateReports(b.port, PERIOD));
    expect(r.ok).toBeGreaterThanOrEqual(1);
    for (const e of r.errors) expect(e).toBeInstanceOf(ReportsBusyError);
    expect(snapshot(b.fake)).toEqual(snapshot(single.fake));
  });

  it("inside Excel: the ribbon and the task pane clicking together share one port and one run", async () => {
    const single = officeBook(baseTables());
    await generateReports(single.port, PERIOD);
    const b = officeBook(baseTables());
    resetExcelPort();
    try {
      excelPort(b.fake.run, () => true);
      const r = await both(generateReportsInExcel(PERIOD), generateReportsInExcel(PERIOD));
      expect(r.ok).toBeGreaterThanOrEqual(1);
      for (const e of r.errors) expect(e).toBeInstanceOf(ReportsBusyError);
      expect(snapshot(b.fake)).toEqual(snapshot(single.fake));
    } finally {
      resetExcelPort();
    }
  });

  it("a second click after the first run finished replaces the reports with an identical set", async () => {
    const wb = memoryBook(baseTables());
    await generateReports(wb, PERIOD);
    const first = await reportSheets(wb);
    await generateReports(wb, PERIOD);
    expect(await reportSheets(wb)).toEqual(first);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["Issues"]));
  });
});
