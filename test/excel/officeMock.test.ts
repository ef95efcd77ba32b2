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
