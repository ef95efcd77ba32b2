/**
 * The payables account round-trips through the _Stockbook settings sheet, and a book saved before the setting
 * existed reads with the default "2000 Accounts payable" (the other accounts as saved).
 */
import { defaultSettings } from "../../src/engine/settings";
import { settingsFromSheetValues, settingsSheetValues } from "../../src/port/settingsSheet";

describe("settings sheet: payables account", () => {
  it("defaults to 2000 Accounts payable", () => {
    expect(defaultSettings().accounts.payables).toBe("2000 Accounts payable");
  });

  it("round-trips a changed payables account", () => {
    const s = defaultSettings();
    s.accounts.payables = "2100 Trade creditors";
    expect(settingsFromSheetValues(settingsSheetValues(s)).accounts.payables).toBe("2100 Trade creditors");
  });

  it("reads an older book without it as the default, keeping the accounts it has", () => {
    const s = defaultSettings();
    const old: Record<string, string> = { ...s.accounts, cash: "1010 Bank" };
    delete old.payables;
    const values = settingsSheetValues(s).map((r) => (r[0] === "accounts" ? ["accounts", JSON.stringify(old)] : r));
    const back = settingsFromSheetValues(values).accounts;
    expect([back.payables, back.cash]).toEqual(["2000 Accounts payable", "1010 Bank"]);
  });

  it("never reads an account as blank: blank, null or non-text accounts take their default, text is trimmed", () => {
    const s = defaultSettings();
    const edited = {
      ...s.accounts,
      payables: "   ",
      cash: null,
      cogs: { code: 5000 },
      revenue: 4010,
      inventory: " 1410 Stock ",
    };
    const values = settingsSheetValues(s).map((r) => (r[0] === "accounts" ? ["accounts", JSON.stringify(edited)] : r));
    const back = settingsFromSheetValues(values).accounts;
    expect([back.payables, back.cash, back.cogs, back.revenue, back.inventory]).toEqual([
      "2000 Accounts payable",
      "1000 Cash",
      "5000 Cost of goods sold",
      "4010",
      "1410 Stock",
    ]);
  });
});
