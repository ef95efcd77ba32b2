/**
 * The one place where the task pane chooses and builds its workbook port: the Office.js port inside Excel, the
 * in-memory workbook filled with demo data in a plain browser. Components never see Office.js; they get the
 * port through the workspace context.
 */
import { fillMemoryWorkbook } from "../demo";
import { todaySerial } from "../engine/dates";
import { MemoryWorkbook } from "../port/memory";
import type { WorkbookPort } from "../port/types";
import { generateReports } from "../reports";
import { excelPort, generateReportsInExcel } from "../reports/office";
import type { HostKind } from "./host";
import type { ReportRunner } from "./logic/reportRunner";
import { ProgressHub } from "./progress";
import { themeKindOf, type ThemeKind } from "./theme";

export interface Session {
  mode: HostKind;
  /** Null when the port could not be built; `problem` then says why. */
  port: WorkbookPort | null;
  problem: string | null;
  progress: ProgressHub;
  theme: ThemeKind;
  today: number;
  runner: ReportRunner;
}

/** Demo mode and tests: the runner over the session's own port, whose progress already reaches the hub. */
const portRunner: ReportRunner = (port, request) => generateReports(port, request);

/**
 * Inside Excel: the add-in's one Office.js port (src/reports/office.ts), shared with the ribbon command so a run
 * from either place holds the same lock; its progress is handed to the pane's listener for the run.
 */
const excelRunner: ReportRunner = (_port, request, onProgress) => generateReportsInExcel(request, onProgress);

/** What demo mode exposes to the browser tests (and to a curious user's console). */
export interface DemoHandle {
  workbook: MemoryWorkbook;
  today: number;
}

declare global {
  interface Window {
    __stockbook?: DemoHandle;
  }
}

function officeThemeKind(): ThemeKind {
  try {
    return themeKindOf(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light"; // hosts without officeTheme (older Excel) show the light theme
  }
}

function excelSession(progress: ProgressHub, today: number): Session {
  try {
    const port = excelPort();
    return { mode: "excel", port, problem: null, progress, theme: officeThemeKind(), today, runner: excelRunner };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      mode: "excel",
      port: null,
      problem: `Stockbook could not connect to this workbook (${why}). Close and reopen the task pane.`,
      progress,
      theme: officeThemeKind(),
      today,
      runner: excelRunner,
    };
  }
}

/**
 * Demo mode: an in-memory workbook with the demo company's tables. `?demo=empty` starts with no tables (to try
 * "Set up tables"); `?theme=dark` shows the dark theme.
 */
function demoSession(progress: ProgressHub, today: number, search: string): Session {
  const params = new URLSearchParams(search);
  const workbook = new MemoryWorkbook({ onProgress: progress.emit });
  if (params.get("demo") !== "empty") fillMemoryWorkbook(workbook, today);
  if (typeof window !== "undefined") window.__stockbook = { workbook, today };
  const dark =
    params.get("theme") === "dark" ||
    (params.get("theme") === null &&
      typeof window !== "undefined" &&
      typeof window.matchMedia === "function" &&
      window.matchMedia("(prefers-color-scheme: dark)").matches);
  return {
    mode: "demo",
    port: workbook,
    problem: null,
    progress,
    theme: dark ? "dark" : "light",
    today,
    runner: portRunner,
  };
}

export function createSession(host: HostKind, search = ""): Session {
  const progress = new ProgressHub();
  const today = todaySerial();
  return host === "excel" ? excelSession(progress, today) : demoSession(progress, today, search);
}
