/**
 * The task pane in a real browser (Debian's chromium through playwright-core), built page in demo mode: set up
 * tables, check an asset out and in, a refusal with the engine's message, a receipt and a sale, reports (or the
 * honest "not built yet"), settings (Journal accounts included) — each checked on the in-memory workbook's rows. axe finds no violation on
 * any page; screenshots at 350 px go to docs/images/.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Server } from "http";
import { join } from "path";
import type { Page } from "playwright-core";
import { toIso } from "../../src/engine/dates";
import { ensureBuilt, launch, OFFICE_JS, ROOT, serveDist, type Browser } from "./browser";

jest.setTimeout(120_000);

const IMAGES = join(ROOT, "docs", "images");
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

type Cell = string | number | boolean | null;

/** A table of the demo workbook as objects keyed by header. */
async function table(name: string): Promise<Record<string, Cell>[]> {
  return page.evaluate((n) => {
    const t = window.__stockbook?.workbook.tables.get(n);
    if (!t) return [];
    return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
  }, name);
}

/** The last `n` rows of a table (big tables stay in the page). */
async function tail(name: string, n: number): Promise<Record<string, Cell>[]> {
  return page.evaluate(
    ([t0, k]) => {
      const t = window.__stockbook?.workbook.tables.get(t0);
      if (!t) return [];
      return t.rows.slice(-k).map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
    },
    [name, n] as const
  );
}

/** Row count and a hash of every cell of a table, computed in the page: equal before and after = unchanged. */
async function fingerprint(name: string): Promise<string> {
  return page.evaluate((t0) => {
    const t = window.__stockbook?.workbook.tables.get(t0);
    const text = JSON.stringify(t?.rows ?? null);
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return `${t?.rows.length ?? -1}:${h}`;
  }, name);
}

async function today(): Promise<number> {
  return page.evaluate(() => window.__stockbook?.today ?? 0);
}

/**
 * Tabster (Fluent v9's focus manager) adds `<i data-tabster-dummy aria-hidden tabindex=0>` guards that move focus
 * on at once; axe's aria-hidden-focus flags them. Microsoft calls this by design (microsoft/fluentui#27517,
 * microsoft/tabster#288), so those guards alone are excluded; every other element is checked by every rule.
 */
async function axe(): Promise<string[]> {
  const r = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function tab(name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("heading", { level: 2, name }).waitFor();
}

async function shot(file: string): Promise<void> {
  await page.screenshot({ path: join(IMAGES, file), fullPage: true });
}

async function pick(label: string, key: string): Promise<void> {
  const box = page.getByRole("combobox", { name: label });
  await box.fill("");
  await box.pressSequentially(key);
  await page.getByRole("option", { name: new RegExp(`^${key}\\b`) }).click();
}

beforeAll(async () => {
  ensureBuilt();
  ({ server, base } = await serveDist());
  browser = await launch(350, 900);
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe("task pane in demo mode", () => {
  it("sets up the five tables in an empty workbook", async () => {
    await page.goto(`${base}/taskpane.html?demo=empty`);
    await page.getByTestId("demo-banner").waitFor();
    await expect(page.getByTestId("table-list").textContent()).resolves.toContain("missing");
    await page.getByRole("button", { name: "Set up tables" }).click();
    await page.getByText("Created Assets, Checkouts, AssetLog, Items, Ledger.").waitFor();
    const names = await page.evaluate(() => [...(window.__stockbook?.workbook.tables.keys() ?? [])]);
    expect(names.sort()).toEqual(["AssetLog", "Assets", "Checkouts", "Items", "Ledger"]);
    const header = await page.evaluate(() => window.__stockbook?.workbook.tables.get("Ledger")?.header);
    expect(header?.slice(0, 4)).toEqual(["Date", "SKU", "Type", "Quantity"]);
    await expect(page.getByRole("button", { name: "Set up tables" }).count()).resolves.toBe(0);
  });

  it("opens on the overview of the demo workbook with its attention cards", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId("demo-banner").waitFor();
    await page.getByText("Loans overdue").waitFor();
    const count = (await fingerprint("Ledger")).split(":")[0];
    await expect(page.getByTestId("table-list").textContent()).resolves.toContain(`Ledger — ${count} rows`);
    await page.getByRole("button", { name: "Show list" }).nth(1).click();
    await page
      .getByRole("region", { name: "Loans overdue" })
      .getByText(/days late/)
      .first()
      .waitFor();
    await shot("overview.png");
    expect(await axe()).toEqual([]);
  });

  it("checks an asset out and back in, writing Checkouts, Assets and AssetLog", async () => {
    const day = await today();
    const assets = await table("Assets");
    const asset = assets.find((a) => a.Status === "In service" && String(a.AssetID).startsWith("IT-"));
    const id = String(asset?.AssetID);
    await tab("Assets");
    await pick("Asset", id);
    await page.getByRole("textbox", { name: "Checked out to" }).fill("Priya Shah");
    await page.getByLabel("Due back").fill(toIso(day + 14));
    await page.getByRole("button", { name: "Check out" }).click();
    await page.getByText(`${id} checked out to Priya Shah, due ${toIso(day + 14)}.`).waitFor();
    let loans = await table("Checkouts");
    let last = loans[loans.length - 1];
    expect(last).toMatchObject({ AssetID: id, CheckedOutTo: "Priya Shah", CheckedOutOn: day, DueOn: day + 14 });
    expect(last.ReturnedOn).toBeNull();
    expect((await table("Assets")).find((a) => a.AssetID === id)).toMatchObject({
      Status: "Checked out",
      Custodian: "Priya Shah",
    });
    await shot("assets.png");
    expect(await axe()).toEqual([]);

    await page.getByRole("combobox", { name: "Action" }).selectOption("checkIn");
    await page.getByRole("button", { name: "Check in" }).click();
    await page.getByText(`${id} checked in on ${toIso(day)}.`).waitFor();
    loans = await table("Checkouts");
    last = loans[loans.length - 1];
    expect(last).toMatchObject({ AssetID: id, ReturnedOn: day });
    expect((await table("Assets")).find((a) => a.AssetID === id)).toMatchObject({
      Status: "In service",
      Custodian: null,
      Location: asset?.Location,
    });
    const log = (await table("AssetLog")).filter((e) => e.AssetID === id).slice(-2);
    expect(log.map((e) => e.Action)).toEqual(["CheckOut", "CheckIn"]);
  });

  it("shows the engine's refusal and changes nothing when the asset is already out", async () => {
    const out = (await table("Checkouts")).find((l) => l.ReturnedOn === null);
    const id = String(out?.AssetID);
    const before = await fingerprint("Checkouts");
    await page.getByRole("combobox", { name: "Action" }).selectOption("checkOut");
    await pick("Asset", id);
    await page.getByRole("textbox", { name: "Checked out to" }).fill("Someone Else");
    await page.getByRole("button", { name: "Check out" }).click();
    const error = page.getByTestId("outcome-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain(`Asset ${id} is already checked out to ${out?.CheckedOutTo}`);
    expect(await fingerprint("Checkouts")).toBe(before);
    // The form keeps what was typed.
    await expect(page.getByRole("textbox", { name: "Checked out to" }).inputValue()).resolves.toBe("Someone Else");
  });

  it("records a receipt and a sale in the Ledger and refuses a sale that would go below zero", async () => {
    const day = await today();
    const item = (await table("Items")).find((i) => i.Kind === "Stock");
    const sku = String(item?.SKU);
    await tab("Inventory");
    const type = page.getByRole("combobox", { name: "Type" });
    await type.selectOption("Receipt");
    await pick("Item", sku);
    await page.getByRole("textbox", { name: "Quantity" }).fill("40");
    await page.getByRole("textbox", { name: "Unit cost" }).fill("2.50");
    await page.getByRole("textbox", { name: "Location" }).fill("Warehouse North");
    await page.getByRole("textbox", { name: "Reference" }).fill("PO-E2E-1");
    await page.getByRole("button", { name: "Record movement" }).click();
    await page.getByText(`Receipt of 40 × ${sku} recorded in the Ledger.`).waitFor();

    await type.selectOption("Sale");
    await pick("Item", sku);
    await page.getByRole("textbox", { name: "Quantity" }).fill("3");
    await page.getByRole("textbox", { name: "Unit price" }).fill("4.75");
    await page.getByRole("textbox", { name: "Reference" }).fill("SO-E2E-1");
    await page.getByRole("button", { name: "Record movement" }).click();
    await page.getByText(`Sale of 3 × ${sku} recorded in the Ledger.`).waitFor();
    expect(await tail("Ledger", 2)).toEqual([
      expect.objectContaining({
        Date: day,
        SKU: sku,
        Type: "Receipt",
        Quantity: 40,
        UnitCost: 2.5,
        Location: "Warehouse North",
        Reference: "PO-E2E-1",
      }),
      expect.objectContaining({
        Date: day,
        SKU: sku,
        Type: "Sale",
        Quantity: 3,
        UnitPrice: 4.75,
        Location: "Warehouse North",
        Reference: "SO-E2E-1",
      }),
    ]);

    await pick("Item", sku);
    await page.getByRole("textbox", { name: "Quantity" }).fill("100000");
    await page.getByRole("textbox", { name: "Unit price" }).fill("4.75");
    const before = await fingerprint("Ledger");
    await page.getByRole("button", { name: "Record movement" }).click();
    const error = page.getByTestId("outcome-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(new RegExp(`Item ${sku} goes below zero on row \\d+`));
    expect(await fingerprint("Ledger")).toBe(before);
    await shot("inventory.png");
    expect(await axe()).toEqual([]);
  });

  it("writes the purchase list as an owned sheet", async () => {
    await page.getByRole("button", { name: "Write purchase list" }).click();
    await page.getByText(/Wrote sheet Purchase List with \d+ items\./).waitFor();
    const rows = await table("PurchaseList");
    expect(rows.length).toBeGreaterThan(0);
    expect(Number(rows[0].OrderQty)).toBeGreaterThan(0);
  });

  it("generates the reports with a progress bar, lists the sheets and activates one on click", async () => {
    await tab("Reports");
    const ledgerBefore = await fingerprint("Ledger");
    await page.getByRole("button", { name: "Generate reports" }).click();
    const list = page.getByTestId("sheets-written");
    await list.waitFor({ timeout: 60_000 });
    const names = await list.getByRole("listitem").allTextContents();
    const owned = await page.evaluate(async () => (await window.__stockbook?.workbook.ownedSheets()) ?? []);
    expect(names.length).toBeGreaterThan(1);
    for (const n of names) expect(owned).toContain(n);
    expect(await fingerprint("Ledger")).toBe(ledgerBefore);
    await list.getByRole("button", { name: names[0] }).click();
    await page.waitForFunction((n) => window.__stockbook?.workbook.active === n, names[0]);
    await shot("reports.png");
    expect(await axe()).toEqual([]);
  });

  describe("Settings page", () => {
    // Each starts from a freshly loaded demo workbook, so `-t "Settings page"` runs them on their own.
    beforeEach(async () => {
      await page.goto(`${base}/taskpane.html`);
      await page.getByTestId("demo-banner").waitFor();
      await tab("Settings");
    });

    const settings = () => page.evaluate(async () => window.__stockbook?.workbook.readSettings());
    const journal = () => page.getByRole("region", { name: "Journal accounts" });
    const payables = () => journal().getByRole("textbox", { name: "Accounts payable (goods received on credit)" });

    it("saves settings to the workbook", async () => {
      const days = page.getByRole("textbox", { name: "Warranty warning (days)" });
      await days.fill("abc");
      await page.getByText("Enter a whole number of days from 0 to 3650").waitFor();
      await days.fill("45");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved in this workbook.").waitFor();
      expect((await settings())?.warrantyWarningDays).toBe(45);
      expect(await axe()).toEqual([]);
    });

    it("shows the Journal accounts and saves a changed one with the page's Save", async () => {
      // DEFAULT_ACCOUNTS, written out here as the accountant reads them.
      await expect(payables().inputValue()).resolves.toBe("2000 Accounts payable");
      await expect(journal().getByRole("textbox", { name: "Inventory (stock on hand)" }).inputValue()).resolves.toBe(
        "1400 Inventory"
      );
      await expect(journal().getByRole("textbox", { name: "Gain on disposal of assets" }).inputValue()).resolves.toBe(
        "4900 Gain on disposal of assets"
      );
      await expect(journal().getByRole("textbox").count()).resolves.toBe(12);
      await payables().fill(" 2100 Trade creditors ");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved in this workbook.").waitFor();
      const saved = await settings();
      expect(saved?.accounts.payables).toBe("2100 Trade creditors");
      expect(saved?.accounts.inventory).toBe("1400 Inventory");
      await expect(payables().inputValue()).resolves.toBe("2100 Trade creditors");
      await payables().scrollIntoViewIfNeeded();
      await shot("settings.png");
      expect(await axe()).toEqual([]);
    });

    it("refuses an emptied account with its message and saves nothing", async () => {
      const before = await settings();
      await payables().fill("");
      const message = 'Enter an account, e.g. "2000 Accounts payable". The Journal cannot post to an empty account.';
      await journal().getByText(message).waitFor();
      await expect(payables().getAttribute("aria-invalid")).resolves.toBe("true");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByTestId("outcome-error").getByText("Fix the fields marked in red").waitFor();
      // The refused Save takes the keyboard to the field to fix.
      await expect(payables().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await settings()).toEqual(before);
      expect(await axe()).toEqual([]);
    });

    it("puts the default accounts back with Restore default accounts, from the keyboard", async () => {
      await payables().fill("2100 Trade creditors");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved in this workbook.").waitFor();
      const cash = journal().getByRole("textbox", { name: "Cash (proceeds of asset disposals)" });
      await cash.fill("");
      // Tab from the last account field reaches the button.
      await journal().getByRole("textbox", { name: "Loss on disposal of assets" }).focus();
      await page.keyboard.press("Tab");
      const restore = page.getByRole("button", { name: "Restore default accounts" });
      await expect(restore.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press("Enter");
      await expect(payables().inputValue()).resolves.toBe("2000 Accounts payable");
      await expect(cash.inputValue()).resolves.toBe("1000 Cash");
      await journal().getByRole("status").getByText("Save settings to keep them.", { exact: false }).waitFor();
      await expect(
        journal().getByText("The Journal cannot post to an empty account", { exact: false }).count()
      ).resolves.toBe(0);
      // Restored in the fields only: the workbook keeps the saved account until Save.
      expect((await settings())?.accounts.payables).toBe("2100 Trade creditors");
    });
  });

  it("follows a dark theme with no accessibility violations", async () => {
    await page.goto(`${base}/taskpane.html?theme=dark`);
    await page.getByText("Loans overdue").waitFor();
    await shot("overview-dark.png");
    expect(await axe()).toEqual([]);
  });

  it("fits a 320 px task pane on every page without sideways scrolling", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const name of ["Overview", "Assets", "Inventory", "Reports", "Settings"]) {
      await tab(name);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ page: name, width: wide }).toEqual({ page: name, width: 320 });
    }
  });

  it("reaches the pages and the first field by keyboard, with a visible focus ring", async () => {
    await page.setViewportSize({ width: 350, height: 900 });
    await tab("Overview");
    await page.getByRole("tab", { name: "Overview" }).focus();
    await page.keyboard.press("ArrowRight");
    // Fluent marks the element focused from the keyboard (data-fui-focus-visible) and draws its focus ring then.
    await expect(
      page
        .getByRole("tab", { name: "Assets" })
        .evaluate((el) => el === document.activeElement && el.hasAttribute("data-fui-focus-visible"))
    ).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Assets" }).waitFor();
    await page.keyboard.press("Tab");
    await expect(
      page.getByRole("combobox", { name: "Asset" }).evaluate((el) => el === document.activeElement)
    ).resolves.toBe(true);
  });

  it("threw no uncaught error (the functions bundle outside Excel included)", () => {
    expect(pageErrors).toEqual([]);
  });

  it("sent no request anywhere but the local server and the office.js CDN", () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(`${base}/`) && u !== OFFICE_JS);
    expect(foreign).toEqual([]);
    expect(browser.requests).toContain(OFFICE_JS);
  });
});
