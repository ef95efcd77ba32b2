/** Overview page: tables with row counts, "Set up tables", attention cards and their lists. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage, rowsOf, TODAY } from "./harness";

describe("Overview page", () => {
  it("lists the five tables with their row counts", async () => {
    const { wb } = await renderPage("overview");
    const list = screen.getByTestId("table-list");
    expect(list).toHaveTextContent(`Assets — ${rowsOf(wb, "Assets").length} rows`);
    expect(list).toHaveTextContent(`Ledger — ${rowsOf(wb, "Ledger").length} rows`);
    expect(screen.queryByRole("button", { name: "Set up tables" })).not.toBeInTheDocument();
  });

  it("sets up the missing tables in an empty workbook", async () => {
    const { wb } = await renderPage("overview", { empty: true });
    expect(screen.getByTestId("table-list")).toHaveTextContent("Assets — missing");
    await userEvent.click(screen.getByRole("button", { name: "Set up tables" }));
    await screen.findByText("Created Assets, Checkouts, AssetLog, Items, Ledger.");
    expect([...wb.tables.keys()].sort()).toEqual(["AssetLog", "Assets", "Checkouts", "Items", "Ledger"]);
    // Created as "Set up tables" specifies: drop-down lists on the Ledger's Type column.
    expect(wb.tables.get("Ledger")?.spec?.validation?.Type).toContain("Sale");
    await waitFor(() => expect(screen.getByTestId("table-list")).toHaveTextContent("Assets — 0 rows"));
  });

  it("counts overdue loans and expiring warranties as the tables show them, and opens each list", async () => {
    const { wb } = await renderPage("overview");
    // Independent count: loans not returned whose due date has passed; warranties ending within 30 days.
    const overdue = rowsOf(wb, "Checkouts").filter((l) => l.ReturnedOn === null && Number(l.DueOn) < TODAY);
    const expiring = rowsOf(wb, "Assets").filter(
      (a) =>
        a.Status !== "Disposed" &&
        typeof a.WarrantyExpires === "number" &&
        a.WarrantyExpires >= TODAY &&
        a.WarrantyExpires - TODAY <= 30
    );
    const card = async (title: string) => (await screen.findByText(title)).parentElement as HTMLElement;
    const loans = await card("Loans overdue");
    expect(loans).toHaveTextContent(String(overdue.length));
    expect(await card("Warranties ending in 30 days")).toHaveTextContent(String(expiring.length));
    const data = await card("Data issues");
    expect(within(data).getByRole("button")).toBeDisabled();
    await userEvent.click(within(loans).getByRole("button", { name: "Show list" }));
    const region = screen.getByRole("region", { name: "Loans overdue" });
    for (const l of overdue) expect(region).toHaveTextContent(String(l.AssetID));
    expect(within(loans).getByRole("button", { name: "Hide list" })).toHaveAttribute("aria-expanded", "true");
  });

  it("counts a data issue when a row cannot be read", async () => {
    const { wb } = await renderPage("overview", { empty: true });
    wb.addUserTable("Assets", ["AssetID", "AcquiredOn", "Cost", "LifeYears"], [["A-1", "not a date", 100, 5]]);
    await userEvent.click(screen.getByRole("button", { name: "Set up tables" }));
    await screen.findByText(/Created Checkouts/);
    const data = (await screen.findByText("Data issues")).parentElement as HTMLElement;
    await waitFor(() => expect(within(data).getByRole("button", { name: "Show list" })).toBeEnabled());
    await userEvent.click(within(data).getByRole("button", { name: "Show list" }));
    expect(screen.getByRole("region", { name: "Data issues" })).toHaveTextContent(/Assets row 2/);
  });
});
