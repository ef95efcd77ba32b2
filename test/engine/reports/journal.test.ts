import { buildJournal } from "../../../src/engine/reports/journal";
import { depreciationJournal, disposalJournal } from "../../../src/engine/reports/journalDepreciation";
import type { JournalSource } from "../../../src/engine/reports/journalTypes";
import { defaultSettings } from "../../../src/engine/settings";
import { d, makeContext, summaryRows, tableRows } from "./fixture";

const assets = [
  { AssetID: "A-1", Category: "Vehicles", AcquiredOn: d(2024, 1, 1), Cost: 10000, Salvage: 1000, LifeYears: 5 },
  {
    AssetID: "A-2",
    Category: "IT",
    AcquiredOn: d(2023, 1, 1),
    Cost: 12000,
    LifeYears: 4,
    Status: "Disposed",
    DisposedOn: d(2025, 7, 1),
    DisposalProceeds: 5000,
  },
  {
    AssetID: "A-3",
    Category: "IT",
    AcquiredOn: d(2023, 1, 1),
    Cost: 12000,
    LifeYears: 4,
    Status: "Disposed",
    DisposedOn: d(2025, 7, 1),
    DisposalProceeds: 1000,
  },
];
const FY2025 = { from: d(2025, 1, 1), to: d(2025, 12, 31) };
const sources = [depreciationJournal, disposalJournal];

describe("Journal sheet", () => {
  const sheet = buildJournal(makeContext({ Assets: assets }, FY2025), sources)!;
  const lines = tableRows(sheet);
  const A = defaultSettings().accounts;

  it("posts depreciation: Dr expense / Cr accumulated depreciation per category (IT 1,500 + 1,500; vehicles 1,800)", () => {
    const dep = lines.filter((l) => l.Source === "Depreciation");
    expect(dep.map((l) => [l.Account, l.Reference, l.Debit, l.Credit])).toEqual([
      [A.depreciationExpense, "IT", 3000, 0],
      [A.accumulatedDepreciation, "IT", 0, 3000],
      [A.depreciationExpense, "Vehicles", 1800, 0],
      [A.accumulatedDepreciation, "Vehicles", 0, 1800],
    ]);
    expect(dep.every((l) => l.Date === d(2025, 12, 31))).toBe(true);
  });

  it("posts a disposal at a gain: Dr cash 5,000, Dr accumulated 7,500, Cr cost 12,000, Cr gain 500", () => {
    const e = lines.filter((l) => l.Entry === "DSP-A-2");
    expect(e.map((l) => [l.Account, l.Debit, l.Credit])).toEqual([
      [A.cash, 5000, 0],
      [A.accumulatedDepreciation, 7500, 0],
      [A.fixedAssets, 0, 12000],
      [A.gainOnDisposal, 0, 500],
    ]);
  });

  it("posts a disposal at a loss: NBV 4,500 − proceeds 1,000 = loss 3,500 (Dr)", () => {
    const e = lines.filter((l) => l.Entry === "DSP-A-3");
    expect(e.find((l) => l.Account === A.lossOnDisposal)).toMatchObject({ Debit: 3500, Credit: 0 });
  });

  it("shows debits = credits per source and in total", () => {
    const bal = summaryRows(sheet, "Debits = credits");
    expect(bal[bal.length - 1]).toEqual({
      Source: "Total",
      Debit: 3000 + 1800 + 5000 + 7500 + 1000 + 7500 + 3500,
      Credit: 3000 + 1800 + 12000 + 500 + 12000,
      "Check (must be 0)": 0,
    });
    expect(sheet.notes[0]).toBe("Debits equal credits.");
  });

  it("takes account codes from the settings", () => {
    const settings = defaultSettings();
    settings.accounts.cash = "1010 Bank";
    const s = buildJournal(makeContext({ Assets: assets }, FY2025, settings), sources)!;
    expect(tableRows(s).some((l) => l.Account === "1010 Bank")).toBe(true);
  });

  it("takes lines from any plugged-in source (the hook for inventory entries) and shows an imbalance", () => {
    const extra: JournalSource = {
      name: "Test",
      lines: () => [
        {
          date: d(2025, 3, 31),
          entry: "X-1",
          source: "Test",
          account: "9999",
          description: "one-sided",
          reference: null,
          debit: 10,
          credit: 0,
        },
      ],
    };
    const s = buildJournal(makeContext({ Assets: assets }, FY2025), [...sources, extra])!;
    expect(tableRows(s)[0].Entry).toBe("X-1"); // sorted by date
    const bal = summaryRows(s, "Debits = credits");
    expect(bal[bal.length - 1]["Check (must be 0)"]).toBe(10);
    expect(s.notes[0]).toMatch(/differ/);
  });
});
