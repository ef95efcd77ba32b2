// office-addin-mock only needs OfficeApp.Outlook from office-addin-manifest, whose ESM-only dependencies jest (CJS)
// cannot load; stub it.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Outlook: "outlook" } }));
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, type ExcelRun } from "../../src/excel/officeWorkbook";

/**
 * Small unit tests with office-addin-mock (stateless: it answers loads from the data given here and ignores
 * method arguments); the stateful behaviour is tested against test/fakes/excelFake.ts.
 */
function mockExcel() {
  const sheet = {
    activated: 0,
    activate: function () {
      sheet.activated++;
    },
  };
  const mock = new OfficeMockObject({
    context: { workbook: { worksheets: { getItem: () => sheet } } },
  }) as unknown as { context: Excel.RequestContext };
  const run: ExcelRun = (batch) => batch(mock.context);
  return { run, sheet };
}

describe("OfficeWorkbook with office-addin-mock", () => {
  it("activates a sheet in one batch", async () => {
    const { run, sheet } = mockExcel();
    await new OfficeWorkbook(run, { isSetSupported: () => true }).activateSheet("Valuation");
    expect(sheet.activated).toBe(1);
  });

  it("checks requirement sets through Office.context.requirements by default", async () => {
    const g = globalThis as { Office?: unknown };
    const asked: string[] = [];
    g.Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => {
            asked.push(`${set} ${version}`);
            return Number(version) < 1.8;
          },
        },
      },
    });
    try {
      const r = await new OfficeWorkbook(mockExcel().run).addPivot({
        name: "P",
        sheet: "S",
        sourceTable: "T",
        rows: ["A"],
        values: [],
      });
      // Without ExcelApi 1.8 there are no PivotTables: the caller is told to write the static summary.
      expect(r).toEqual({ ok: false, reason: expect.stringMatching(/1\.8/) });
      expect(asked).toContain("ExcelApi 1.8");
    } finally {
      delete g.Office;
    }
  });
});

describe("OfficeWorkbook.addPivots with office-addin-mock", () => {
  it("queues every PivotTable (with its hierarchies) before the one sync that adds them", async () => {
    const log: string[] = [];
    const pt = (name: string) => ({
      hierarchies: { getItem: (f: string) => f },
      rowHierarchies: { add: (f: string) => log.push(`${name} row ${f}`) },
      columnHierarchies: { add: (f: string) => log.push(`${name} column ${f}`) },
      dataHierarchies: {
        add: (f: string) => {
          log.push(`${name} value ${f}`);
          return { summarizeBy: "", name: "" };
        },
      },
    });
    // Objects returned by methods are plain (the mock wraps only the data it is given): they load as themselves.
    const range = {
      values: [["SKU", "Qty", "Value"]],
      columnIndex: 0,
      columnCount: 3,
      format: { font: {} },
      load() {
        return range;
      },
    };
    const sheet = {
      getUsedRange: () => range,
      getRange: () => range,
      pivotTables: {
        add: (name: string) => {
          log.push(`add ${name}`);
          return pt(name);
        },
      },
    };
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: { getItem: () => sheet },
          tables: { getItem: () => ({ getHeaderRowRange: () => range }) },
        },
      },
    }) as unknown as { context: { sync: () => Promise<void> } };
    const sync = mock.context.sync.bind(mock.context);
    mock.context.sync = async () => {
      log.push("sync");
      await sync();
    };
    const run: ExcelRun = (batch) => batch(mock.context as unknown as Excel.RequestContext);
    const spec = (name: string) => ({
      name,
      sheet: "S",
      sourceTable: "T",
      rows: ["SKU"],
      columns: ["Qty"],
      values: [{ field: "Value", summarizeBy: "Sum" as const }],
    });
    const r = await new OfficeWorkbook(run, { isSetSupported: () => true }).addPivots([spec("P1"), spec("P2")]);
    expect(r).toEqual([{ ok: true }, { ok: true }]);
    // One sync reads where the sheet's cells end and the source's header; one adds both PivotTables.
    expect(log).toEqual([
      "sync",
      "add P1",
      "P1 row SKU",
      "P1 column Qty",
      "P1 value Value",
      "add P2",
      "P2 row SKU",
      "P2 column Qty",
      "P2 value Value",
      "sync",
    ]);
  });
});
