/** The session: demo mode on the demo workbook outside Excel, the Office.js port and Office theme inside. */
import "./harness";
import { render, screen } from "@testing-library/react";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { MemoryWorkbook } from "../../src/port/memory";
import { App } from "../../src/taskpane/App";
import { themeKindOf } from "../../src/taskpane/theme";
import { createSession } from "../../src/taskpane/workbook";

type G = { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete (globalThis as G).Office;
  delete (globalThis as G).Excel;
  delete window.__stockbook;
});

describe("createSession", () => {
  it("runs demo mode on an in-memory workbook with the demo tables, exposed for the browser tests", async () => {
    const s = createSession("demo", "");
    expect(s.mode).toBe("demo");
    expect(s.port).toBeInstanceOf(MemoryWorkbook);
    expect(window.__stockbook?.workbook).toBe(s.port);
    expect((await s.port!.listTables()).map((t) => t.name).sort()).toEqual([
      "AssetLog",
      "Assets",
      "Checkouts",
      "Items",
      "Ledger",
    ]);
  });

  it("starts empty with ?demo=empty and dark with ?theme=dark", async () => {
    const s = createSession("demo", "?demo=empty&theme=dark");
    expect(await s.port!.listTables()).toEqual([]);
    expect(s.theme).toBe("dark");
  });

  it("builds the Office.js port in Excel and follows the Office theme; nothing is exposed on window", () => {
    (globalThis as G).Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    (globalThis as G).Excel = { run: jest.fn() };
    const s = createSession("excel", "?demo=empty");
    expect(s.port).toBeInstanceOf(OfficeWorkbook);
    expect(s.theme).toBe("dark");
    expect(window.__stockbook).toBeUndefined();
  });
});

describe("themeKindOf", () => {
  it("reads Office's body background: White and Colorful are light, Dark Gray and Black are dark", () => {
    // Greys like the body backgrounds of Office's light and dark themes, and no theme at all (older hosts).
    expect(themeKindOf("#FFFFFF")).toBe("light");
    expect(themeKindOf("#E6E6E6")).toBe("light");
    expect(themeKindOf("#666666")).toBe("dark");
    expect(themeKindOf("#262626")).toBe("dark");
    expect(themeKindOf(undefined)).toBe("light");
  });
});

describe("App outside Excel", () => {
  it("labels demo mode clearly", async () => {
    render(<App session={createSession("demo", "?demo=empty")} />);
    expect(screen.getByTestId("demo-banner")).toHaveTextContent("Demo mode");
    expect(await screen.findByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  });

  it("shows why when the workbook cannot be reached", () => {
    const s = { ...createSession("demo", "?demo=empty"), mode: "excel" as const, port: null, problem: "No host." };
    render(<App session={s} />);
    expect(screen.getByText("No host.")).toBeInTheDocument();
    expect(screen.queryByTestId("demo-banner")).not.toBeInTheDocument();
  });
});
