/**
 * A small in-page bus between the ribbon commands and the task pane (they share one runtime). The task pane
 * registers a handler; a command that fires before the pane has mounted is kept until it does.
 */
export type Command = { kind: "generateReports" } | { kind: "error"; message: string };
type Handler = (c: Command) => Promise<void> | void;

let handler: Handler | null = null;
const pending: Command[] = [];

export async function emitCommand(c: Command): Promise<void> {
  if (handler) await handler(c);
  else pending.push(c);
}

export function onCommand(h: Handler): () => void {
  handler = h;
  for (const c of pending.splice(0)) void h(c);
  return () => {
    if (handler === h) handler = null;
  };
}
