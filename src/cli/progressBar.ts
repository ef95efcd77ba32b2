/** A one-line progress bar on a terminal: `[#######.............]  35%  Writing Journal`. Silent elsewhere. */
import type { Progress } from "../port/types";
import type { CliIO } from "./io";

export interface ProgressBar {
  update(p: Progress): void;
  done(): void;
}

export function progressBar(io: CliIO, width = 24): ProgressBar {
  if (!io.tty) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(p) {
      const frac = p.total > 0 ? Math.max(0, Math.min(1, p.done / p.total)) : 0;
      const fill = Math.round(frac * width);
      const pct = String(Math.round(frac * 100)).padStart(3);
      const line = `[${"#".repeat(fill)}${".".repeat(width - fill)}] ${pct}%  ${p.step}`;
      io.errRaw(`\r${line.slice(0, Math.max(10, io.columns - 1)).padEnd(io.columns - 1)}`);
      shown = true;
    },
    done() {
      if (shown) io.errRaw(`\r${" ".repeat(io.columns - 1)}\r`);
      shown = false;
    },
  };
}
