/**
 * BUG-H7 (docs/HARDENING.md): applyEdits across several tables (a check-out: a Checkouts row appended, the
 * asset's Status and Custodian updated, an AssetLog row appended) is sent as one request, and Excel applies a
 * request up to its failing operation. After a failure the adapter undoes what ran (appended rows deleted, old
 * values back); the task pane says "Nothing was written" only when that worked, and otherwise names the rows.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { PortError, type TableEdits } from "../../src/port/types";
import { portFailure } from "../../src/taskpane/logic/outcome";
import { ExcelFake } from "../fakes/excelFake";
import { installFakeExtras } from "./fakeExtras";

installFakeExtras();

function book(emptyLog: boolean) {
  const fake = new ExcelFake();
  fake.state.seedTable(
    "Assets",
    "Assets",
    ["AssetID", "Status", "Custodian"],
    [
      ["A-101", "In use", "Ann"],
      ["A-102", "Available", ""],
      ["A-103", "In use", '=CONCAT("B","o")'],
    ]
  );
  fake.state.seedTable("Checkouts", "Checkouts", ["AssetID", "To", "Out", "Due"], [["A-101", "Ann", 45700, 45730]]);
  fake.state.seedTable(
    "AssetLog",
    "AssetLog",
    ["AssetID", "Event", "Date"],
    emptyLog ? [["", "", ""]] : [["A-101", "Out", 45700]]
  );
  return fake;
}

const checkOut: TableEdits[] = [
  { table: "Checkouts", append: [{ AssetID: "A-102", To: "Cy", Out: 45800, Due: 45830 }] },
  {
    table: "Assets",
    update: [
      { rowIndex: 1, values: { Status: "Checked out", Custodian: "Cy" } },
      { rowIndex: 2, values: { Custodian: "Bo" } }, // over a formula: the undo puts the formula back
    ],
  },
  {
    table: "AssetLog",
    append: [
      { AssetID: "A-102", Event: "Checked out to Cy", Date: 45800 },
      { AssetID: "A-102", Event: "=1+1 typed by a user", Date: 45800 },
    ],
  },
];

/** Every sheet's cells and every table's place, in a stable order. */
const shot = (fake: ExcelFake) =>
  JSON.stringify([
    // A formula cell by its formula (the fake caches "#CALC" for a formula written back, not a computed value).
    fake.state.sheets.map((s) => [
      s.name,
      [...s.cells]
        .map(([a, c]) => [a, c.formula === undefined ? c : { ...c, value: undefined }] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ]),
    fake.state.tables.map((t) => [t.name, t.rect]),
  ]);

/** Makes every sync after the first injected failure fail too (a host that stays down). */
function down(fake: ExcelFake): OfficeWorkbook {
  return new OfficeWorkbook(
    (batch) =>
      fake.run((ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          try {
            await sync();
          } catch (e) {
            fake.failAtSync = fake.syncs + 1;
            throw e;
          }
        };
        return batch(ctx);
      }),
    { isSetSupported: () => true }
  );
}

describe("applyEdits failures are undone (BUG-H7)", () => {
  it("a check-out is still 2 syncs (layout with the undo record, the write)", async () => {
    const fake = book(false);
    const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
    await port.applyEdits(checkOut);
    expect(fake.syncs).toBe(2);
    expect((await port.readTable("Checkouts")).rows[1]).toEqual(["A-102", "Cy", 45800, 45830]);
    expect((await port.readTable("AssetLog")).rows[2]).toEqual(["A-102", "=1+1 typed by a user", 45800]);
  });

  it.each([false, true])(
    "the write request failing after any number of operations leaves every table as before (empty log: %s)",
    async (emptyLog) => {
      for (let applied = 0; applied <= 30; applied++) {
        const fake = book(emptyLog);
        const before = shot(fake);
        const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
        fake.failAtSync = 2;
        fake.applyBeforeFailure = applied;
        const err = await port.applyEdits(checkOut).then(
          () => null,
          (e: unknown) => e
        );
        fake.failAtSync = 0;
        expect(err).toBeInstanceOf(PortError);
        expect({ applied, now: shot(fake) }).toEqual({ applied, now: before });
        expect(portFailure(err).message).toMatch(/Nothing was written to the workbook\.$/);
        expect(fake.state.calculationMode).toBe("Automatic");
        // And the retry applies it once.
        await port.applyEdits(checkOut);
        expect((await port.readTable("Checkouts")).rows).toHaveLength(2);
      }
    }
  );

  it("when the undo fails too, the message names the rows to check and does not say nothing was written", async () => {
    const fake = book(false);
    const port = down(fake);
    fake.failAtSync = 2;
    fake.applyBeforeFailure = 12;
    const err = await port.applyEdits(checkOut).then(
      () => null,
      (e: unknown) => e
    );
    fake.failAtSync = 0;
    expect(err).toBeInstanceOf(PortError);
    const msg = portFailure(err).message;
    expect(msg).not.toMatch(/Nothing was written/);
    // Sheet rows as Excel shows them: header on row 1, so data row i is on row i + 2.
    expect(msg).toMatch(
      /Excel stopped part-way and the change could not be undone: check Checkouts \(Checkouts\) row 3; Assets \(Assets\) rows 3, 4; AssetLog \(AssetLog\) rows 3–4 before trying again\./
    );
  });
});
