import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { ExcelFake } from "../fakes/excelFake";
import { describePortContract } from "./contract";

describePortContract("Office.js over the Excel fake", async () => {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  return {
    port,
    addUserTable: async (name, header, rows, sheet) => {
      fake.state.seedTable(sheet ?? name, name, header, rows);
    },
    addUserSheet: async (name, a1) => fake.state.addSheet(name).typeValue(0, 0, a1),
    userSheetA1: async (name) => fake.state.findSheet(name)?.cell(0, 0).value ?? null,
    reopen: async () => port,
  };
});
