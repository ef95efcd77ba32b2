/**
 * The same pages through the Office.js port (OfficeWorkbook over the stateful Excel fake): set up tables, and an
 * asset check-out written with Excel's queue-and-sync semantics, read back through the port.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { demoWorkbook } from "../../src/demo";
import { TABLE_NAMES } from "../../src/engine/schema/tables";
import { defaultSettings } from "../../src/engine/settings";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { tableSpec } from "../../src/port/setup";
import { generateReports } from "../../src/reports";
import { App, type PageKey } from "../../src/taskpane/App";
import { ProgressHub } from "../../src/taskpane/progress";
import type { Session } from "../../src/taskpane/workbook";
import { ExcelFake } from "../fakes/excelFake";
import { TODAY } from "./harness";

function excelSession(): { port: OfficeWorkbook; fake: ExcelFake; session: Session } {
  const fake = new ExcelFake();
  const progress = new ProgressHub();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true, onProgress: progress.emit });
  const session: Session = {
    mode: "excel",
    port,
    problem: null,
    progress,
    theme: "light",
    today: TODAY,
    runner: (p, req) => generateReports(p, req),
  };
  return { port, fake, session };
}

const show = async (session: Session, page: PageKey) => {
  render(<App session={session} initialPage={page} />);
  await screen.findByRole("tabpanel");
};

describe("task pane through the Office.js port", () => {
  it("sets up the tables in Excel and shows no demo banner", async () => {
    const { port, session } = excelSession();
    await show(session, "overview");
    expect(screen.queryByTestId("demo-banner")).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: "Set up tables" }));
    await screen.findByText("Created Assets, Checkouts, AssetLog, Items, Ledger.");
    expect((await port.listTables()).map((t) => t.name).sort()).toEqual([...TABLE_NAMES].sort());
  });

  it("checks an asset out: the loan is in Excel's Checkouts table afterwards", async () => {
    const { port, session } = excelSession();
    const demo = demoWorkbook(TODAY);
    for (const t of ["Assets", "Checkouts", "AssetLog"] as const) {
      await port.createTable({ ...tableSpec(t, defaultSettings()), rows: demo[t].rows });
    }
    await show(session, "assets");
    const asset = demo.Assets.rows.find((r) => r[5] === "In service" && String(r[0]).startsWith("FN-"));
    const id = String(asset?.[0]);
    const box = await screen.findByRole("combobox", { name: /Asset/ });
    await userEvent.type(box, id);
    await userEvent.keyboard("{Escape}");
    await userEvent.type(screen.getByRole("textbox", { name: /Checked out to/ }), "Dana Cruz");
    await userEvent.click(screen.getByRole("button", { name: "Check out" }));
    await screen.findByText(`${id} checked out to Dana Cruz.`, undefined, { timeout: 20_000 });
    const loans = await port.readTable("Checkouts");
    expect(loans.rows).toHaveLength(demo.Checkouts.rows.length + 1);
    expect(loans.rows[loans.rows.length - 1].slice(0, 3)).toEqual([id, "Dana Cruz", TODAY]);
    await waitFor(async () => {
      const assets = await port.readTable("Assets");
      expect(assets.rows.find((r) => r[0] === id)?.[5]).toBe("Checked out");
    });
  });
});
