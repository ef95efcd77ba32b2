/**
 * BUG-H5 (docs/HARDENING.md): a failed report write must leave neither the scratch sheet nor a half-written one,
 * and the owned list must stay truthful: every name on it names a sheet (a stale name would make a user's later
 * sheet of that name look like Stockbook's, and "Depreciation~new" stayed listed after its sheet was dropped).
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { PortError, tempSheetName, type CellValue, type SheetSpec } from "../../src/port/types";
import { ExcelFake } from "../fakes/excelFake";

const rows = (n: number, tag: string): CellValue[][] => Array.from({ length: n }, (_, i) => [tag, i]);
const report = (name: string, table: string, r: CellValue[][]): SheetSpec => ({
  name,
  blocks: [{ kind: "table", name: table, headers: ["SKU", "Qty"], rows: r }],
});

async function attempt(earlier: boolean, n: number, applied: number) {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true, maxRequestBytes: 20_000 });
  await port.writeSheet(report("Valuation", "Facts", rows(1, "old")));
  if (earlier) await port.writeSheet(report(tempSheetName("Depreciation"), "Depr_new", rows(1, "old")));
  fake.resetCounters();
  fake.failAtSync = n;
  fake.applyBeforeFailure = applied;
  const ok = await port.writeSheet(report(tempSheetName("Depreciation"), "Depr_new", rows(1500, "new"))).then(
    () => true,
    (e: unknown) => (e instanceof PortError ? false : Promise.reject(e))
  );
  fake.failAtSync = 0;
  return { fake, port, ok };
}

describe("writeSheet failures keep the owned list truthful (BUG-H5)", () => {
  it.each([false, true])("every sync, any operations applied (the temp sheet written before: %s)", async (earlier) => {
    const clean = await attempt(earlier, 0, 0);
    expect(clean.ok).toBe(true);
    expect(clean.fake.syncs).toBeGreaterThan(4); // state (2) and several write requests
    for (let n = 1; n <= clean.fake.syncs; n++)
      for (const applied of [0, 1, 2, 3, 5, 8, 12]) {
        const { fake, port, ok } = await attempt(earlier, n, applied);
        const names = fake.state.sheets.map((s) => s.name);
        expect(names.filter((s) => s.startsWith("~"))).toEqual([]);
        const owned = (await port.readSettings()).ownedSheets;
        const missing = owned.filter((o) => !names.includes(o));
        expect({ n, applied, missing }).toEqual({ n, applied, missing: [] });
        expect(owned).toContain("Valuation");
        if (!ok) {
          // A retry writes the sheet and lists it.
          await port.writeSheet(report(tempSheetName("Depreciation"), "Depr_new", rows(3, "again")));
          expect((await port.readSettings()).ownedSheets).toContain(tempSheetName("Depreciation"));
        }
      }
  });
});
