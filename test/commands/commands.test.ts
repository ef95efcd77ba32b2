// office-addin-mock only needs OfficeApp.Outlook from office-addin-manifest, whose ESM-only dependencies jest (CJS)
// cannot load; stub it (as test/excel/officeMock.test.ts does).
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Outlook: "outlook" } }));
import { OfficeMockObject } from "office-addin-mock";
import { onCommand, type Command } from "../../src/commands/bus";
import { generateReports, setReportRunner } from "../../src/commands/commands";
import { SHEET_BUILDERS } from "../../src/engine/reports/registry";
import { TABLE_NAMES } from "../../src/engine/schema/tables";
import { defaultSettings } from "../../src/engine/settings";
import { tableSpec } from "../../src/port/setup";
import { generateReports as run } from "../../src/reports/generate";
import { excelPort, resetExcelPort } from "../../src/reports/office";
import { ExcelFake } from "../fakes/excelFake";
import { FY2025, SAMPLE, sampleBook } from "../reports/fixture";

/** Office for the command: the pane opens (counted) and the event records completed(). */
function officeHost() {
  const shown = { count: 0 };
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
    addin: {
      showAsTaskpane: async () => {
        shown.count++;
      },
    },
  });
  const event = { completed: jest.fn() } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
  return { shown, event };
}

function listen(): Command[] {
  const seen: Command[] = [];
  onCommand((c) => {
    seen.push(c);
  });
  return seen;
}

afterEach(() => {
  setReportRunner(null);
  resetExcelPort();
});

describe("ribbon: Generate reports", () => {
  it("opens the pane, runs the reports, streams progress on the bus and completes the event", async () => {
    const { shown, event } = officeHost();
    const wb = await sampleBook();
    setReportRunner((onProgress) => run(wb, FY2025, onProgress));
    const seen = listen();
    await generateReports(event);
    expect(shown.count).toBe(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(seen[0]).toEqual({ kind: "reportsStarted" });
    expect(seen.filter((c) => c.kind === "reportProgress").length).toBeGreaterThan(5);
    expect(seen[seen.length - 1]).toMatchObject({
      kind: "reportsDone",
      sheets: expect.arrayContaining(["Depreciation", "Asset Summary", "Journal", "Issues"]),
      pivotFallback: null,
    });
    expect(wb.sheets.has("Journal")).toBe(true);
  });

  it("tells the pane what went wrong and still completes the event", async () => {
    const { event } = officeHost();
    setReportRunner(async () => {
      throw new Error("Reports were not generated: the workbook is protected.");
    });
    const seen = listen();
    await generateReports(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(seen[seen.length - 1]).toEqual({
      kind: "error",
      message: "Reports were not generated: the workbook is protected.",
    });
  });

  it("completes the event even when the pane cannot be shown", async () => {
    (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
      addin: {
        showAsTaskpane: async () => {
          throw new Error("not supported");
        },
      },
    });
    const event = { completed: jest.fn() } as unknown as Office.AddinCommands.Event;
    const wb = await sampleBook();
    setReportRunner((onProgress) => run(wb, FY2025, onProgress));
    const seen = listen();
    await generateReports(event);
    expect(event.completed).toHaveBeenCalled();
    expect(seen[seen.length - 1].kind).toBe("reportsDone");
  });

  it("on a double click makes one set of reports and tells the second click why it did nothing", async () => {
    const { event } = officeHost();
    const wb = await sampleBook();
    setReportRunner((onProgress) => run(wb, FY2025, onProgress));
    const seen = listen();
    await Promise.all([generateReports(event), generateReports(event)]);
    expect(event.completed).toHaveBeenCalledTimes(2);
    expect(seen.filter((c) => c.kind === "reportsDone")).toHaveLength(1);
    expect(seen.find((c) => c.kind === "error")).toEqual({
      kind: "error",
      message: "Reports are already being generated; wait for that run to finish.",
    });
    expect((await wb.readSettings()).ownedSheets.sort()).toEqual(SHEET_BUILDERS.map((b) => b.sheet).sort());
  });

  it("runs through the Office.js port by default (against the stateful Excel fake)", async () => {
    const { event } = officeHost();
    const fake = new ExcelFake();
    const port = excelPort(fake.run, () => true);
    const settings = defaultSettings();
    for (const n of TABLE_NAMES) {
      const spec = tableSpec(n, settings);
      await port.createTable({ ...spec, rows: (SAMPLE[n] ?? []).map((r) => spec.headers.map((h) => r[h] ?? null)) });
    }
    const seen = listen();
    await generateReports(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    const done = seen[seen.length - 1];
    expect(done.kind).toBe("reportsDone");
    const names = fake.state.sheets.map((s) => s.name);
    for (const s of ["Depreciation", "Asset Summary", "Journal", "Issues"]) expect(names).toContain(s);
    expect(names.some((n) => n.endsWith("~new"))).toBe(false);
    expect(fake.state.pivots.length).toBeGreaterThan(0);
    // Port-level progress (chunked writes) reaches the pane too.
    expect(seen.some((c) => c.kind === "reportProgress" && c.step.startsWith("Writing"))).toBe(true);
  });
});
