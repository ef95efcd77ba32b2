/** Reports page: honest when no runner is built; with one, progress, sheets written, activation, failures. */
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { emitCommand } from "../../src/commands/bus";
import { toIso, toSerial } from "../../src/engine/dates";
import type { ReportRunner } from "../../src/taskpane/logic/reportRunner";
import { reportProblems } from "../../src/taskpane/pages/ReportsPage";
import { fillMemoryWorkbook } from "../../src/demo";
import { MemoryWorkbook } from "../../src/port/memory";
import { renderPage, TODAY } from "./harness";

describe("reportProblems", () => {
  it("needs two dates in order", () => {
    expect(reportProblems({ from: "2026-01-01", to: "2025-12-31", method: "", allowNegativeStock: false })).toEqual({
      to: "The period must end on or after its first day.",
    });
    expect(reportProblems({ from: "", to: "2026-01-01", method: "", allowNegativeStock: false }).from).toMatch(
      /first day/
    );
  });
});

describe("Reports page", () => {
  it("generates the reports of the demo workbook with the project's runner and lists the sheets", async () => {
    const { wb } = await renderPage("reports");
    const seen: string[] = [];
    wb.progress = (p) => void seen.push(p.step);
    await userEvent.click(screen.getByRole("button", { name: "Generate reports" }));
    const list = await screen.findByTestId("sheets-written", undefined, { timeout: 50_000 });
    const owned = await wb.ownedSheets();
    for (const li of list.querySelectorAll("li")) expect(owned).toContain(li.textContent);
    expect(owned).toContain("Issues");
    expect(seen.length).toBeGreaterThan(0);
    // The source tables are not modified by a report run.
    expect(wb.tables.get("Ledger")?.rows.length).toBeGreaterThan(7000);
  });

  it("follows a run the ribbon button started: progress, then the sheets written", async () => {
    await renderPage("overview");
    await act(async () => emitCommand({ kind: "reportsStarted" }));
    expect(screen.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
    await act(async () => emitCommand({ kind: "reportProgress", step: "Writing Journal", done: 4, total: 6 }));
    expect(screen.getByText("Writing Journal (4 of 6)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate reports" })).toBeDisabled();
    await act(async () => emitCommand({ kind: "reportsDone", sheets: ["Journal"], issues: 2, pivotFallback: null }));
    expect(screen.getByTestId("sheets-written")).toHaveTextContent("Journal");
    expect(screen.getByText(/Issues: 2/)).toBeInTheDocument();
    await act(async () => emitCommand({ kind: "error", message: "Reports are already being generated." }));
    expect(screen.getByTestId("outcome-error")).toHaveTextContent("Reports are already being generated.");
  });

  it("defaults to the fiscal year to date and runs the runner with the chosen options", async () => {
    let release: () => void = () => undefined;
    const calls: unknown[] = [];
    const runner: ReportRunner = async (port, req) => {
      calls.push(req);
      port.progress({ step: "Writing Profitability", done: 2, total: 5 });
      await new Promise<void>((r) => (release = r));
      await port.writeSheet({ name: "Issues", blocks: [{ kind: "note", text: "none" }] });
      return { sheets: ["Profitability", "Issues"], issues: 3, pivotFallback: null };
    };
    const { wb } = await renderPage("reports", { runner });
    expect(screen.getByLabelText(/From/)).toHaveValue(toIso(toSerial(2026, 1, 1)));
    expect(screen.getByLabelText(/^To/)).toHaveValue(toIso(TODAY));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Valuation method" }), "MOVING");
    await userEvent.click(screen.getByRole("button", { name: "Generate reports" }));
    expect(await screen.findByText("Writing Profitability (2 of 5)")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await act(async () => release());
    await screen.findByText("Wrote 2 report sheets.");
    expect(calls).toEqual([
      { from: toSerial(2026, 1, 1), to: TODAY, valuationMethod: "MOVING", allowNegativeStock: false },
    ]);
    expect(screen.getByTestId("sheets-written")).toHaveTextContent("Profitability");
    expect(screen.getByText(/Issues: 3/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "open the Issues sheet" }));
    await waitFor(() => expect(wb.active).toBe("Issues"));
  });

  it("shows a failed run's message and says, once, that the earlier reports were left alone", async () => {
    // A user's own sheet named like a report: the real runner refuses before changing anything.
    const wb = new MemoryWorkbook();
    fillMemoryWorkbook(wb, TODAY);
    wb.addUserSheet("Profitability", [["my own notes"]]);
    await renderPage("reports", { wb });
    await userEvent.click(screen.getByRole("button", { name: "Generate reports" }));
    const shown = (await screen.findByTestId("outcome-error", {}, { timeout: 15000 })).textContent ?? "";
    expect(shown).toMatch(/A sheet named Profitability exists and is not one Stockbook made; rename it/);
    expect(shown.match(/left as they were/g)).toHaveLength(1);
    expect(wb.sheetValues("Profitability")).toEqual([["my own notes"]]);
  });

  it("runs when the ribbon's Generate reports command arrives", async () => {
    let runs = 0;
    const runner: ReportRunner = async () => {
      runs++;
      return { sheets: ["Inventory Valuation"], issues: 0, pivotFallback: "PivotTables need Excel API 1.8." };
    };
    await renderPage("overview", { runner });
    await act(async () => emitCommand({ kind: "generateReports" }));
    await screen.findByText("Wrote 1 report sheets.");
    expect(screen.getByText("PivotTables need Excel API 1.8.")).toBeInTheDocument();
    expect(runs).toBe(1);
    expect(screen.getByRole("tab", { name: "Reports" })).toHaveAttribute("aria-selected", "true");
  });
});
