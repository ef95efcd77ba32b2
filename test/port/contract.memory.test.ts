import { MemoryWorkbook } from "../../src/port/memory";
import { describePortContract } from "./contract";

describePortContract("in-memory", async () => {
  const port = new MemoryWorkbook();
  return {
    port,
    addUserTable: async (name, header, rows, sheet) => port.addUserTable(name, header, rows, sheet ?? name),
    addUserSheet: async (name, a1) => port.addUserSheet(name, [[a1]]),
    userSheetA1: async (name) => port.sheetValues(name)[0]?.[0] ?? null,
    reopen: async () => port,
  };
});
