/**
 * After a failed write the pane says what Excel really left behind: "nothing was written" only when the tables
 * are as they were, else the rows added or changed (Excel has no rollback; BUG-H7).
 */
import { fillMemoryWorkbook } from "../../src/demo";
import { toSerial } from "../../src/engine/dates";
import { openBook } from "../../src/port/book";
import { MemoryWorkbook } from "../../src/port/memory";
import { PortError, type TableEdits } from "../../src/port/types";
import { applyChecked } from "../../src/taskpane/logic/checkedWrite";

const TODAY = toSerial(2026, 3, 16);

async function setup() {
  const wb = new MemoryWorkbook();
  fillMemoryWorkbook(wb, TODAY);
  const book = await openBook(wb);
  const edits: TableEdits[] = [
    { table: "Checkouts", append: [{ AssetID: "IT-002", CheckedOutTo: "Ann", CheckedOutOn: TODAY }] },
    { table: "Assets", update: [{ rowIndex: 1, values: { Status: "Checked out", Custodian: "Ann" } }] },
  ];
  return { wb, book, edits };
}

/** A host that applies the first `n` edits and then fails, as Excel does when a sync fails part-way. */
function failAfter(wb: MemoryWorkbook, n: number) {
  const apply = wb.applyEdits.bind(wb);
  wb.applyEdits = async (edits) => {
    if (n > 0) await apply(edits.slice(0, n));
    throw new PortError("Excel could not change the tables: the request failed.");
  };
}

describe("applyChecked", () => {
  it("writes the edits and reports nothing when the host succeeds", async () => {
    const { wb, book, edits } = await setup();
    const before = wb.tables.get("Checkouts")!.rows.length;
    expect(await applyChecked(book, edits)).toBeNull();
    expect(wb.tables.get("Checkouts")!.rows).toHaveLength(before + 1);
    expect(wb.tables.get("Assets")!.rows[1][5]).toBe("Checked out");
  });

  it('says "nothing was written" when the tables are as they were', async () => {
    const { wb, book, edits } = await setup();
    failAfter(wb, 0);
    expect(await applyChecked(book, edits)).toEqual({
      ok: false,
      message: "Excel could not change the tables: the request failed. Nothing was written to the workbook.",
    });
  });

  it("names the rows a part-way failure left behind, and never claims nothing was written", async () => {
    const { wb, book, edits } = await setup();
    failAfter(wb, 1);
    const out = await applyChecked(book, edits);
    expect(out?.ok).toBe(false);
    expect(out?.message).toContain("Excel stopped part-way: 1 row added to Checkouts; the rest was not written.");
    expect(out?.message).not.toMatch(/nothing was written/i);
  });

  it("notices changed cells too (sheet row numbers as Excel shows them)", async () => {
    const { wb, book, edits } = await setup();
    failAfter(wb, 1);
    const out = await applyChecked(book, [edits[1], edits[0]]);
    // Data row index 1 is sheet row 3 under a header on row 1.
    expect(out?.message).toContain("Assets row 3 changed");
  });
});
