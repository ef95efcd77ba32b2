/**
 * One report run at a time in this process: a double click on "Generate reports", or the ribbon and the task
 * pane together (each may hold its own port object over the same workbook), must not interleave two runs' temp
 * sheets. The second run is refused with a message instead of queued, so the user gets one consistent set and
 * knows why nothing else happened. (The CLI runs one report per process; tests run them one after another.)
 */
let running = false;

export class ReportsBusyError extends Error {
  constructor() {
    super("Reports are already being generated; wait for that run to finish.");
    this.name = "ReportsBusyError";
  }
}

export async function withReportLock<T>(work: () => Promise<T>): Promise<T> {
  if (running) throw new ReportsBusyError();
  running = true;
  try {
    return await work();
  } finally {
    running = false;
  }
}

export const isRunning = (): boolean => running;
