/** Assets page: validation as you type, actions written through the port, refusals and failures. */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toIso, toSerial } from "../../src/engine/dates";
import { defaultSettings } from "../../src/engine/settings";
import { MemoryWorkbook } from "../../src/port/memory";
import { tableSpec } from "../../src/port/setup";
import { PortError } from "../../src/port/types";
import { assetProblems, type AssetForm } from "../../src/taskpane/pages/AssetsPage";
import { renderPage, rowsOf, TODAY } from "./harness";

const blank: AssetForm = {
  to: "",
  date: toIso(TODAY),
  due: "",
  location: "",
  custodian: "",
  status: "",
  by: "",
  proceeds: "",
  notes: "",
};

describe("assetProblems", () => {
  it("asks for an asset, a borrower and a due date not before the check-out", () => {
    expect(assetProblems("checkOut", "", blank, false)).toMatchObject({
      asset: expect.stringMatching(/Choose an asset/),
      to: "Enter who the asset is checked out to.",
    });
    expect(assetProblems("checkOut", "IT-001", { ...blank, to: "Ann", due: toIso(TODAY - 1) }, true)).toEqual({
      due: "The due date must be on or after the check-out date.",
    });
    expect(assetProblems("checkOut", "X-9", { ...blank, to: "Ann" }, false).asset).toMatch(/No asset X-9/);
  });

  it("checks dates, proceeds, auditor and that a move changes something", () => {
    expect(assetProblems("checkIn", "IT-001", { ...blank, date: "2026-02-30" }, true)).toEqual({
      date: "Enter the date (yyyy-mm-dd).",
    });
    expect(assetProblems("dispose", "IT-001", { ...blank, proceeds: "-5" }, true).proceeds).toMatch(/0 or more/);
    expect(assetProblems("dispose", "IT-001", { ...blank, proceeds: "0" }, true)).toEqual({});
    expect(assetProblems("audit", "IT-001", blank, true).by).toBe("Enter who audited the asset.");
    expect(assetProblems("move", "IT-001", blank, true).location).toMatch(/new location, custodian or status/);
  });
});

async function chooseAsset(id: string) {
  const box = screen.getByRole("combobox", { name: /Asset/ });
  await userEvent.clear(box);
  await userEvent.type(box, id);
  await userEvent.keyboard("{Escape}");
}

describe("Assets page", () => {
  it("checks an asset out: Checkouts, Assets and AssetLog change as the engine says", async () => {
    const { wb } = await renderPage("assets");
    await screen.findByRole("combobox", { name: /Asset/ });
    const asset = rowsOf(wb, "Assets").find((a) => a.Status === "In service" && String(a.AssetID).startsWith("TL-"));
    const id = String(asset?.AssetID);
    await chooseAsset(id);
    await userEvent.type(screen.getByRole("textbox", { name: /Checked out to/ }), "Ann Lee");
    await userEvent.click(screen.getByRole("button", { name: "Check out" }));
    await screen.findByText(`${id} checked out to Ann Lee.`);
    // The cleared form does not greet the user with "what to fix" messages.
    expect(screen.queryByText("Enter who the asset is checked out to.")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Checked out to/ })).toHaveValue("");
    const loans = rowsOf(wb, "Checkouts");
    expect(loans[loans.length - 1]).toMatchObject({ AssetID: id, CheckedOutTo: "Ann Lee", CheckedOutOn: TODAY });
    expect(rowsOf(wb, "Assets").find((a) => a.AssetID === id)).toMatchObject({
      Status: "Checked out",
      Custodian: "Ann Lee",
    });
    const log = rowsOf(wb, "AssetLog");
    expect(log[log.length - 1]).toMatchObject({ AssetID: id, Action: "CheckOut", Date: TODAY });
  });

  it("shows validation only once typed in or submitted, and writes nothing while a field is wrong", async () => {
    const { wb } = await renderPage("assets");
    await screen.findByRole("combobox", { name: /Asset/ });
    expect(screen.queryByText(/Enter who the asset is checked out to/)).not.toBeInTheDocument();
    const before = rowsOf(wb, "Checkouts").length;
    await userEvent.click(screen.getByRole("button", { name: "Check out" }));
    expect(await screen.findByText("Enter who the asset is checked out to.")).toBeInTheDocument();
    expect(screen.getByText(/Choose an asset/)).toBeInTheDocument();
    expect(rowsOf(wb, "Checkouts")).toHaveLength(before);
  });

  it("shows the engine's refusal, keeps the form and leaves the workbook unchanged", async () => {
    const { wb } = await renderPage("assets");
    await screen.findByRole("combobox", { name: /Asset/ });
    const open = rowsOf(wb, "Checkouts").find((l) => l.ReturnedOn === null);
    const id = String(open?.AssetID);
    const snapshot = JSON.stringify([...wb.tables.values()].map((t) => t.rows));
    await chooseAsset(id);
    const to = screen.getByRole("textbox", { name: /Checked out to/ });
    await userEvent.type(to, "Bob");
    await userEvent.click(screen.getByRole("button", { name: "Check out" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent(
      `Asset ${id} is already checked out to ${open?.CheckedOutTo}`
    );
    expect(to).toHaveValue("Bob");
    expect(JSON.stringify([...wb.tables.values()].map((t) => t.rows))).toBe(snapshot);
  });

  it("reports a workbook failure without losing the form", async () => {
    const { wb } = await renderPage("assets");
    await screen.findByRole("combobox", { name: /Asset/ });
    wb.applyEdits = async () => {
      throw new PortError("Excel could not write: the sheet is protected.");
    };
    const id = String(rowsOf(wb, "Assets").find((a) => a.Status === "In service")?.AssetID);
    await chooseAsset(id);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "audit");
    await userEvent.type(screen.getByRole("textbox", { name: /Audited by/ }), "Kim");
    await userEvent.click(screen.getByRole("button", { name: "Mark audited" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent(
      "Excel could not write: the sheet is protected. Nothing was written to the workbook."
    );
    expect(screen.getByRole("textbox", { name: /Audited by/ })).toHaveValue("Kim");
  });

  it("lists open loans with the overdue ones first, and a click picks the asset for check-in", async () => {
    const { wb } = await renderPage("assets");
    const list = await screen.findByTestId("open-loans");
    const open = rowsOf(wb, "Checkouts").filter((l) => l.ReturnedOn === null);
    const items = list.querySelectorAll("li");
    expect(items).toHaveLength(open.length);
    const mostOverdue = [...open].sort((a, b) => Number(a.DueOn) - Number(b.DueOn))[0];
    expect(items[0]).toHaveTextContent(String(mostOverdue.AssetID));
    expect(items[0]).toHaveTextContent("days overdue");
    await userEvent.click(screen.getByRole("button", { name: String(mostOverdue.AssetID) }));
    expect(screen.getByRole("combobox", { name: "Action" })).toHaveValue("checkIn");
    await userEvent.click(screen.getByRole("button", { name: "Check in" }));
    await screen.findByText(`${mostOverdue.AssetID} checked in on ${toIso(TODAY)}.`);
    await waitFor(() =>
      expect(rowsOf(wb, "Checkouts").find((l) => l.AssetID === mostOverdue.AssetID && l.ReturnedOn === null)).toBe(
        undefined
      )
    );
  });

  it("disposes of an asset and states its book value and the gain, worked by hand", async () => {
    // Straight line, full-month convention: 1,200 over 3 years from 2024-01-01 is 400 a year, so on 2025-12-31
    // 800 is depreciated and the book value is 400; sold for 500, the gain is 100.
    const wb = new MemoryWorkbook();
    const spec = (t: "Assets" | "Checkouts" | "AssetLog") => tableSpec(t, defaultSettings());
    const a = spec("Assets");
    const row = a.headers.map(
      (h) =>
        ({
          AssetID: "PR-1",
          Name: "Press",
          Status: "In service",
          AcquiredOn: toSerial(2024, 1, 1),
          InServiceOn: toSerial(2024, 1, 1),
          Cost: 1200,
          Salvage: 0,
          LifeYears: 3,
          Method: "SL",
          Convention: "FM",
        })[h] ?? null
    );
    await wb.createTable({ ...a, rows: [row] });
    await wb.createTable(spec("Checkouts"));
    await wb.createTable(spec("AssetLog"));
    await renderPage("assets", { wb });
    await screen.findByRole("combobox", { name: /Asset/ });
    await chooseAsset("PR-1");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "dispose");
    const date = screen.getByLabelText(/^Date/);
    await userEvent.clear(date);
    await userEvent.type(date, "2025-12-31");
    await userEvent.type(screen.getByRole("textbox", { name: /Proceeds/ }), "500");
    await userEvent.click(screen.getByRole("button", { name: "Dispose" }));
    await screen.findByText("PR-1 disposed of on 2025-12-31 for 500.00: book value 400.00, gain 100.00.");
    expect(rowsOf(wb, "Assets")[0]).toMatchObject({
      Status: "Disposed",
      DisposedOn: toSerial(2025, 12, 31),
      DisposalProceeds: 500,
    });
  });
});
