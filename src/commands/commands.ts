/**
 * Ribbon commands. They run in the shared runtime, so they share the task pane's page and state. Every handler
 * calls event.completed(), whatever happens, or Excel would keep the button busy.
 */
import { emitCommand } from "./bus";

export const GENERATE_REPORTS = "generateReports";

export async function generateReports(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Show the task pane: it displays the progress and the outcome of the run.
    await Office.addin.showAsTaskpane();
    await emitCommand({ kind: "generateReports" });
  } catch (e) {
    emitCommand({ kind: "error", message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
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
