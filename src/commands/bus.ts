/**
 * A small in-page bus between the ribbon commands and the task pane (they share one runtime). The task pane
 * registers a handler; a command that fires before the pane has mounted is kept until it does.
 *
 * "generateReports" asks the pane to run the reports itself (its Generate button's path). The ribbon button runs
 * them directly (src/commands/commands.ts) and tells the pane how it goes: reportsStarted, reportProgress (many),
 * then reportsDone or error.
 */
export type ReportEvent =
  | { kind: "reportsStarted" }
  | { kind: "reportProgress"; step: string; done: number; total: number }
  | { kind: "reportsDone"; sheets: string[]; issues: number; pivotFallback: string | null; chartFailures?: string[] };

export type Command = { kind: "generateReports" } | ReportEvent | { kind: "error"; message: string };
type Handler = (c: Command) => Promise<void> | void;

let handler: Handler | null = null;
const pending: Command[] = [];

export async function emitCommand(c: Command): Promise<void> {
  if (handler) {
    await handler(c);
    return;
  }
  // Before the pane mounts, only the latest progress matters: keep one, not thousands.
  const last = pending[pending.length - 1];
  if (c.kind === "reportProgress" && last?.kind === "reportProgress") pending[pending.length - 1] = c;
  else pending.push(c);
}

export function onCommand(h: Handler): () => void {
  handler = h;
  for (const c of pending.splice(0)) void h(c);
  return () => {
    if (handler === h) handler = null;
  };
}
