/** Bugs the hostile tables found (docs/HARDENING.md BUG-H2..H4), fixed; kept as regression tests. */
import { generateReports } from "../../../src/reports/generate";
import { PERIOD } from "../../fixtures/hostile/base";
import { HOSTILE_KINDS } from "../../fixtures/hostile/kinds";
import { MAX_CELL_TEXT } from "../arbitraries";
import { generatedCells, issuesOf, memoryBook } from "../reportHarness";

const kindNamed = (name: string) => {
  const k = HOSTILE_KINDS.find((x) => x.name === name);
  if (!k) throw new Error(name);
  return k;
};

async function issuesFor(name: string) {
  const k = kindNamed(name);
  const wb = memoryBook(k.tables);
  await generateReports(wb, PERIOD);
  return { k, wb, issues: issuesOf(wb) };
}

describe("hostile tables: fixed bugs stay fixed", () => {
  // BUG-H2: a Ledger SKU that Items does not list was valued silently as a stock item by the default method.
  it("lists Ledger rows whose SKU is not in Items", async () => {
    const { k, issues } = await issuesFor("unknown SKU in the Ledger");
    for (const row of k.flagged?.Ledger ?? []) {
      expect(issues.some((i) => i.table === "Ledger" && i.row === row)).toBe(true);
    }
  });

  // BUG-H3: a CustomerReturn whose Reference names no Sale of that SKU was taken in silently.
  it("lists a customer return whose Reference matches no sale", async () => {
    const { k, issues } = await issuesFor("return without a matching sale");
    for (const row of k.flagged?.Ledger ?? []) {
      expect(issues.some((i) => i.table === "Ledger" && i.row === row)).toBe(true);
    }
  });

  // BUG-H4: user text longer than an Excel cell (possible in .xlsx files from other tools) was copied whole into
  // report cells; Excel refuses such a value (Office.js InvalidArgument) and other readers truncate or complain.
  it("never writes text longer than 32,767 characters into a report cell", async () => {
    const { wb } = await issuesFor("100,000-character text");
    const long = (await generatedCells(wb)).filter(({ v }) => typeof v === "string" && v.length > MAX_CELL_TEXT);
    expect(long.map(({ sheet, r, c }) => `${sheet}!R${r + 1}C${c + 1}`)).toEqual([]);
  });
});
