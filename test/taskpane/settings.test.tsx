/** Settings page: checks as you type, saved on the workbook's settings sheet, header mapping, Journal accounts. */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_ACCOUNTS, defaultSettings } from "../../src/engine/settings";
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

  it("refuses an empty account and saves the others trimmed, over the stored accounts", () => {
    const f = formOf(defaultSettings());
    expect(settingsProblems({ ...f, accounts: { ...f.accounts, cogs: "  " } }).accounts?.cogs).toMatch(
      /cannot post to an empty account/
    );
    const base = defaultSettings();
    const stored = { ...base, accounts: { ...base.accounts, royalties: "7000 Royalties" } };
    const s = settingsOf(stored, { ...f, accounts: { ...f.accounts, payables: " 2100 Trade creditors " } });
    expect(s.accounts).toEqual({ ...DEFAULT_ACCOUNTS, payables: "2100 Trade creditors", royalties: "7000 Royalties" });
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
    expect(dec).toHaveFocus();
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

  it("shows the Journal accounts and saves a changed one, trimmed, with the page's Save", async () => {
    const { wb } = await renderPage("settings");
    const section = screen.getByRole("region", { name: "Journal accounts" });
    expect(within(section).getAllByRole("textbox")).toHaveLength(12);
    const payables = within(section).getByRole("textbox", { name: "Accounts payable (goods received on credit)" });
    expect(payables).toHaveValue("2000 Accounts payable");
    expect(within(section).getByRole("textbox", { name: "Inventory (stock on hand)" })).toHaveValue("1400 Inventory");
    await userEvent.clear(payables);
    await userEvent.type(payables, "  2100 Trade creditors ");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect((await wb.readSettings()).accounts).toEqual({ ...DEFAULT_ACCOUNTS, payables: "2100 Trade creditors" });
    expect(payables).toHaveValue("2100 Trade creditors");
  });

  it("refuses an emptied account on its field and saves nothing", async () => {
    const { wb } = await renderPage("settings");
    const cash = screen.getByRole("textbox", { name: "Cash (proceeds of asset disposals)" });
    const days = screen.getByRole("textbox", { name: "Warranty warning (days)" });
    await userEvent.clear(days);
    await userEvent.type(days, "60");
    await userEvent.clear(cash);
    const message = 'Enter an account, e.g. "1000 Cash". The Journal cannot post to an empty account.';
    expect(cash).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(cash).toHaveAttribute("aria-invalid", "true");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent("Fix the fields marked in red");
    expect(cash).toHaveFocus();
    const s = await wb.readSettings();
    expect(s.accounts.cash).toBe("1000 Cash");
    expect(s.warrantyWarningDays).toBe(30);
  });

  it("puts the default accounts back in the fields with Restore, saved only on Save", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSettings({
      ...defaultSettings(),
      accounts: { ...DEFAULT_ACCOUNTS, payables: "2100 Trade creditors", cash: "1010 Bank" },
    });
    await renderPage("settings", { wb });
    const payables = screen.getByRole("textbox", { name: "Accounts payable (goods received on credit)" });
    expect(payables).toHaveValue("2100 Trade creditors");
    const inventory = screen.getByRole("textbox", { name: "Inventory (stock on hand)" });
    await userEvent.clear(inventory);
    const restore = screen.getByRole("button", { name: "Restore default accounts" });
    restore.focus();
    await userEvent.keyboard("{Enter}");
    expect(payables).toHaveValue("2000 Accounts payable");
    expect(inventory).toHaveValue("1400 Inventory");
    expect(screen.getByRole("textbox", { name: "Cash (proceeds of asset disposals)" })).toHaveValue("1000 Cash");
    expect(screen.queryByText(/The Journal cannot post to an empty account/)).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Save settings to keep them.");
    expect((await wb.readSettings()).accounts.payables).toBe("2100 Trade creditors");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved in this workbook.");
    expect((await wb.readSettings()).accounts).toEqual(DEFAULT_ACCOUNTS);
  });
});
