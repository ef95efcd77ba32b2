/** Settings page: checks as you type, saved on the workbook's settings sheet, header mapping. */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings } from "../../src/engine/settings";
import { MemoryWorkbook } from "../../src/port/memory";
import { formOf, settingsOf, settingsProblems } from "../../src/taskpane/pages/SettingsPage";
import { renderPage } from "./harness";

describe("settingsProblems", () => {
  it("accepts the defaults and refuses decimals or warning days out of range", () => {
    const f = formOf(defaultSettings());
    expect(settingsProblems(f)).toEqual({});
    expect(settingsProblems({ ...f, currencyDecimals: "7" }).currencyDecimals).toMatch(/0 to 6/);
    expect(settingsProblems({ ...f, warrantyWarningDays: "1.5" }).warrantyWarningDays).toMatch(/whole number/);
  });

  it("refuses one header standing for two columns, and drops 'automatic' entries when saving", () => {
    const f = formOf(defaultSettings());
    const twice = { ...f, headerMap: { Ledger: { Quantity: "Qty", UnitCost: "qty" } } };
    expect(settingsProblems(twice).Ledger).toMatch(/both point to "qty"/);
    const s = settingsOf(defaultSettings(), { ...f, headerMap: { Ledger: { Quantity: "Qty", UnitCost: "" } } });
    expect(s.headerMap).toEqual({ Ledger: { Quantity: "Qty" } });
  });
});

describe("Settings page", () => {
  it("saves the settings to the workbook and keeps the sheet list written by others", async () => {
    const { wb } = await renderPage("settings");
    await wb.writeSettings({ ...(await wb.readSettings()), ownedSheets: ["Profitability"] });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Fiscal year ends in" }), "6");
    const days = screen.getByRole("textbox", { name: "Warranty warning (days)" });
    await userEvent.clear(days);
    await userEvent.type(days, "60");
    await userEvent.click(screen.getByRole("switch", { name: "Allow negative stock" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Default valuation method/ }), "WEIGHTED");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    const s = await wb.readSettings();
    expect(s).toMatchObject({
      fiscalYearEndMonth: 6,
      warrantyWarningDays: 60,
      allowNegativeStock: true,
      valuationMethod: "WEIGHTED",
      ownedSheets: ["Profitability"],
    });
  });

  it("does not save while a field is wrong, and says what to fix", async () => {
    const { wb } = await renderPage("settings");
    const dec = screen.getByRole("textbox", { name: "Currency decimals" });
    await userEvent.clear(dec);
    await userEvent.type(dec, "x");
    expect(screen.getByText("Enter a whole number of decimals from 0 to 6.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent("Fix the fields marked in red");
    expect((await wb.readSettings()).currencyDecimals).toBe(2);
  });

  it("maps a user's own header to a column and stores it", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserTable("Stock moves", ["When", "Code", "Kind of move", "Units", "Price", "Cost"], []);
    wb.addUserTable("Ledger", ["Date", "SKU", "Type", "Quantity"], []);
    await renderPage("settings", { wb });
    await userEvent.click(screen.getByRole("button", { name: /^Ledger/ }));
    const panel = screen.getByRole("combobox", { name: /^UnitCost/ });
    expect(within(panel).getByRole("option", { name: "Automatic: not found" })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /^Quantity/ }), "Quantity");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect((await wb.readSettings()).headerMap).toEqual({ Ledger: { Quantity: "Quantity" } });
  });
});
