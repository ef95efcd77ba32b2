/**
 * Ribbon commands. They run in the shared runtime, so they share the task pane's page and state. Every handler
 * calls event.completed(), whatever happens, or Excel would keep the button busy.
 */
import type { Progress } from "../port/types";
import type { GenerateResult } from "../reports/generate";
import { generateReportsInExcel } from "../reports/office";
import { emitCommand } from "./bus";

export const GENERATE_REPORTS = "generateReports";

type Runner = (onProgress: (p: Progress) => void) => Promise<GenerateResult>;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The run the ribbon button starts (tests replace it to run against the in-memory port or the Excel fake). */
let runner: Runner = (onProgress) => generateReportsInExcel({}, onProgress);

export function setReportRunner(r: Runner | null): void {
  runner = r ?? ((onProgress) => generateReportsInExcel({}, onProgress));
}

/** "Generate reports": opens the task pane to show progress, runs the reports, tells the pane the outcome. */
export async function generateReports(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The pane shows progress; a host that cannot show it still gets the reports.
    await Promise.resolve()
      .then(() => Office.addin.showAsTaskpane())
      .catch(() => undefined);
    await emitCommand({ kind: "reportsStarted" });
    const res = await runner((p) => void emitCommand({ kind: "reportProgress", ...p }).catch(() => undefined));
    await emitCommand({
      kind: "reportsDone",
      sheets: res.sheets,
      issues: res.issues,
      pivotFallback: res.pivotFallback,
      chartFailures: res.chartFailures,
    });
  } catch (e) {
    await emitCommand({ kind: "error", message: message(e) }).catch(() => undefined);
  } finally {
    event.completed();
  }
}

/** Registers the ribbon handlers once Office is ready (outside Office there is nothing to register with). */
export function registerCommands(): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return;
  office.onReady(() => {
    office.actions?.associate(GENERATE_REPORTS, generateReports);
  });
}

registerCommands();
