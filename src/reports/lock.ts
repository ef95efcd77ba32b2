/**
 * One report run at a time per workbook port, in this process: a double click on "Generate reports" (or the
 * ribbon and the task pane together) must not interleave two runs' temp sheets. The second run is refused with a
 * message instead of queued, so the user gets one consistent set and knows why nothing else happened.
 */
const running = new WeakSet<object>();

export class ReportsBusyError extends Error {
  constructor() {
    super("Reports are already being generated for this workbook; wait for that run to finish.");
    this.name = "ReportsBusyError";
  }
}

export async function withReportLock<T>(key: object, work: () => Promise<T>): Promise<T> {
  if (running.has(key)) throw new ReportsBusyError();
  running.add(key);
  try {
    return await work();
  } finally {
    running.delete(key);
  }
}

export const isRunning = (key: object): boolean => running.has(key);
