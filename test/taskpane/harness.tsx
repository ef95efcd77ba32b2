/**
 * Renders the task pane on an in-memory workbook (demo data at a fixed date, or empty) for React Testing
 * Library. jsdom lacks a few browser APIs Fluent touches; they are stubbed here.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor } from "@testing-library/react";
import { fillMemoryWorkbook } from "../../src/demo";
import { toSerial } from "../../src/engine/dates";
import { MemoryWorkbook } from "../../src/port/memory";
import { generateReports } from "../../src/reports";
import { App, type PageKey } from "../../src/taskpane/App";
import type { ReportRunner } from "../../src/taskpane/logic/reportRunner";
import { ProgressHub } from "../../src/taskpane/progress";
import type { Session } from "../../src/taskpane/workbook";

export const TODAY = toSerial(2026, 3, 16);

// Typing into Fluent inputs in jsdom and valuing two years of ledger take a few seconds per test.
jest.setTimeout(60_000);

if (typeof window !== "undefined") {
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Harness {
  wb: MemoryWorkbook;
  session: Session;
}

export function demoSession(opts: { empty?: boolean; wb?: MemoryWorkbook } = {}): Harness {
  const progress = new ProgressHub();
  const wb = opts.wb ?? new MemoryWorkbook({ onProgress: progress.emit });
  if (!opts.empty && !opts.wb) fillMemoryWorkbook(wb, TODAY);
  const runner: ReportRunner = (port, request) => generateReports(port, request);
  return { wb, session: { mode: "demo", port: wb, problem: null, progress, theme: "light", today: TODAY, runner } };
}

export async function renderPage(
  page: PageKey,
  opts: { empty?: boolean; wb?: MemoryWorkbook; runner?: ReportRunner } = {}
): Promise<Harness> {
  const h = demoSession(opts);
  render(<App session={h.session} initialPage={page} runner={opts.runner} />);
  await waitFor(() => expect(screen.getByRole("tabpanel")).toBeInTheDocument());
  return h;
}

type Cell = string | number | boolean | null;

/** A table's rows as objects by header, straight from the in-memory workbook. */
export function rowsOf(wb: MemoryWorkbook, table: string): Record<string, Cell>[] {
  const t = wb.tables.get(table);
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}
