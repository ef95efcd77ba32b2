/**
 * BUG-H8 (docs/HARDENING.md): a sync failing inside swapSheets, after any number of its operations, must not
 * leave a sheet under a final name that the owned list does not name (it locked out every later run), must not
 * leave a sheet half swapped (its tables under temp names), and a later run must work.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { PortError, tempSheetName, type SheetSpec } from "../../src/port/types";
import { ExcelFake } from "../fakes/excelFake";

const report = (name: string, table: string, tag: string): SheetSpec => ({
  name,
  blocks: [{ kind: "table", name: table, headers: ["SKU", "Qty"], rows: [[tag, 1]] }],
});
const A = tempSheetName("Valuation");
const B = tempSheetName("Profit");

/** Two temp sheets (two tables on the first) written as a report run does; `earlier` adds the old finals first. */
async function prepared(earlier: boolean) {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  const write = async (tag: string, sfx: string, va: string, pr: string) => {
    await port.writeSheet({
      name: va,
      blocks: [
        { kind: "table", name: `Facts${sfx}`, headers: ["SKU", "Qty"], rows: [[tag, 1]] },
        { kind: "table", name: `More${sfx}`, headers: ["SKU", "Qty"], rows: [[tag, 2]] },
      ],
    });
    await port.writeSheet(report(pr, `Profits${sfx}`, tag));
  };
  if (earlier) {
    await write("old", "", A, B);
    await port.swapSheets([
      { temp: A, final: "Valuation" },
      { temp: B, final: "Profit" },
    ]);
  }
  await write("new", "_new", A, B);
  return { fake, port };
}
const pairs = [
  { temp: A, final: "Valuation" },
  { temp: B, final: "Profit" },
];

/** Makes every sync after the first injected failure fail too (a host that stays down). */
function persistent(fake: ExcelFake): OfficeWorkbook {
  const run = fake.run;
  return new OfficeWorkbook(
    (batch) =>
      run((ctx) => {
        const sync = ctx.sync.bind(ctx);
        const failing = async (): Promise<void> => {
          try {
            await sync();
          } catch (e) {
            fake.failAtSync = fake.syncs + 1;
            throw e;
          }
        };
        (ctx as unknown as { sync: () => Promise<void> }).sync = failing;
        return batch(ctx);
      }),
    { isSetSupported: () => true }
  );
}

function checkSheets(fake: ExcelFake, owned: string[]) {
  for (const s of ["Valuation", "Profit"]) {
    const sh = fake.state.findSheet(s);
    if (!sh) continue;
    // Any sheet under a final name is ours, and whole: old or new, never with a table under a temp name.
    expect(owned).toContain(s);
    const tables = fake.state.tables.filter((t) => t.sheet === sh).map((t) => t.name);
    expect(tables.filter((t) => t.endsWith("_new"))).toEqual([]);
  }
}

describe("swapSheets failures (BUG-H8)", () => {
  it.each([false, true])(
    "a swap sync failing after any number of operations completes it (earlier: %s)",
    async (earlier) => {
      const clean = await prepared(earlier);
      clean.fake.resetCounters();
      await clean.port.swapSheets(pairs);
      const syncs = clean.fake.syncs;
      for (let n = 1; n <= syncs; n++)
        for (const applied of [0, 1, 2, 3, 4, 5, 6, 8, 10]) {
          const { fake, port } = await prepared(earlier);
          fake.resetCounters();
          fake.failAtSync = n;
          fake.applyBeforeFailure = applied;
          const ok = await port.swapSheets(pairs).then(
            () => true,
            (e: unknown) => (e instanceof PortError ? false : Promise.reject(e))
          );
          fake.failAtSync = 0;
          const owned = (await port.readSettings()).ownedSheets;
          checkSheets(fake, owned);
          if (ok) {
            // Done means done: both finals are the new sheets, no temp is left or listed.
            expect(fake.state.findSheet(A)).toBeUndefined();
            expect(fake.state.findSheet(B)).toBeUndefined();
            expect(fake.state.findSheet("Valuation")?.cell(1, 0).value).toBe("new");
            expect(fake.state.findSheet("Profit")?.cell(1, 0).value).toBe("new");
            expect(owned).not.toContain(A);
          }
        }
    }
  );

  it("the first run's finals are listed before anything is renamed (one request more, only on the first run)", async () => {
    const first = await prepared(false);
    first.fake.resetCounters();
    await first.port.swapSheets(pairs);
    expect(first.fake.syncs).toBe(4); // state (2), the owned list with the finals, the swap
    const again = await prepared(true);
    again.fake.resetCounters();
    await again.port.swapSheets(pairs);
    expect(again.fake.syncs).toBe(3); // the finals are listed already
  });

  it("when Excel stays down, the error says the swap stopped part-way and a later run still works", async () => {
    for (const applied of [1, 2, 3, 4, 5, 6, 8, 10]) {
      const { fake, port } = await prepared(false);
      const down = persistent(fake);
      fake.resetCounters();
      fake.failAtSync = 4; // the swap request
      fake.applyBeforeFailure = applied;
      await expect(down.swapSheets(pairs)).rejects.toThrow(/part-way; run the reports again/);
      fake.failAtSync = 0;
      const owned = (await port.readSettings()).ownedSheets;
      checkSheets(fake, owned);
      // A later run (stale temps deleted, temps rewritten, swapped) works.
      await port.deleteSheets(owned.filter((o) => o.endsWith("~new")));
      await port.writeSheet(report(A, "Facts_new", "again"));
      await port.writeSheet(report(B, "Profits_new", "again"));
      await port.swapSheets(pairs);
      expect(fake.state.findSheet("Valuation")?.cell(1, 0).value).toBe("again");
      expect(fake.state.findSheet("Profit")?.cell(1, 0).value).toBe("again");
    }
  });
});
