/**
 * Setting up the workbook (src/port/setup.ts) through each port: on an empty workbook all five tables are created
 * with DESIGN.md's columns; on a workbook that already keeps some of them (by name or by headers) only the missing
 * ones are; a user's sheet that has a table's name is never overwritten.
 */
import { defaultSettings } from "../../src/engine/settings";
import { TABLES, TABLE_NAMES } from "../../src/engine/schema/tables";
import { missingTableSpecs, resolveTables } from "../../src/port/setup";
import { PortError } from "../../src/port/types";
import type { PortHarness } from "./contract";
import { memoryHarness, officeHarness, xlsxHarness } from "./contractHarnesses";

const harnesses: [string, () => Promise<PortHarness>][] = [
  ["in-memory", memoryHarness],
  ["Office.js over the Excel fake", officeHarness],
  ["ExcelJS files", xlsxHarness],
];

describe.each(harnesses)("setup through the %s port", (_name, make) => {
  it("creates all five tables on an empty workbook", async () => {
    const h = await make();
    for (const spec of missingTableSpecs(await h.port.listTables(), defaultSettings())) await h.port.createTable(spec);
    const port = await h.reopen();
    const tables = await port.listTables();
    for (const name of TABLE_NAMES) {
      const t = tables.find((x) => x.name === name);
      expect(t).toMatchObject({ sheet: name, rowCount: 0, headers: TABLES[name].columns.map((c) => c.name) });
    }
    expect(missingTableSpecs(tables, defaultSettings())).toEqual([]);
  });

  it("keeps a user's own ledger (recognised by its headers) and creates only what is missing", async () => {
    const h = await make();
    const header = ["Posted", "Item code", "Movement", "Qty", "Unit cost", "Warehouse"];
    const settings = {
      ...defaultSettings(),
      headerMap: { Ledger: { Date: "Posted", SKU: "Item code", Type: "Movement" } },
    };
    await h.addUserTable("StockMoves", header, [[45292, "A-1", "Receipt", 5, 2, "Main"]], "My ledger");
    const found = resolveTables(await h.port.listTables(), settings);
    expect(found.Ledger?.name).toBe("StockMoves");
    const specs = missingTableSpecs(await h.port.listTables(), settings);
    expect(specs.map((s) => s.name)).toEqual(["Assets", "Checkouts", "AssetLog", "Items"]);
    for (const spec of specs) await h.port.createTable(spec);
    const port = await h.reopen();
    expect((await port.readTable("StockMoves")).rows).toEqual([[45292, "A-1", "Receipt", 5, 2, "Main"]]);
    expect((await port.listTables()).map((t) => t.name).sort()).toEqual(
      ["AssetLog", "Assets", "Checkouts", "Items", "StockMoves"].sort()
    );
  });

  it("refuses to create a table over a user's sheet of the same name, leaving it as it was", async () => {
    const h = await make();
    await h.addUserSheet("Assets", "my notes");
    const specs = missingTableSpecs(await h.port.listTables(), defaultSettings());
    await expect(h.port.createTable(specs[0])).rejects.toBeInstanceOf(PortError);
    expect(await h.userSheetA1("Assets")).toBe("my notes");
  });
});
