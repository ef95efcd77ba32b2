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
});
