/** Inventory page: movement checks as you type, recording through the engine's ledger check, purchase list. */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { toIso } from "../../src/engine/dates";
import { emptyMovement, movementProblems, movementRecord } from "../../src/taskpane/logic/movement";
import { renderPage, rowsOf, TODAY } from "./harness";

const day = toIso(TODAY);

describe("movementProblems", () => {
  const skus = new Set(["off-001"]);
  it("says what each type needs", () => {
    const sale = { ...emptyMovement(day), sku: "OFF-001", quantity: "2" };
    expect(movementProblems(sale, skus)).toEqual({ unitPrice: "A sale needs its selling price per unit." });
    const receipt = { ...sale, type: "Receipt" as const };
    expect(movementProblems(receipt, skus)).toEqual({ unitCost: "A receipt needs the purchase cost per unit." });
    const transfer = { ...sale, type: "Transfer" as const, location: "A", toLocation: "a" };
    expect(movementProblems(transfer, skus).toLocation).toMatch(/must differ/);
    const ret = { ...sale, type: "CustomerReturn" as const };
    expect(movementProblems(ret, skus).reference).toMatch(/Reference of the sale/);
  });

  it("checks quantities: positive, except an adjustment which must not be 0", () => {
    const base = { ...emptyMovement(day), sku: "OFF-001", unitPrice: "1" };
    expect(movementProblems({ ...base, quantity: "-2" }, skus).quantity).toMatch(/greater than 0/);
    expect(movementProblems({ ...base, quantity: "two" }, skus).quantity).toMatch(/must be a number/);
    expect(movementProblems({ ...base, type: "Adjustment", quantity: "-2" }, skus)).toEqual({});
    expect(movementProblems({ ...base, type: "Adjustment", quantity: "0" }, skus).quantity).toMatch(/must not be 0/);
    expect(movementProblems({ ...base, quantity: "1", sku: "NOPE" }, skus).sku).toMatch(/not in the Items table/);
  });

  it("builds the Ledger row in canonical columns, dates as serials", () => {
    const f = { ...emptyMovement(day), sku: " OFF-001 ", quantity: "1,200", unitPrice: "3.5", reference: "SO-1" };
    expect(movementRecord(f)).toEqual({
      Date: TODAY,
      SKU: "OFF-001",
      Type: "Sale",
      Quantity: 1200,
      UnitCost: null,
      UnitPrice: 3.5,
      Location: null,
      ToLocation: null,
      Reference: "SO-1",
      Party: null,
    });
  });
});

async function chooseItem(sku: string) {
  const box = screen.getByRole("combobox", { name: /Item/ });
  await userEvent.clear(box);
  await userEvent.type(box, sku);
  await userEvent.keyboard("{Escape}");
}

describe("Inventory page", () => {
  it("records a receipt appended to the Ledger", async () => {
    const { wb } = await renderPage("inventory");
    await screen.findByRole("combobox", { name: /Item/ });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Type/ }), "Receipt");
    await chooseItem("HDW-001");
    await userEvent.type(screen.getByRole("textbox", { name: /Quantity/ }), "12");
    await userEvent.type(screen.getByRole("textbox", { name: /Unit cost/ }), "6.40");
    await userEvent.type(screen.getByRole("textbox", { name: /^Location/ }), "Warehouse South");
    await userEvent.click(screen.getByRole("button", { name: "Record movement" }));
    await screen.findByText("Receipt of 12 × HDW-001 recorded in the Ledger.");
    expect(screen.queryByText("Enter a quantity.")).not.toBeInTheDocument();
    const ledger = rowsOf(wb, "Ledger");
    expect(ledger[ledger.length - 1]).toEqual({
      Date: TODAY,
      SKU: "HDW-001",
      Type: "Receipt",
      Quantity: 12,
      UnitCost: 6.4,
      UnitPrice: null,
      Location: "Warehouse South",
      ToLocation: null,
      Reference: null,
      Party: null,
    });
  });

  it("offers the list price for a sale and refuses one that takes stock below zero, writing nothing", async () => {
    const { wb } = await renderPage("inventory");
    await screen.findByRole("combobox", { name: /Item/ });
    const item = rowsOf(wb, "Items").find((i) => i.SKU === "OFF-002");
    await chooseItem("OFF-002");
    expect(screen.getByRole("textbox", { name: /Unit price/ })).toHaveValue(String(item?.ListPrice));
    await userEvent.type(screen.getByRole("textbox", { name: /Quantity/ }), "999999");
    const before = rowsOf(wb, "Ledger").length;
    await userEvent.click(screen.getByRole("button", { name: "Record movement" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent(
      new RegExp(`Item OFF-002 goes below zero on row ${before + 2} \\(${day}\\)`)
    );
    expect(rowsOf(wb, "Ledger")).toHaveLength(before);
    expect(screen.getByRole("textbox", { name: /Quantity/ })).toHaveValue("999999");
  });

  it("refuses a customer return larger than its sale, with the engine's message", async () => {
    const { wb } = await renderPage("inventory");
    await screen.findByRole("combobox", { name: /Item/ });
    const sale = rowsOf(wb, "Ledger").find((r) => r.Type === "Sale" && String(r.SKU).startsWith("ELE"));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Type/ }), "CustomerReturn");
    await chooseItem(String(sale?.SKU));
    await userEvent.type(screen.getByRole("textbox", { name: /Quantity/ }), String(Number(sale?.Quantity) + 1000));
    await userEvent.type(screen.getByRole("textbox", { name: /Reference/ }), String(sale?.Reference));
    await userEvent.click(screen.getByRole("button", { name: "Record movement" }));
    expect(await screen.findByTestId("outcome-error")).toHaveTextContent(/is more than was sold on that reference/);
  });

  it("lists low stock and writes the purchase list sheet", async () => {
    const { wb } = await renderPage("inventory");
    const table = await screen.findByTestId("low-stock", undefined, { timeout: 10000 });
    const first = within(table).getAllByRole("row")[1];
    await userEvent.click(screen.getByRole("button", { name: "Write purchase list" }));
    await screen.findByText(/Wrote sheet Purchase List with \d+ items\./);
    expect(await wb.ownedSheets()).toContain("Purchase List");
    const list = rowsOf(wb, "PurchaseList");
    expect(first).toHaveTextContent(String(list[0].SKU));
    expect(Number(list[0].OrderQty)).toBeGreaterThan(0);
    expect(list[0].Cost).toBeCloseTo(Number(list[0].OrderQty) * Number(list[0].UnitCost), 1);
  });
});
