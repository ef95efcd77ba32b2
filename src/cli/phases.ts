/**
 * Phase timings of a command for `STOCKBOOK_PROFILE=1` (stderr, one line per phase: wall ms and the process's
 * resident memory after it), to see where a slow run goes without a profiler. Silent otherwise.
 */
import type { CliIO } from "./io";

export interface Phases {
  /** Ends the current phase under `name`. */
  mark(name: string): void;
  print(): void;
}

export function phases(io: CliIO, on = Boolean(process.env.STOCKBOOK_PROFILE)): Phases {
  const lines: string[] = [];
  let last = performance.now();
  let peak = 0;
  return {
    mark(name) {
      if (!on) return;
      const now = performance.now();
      const rss = Math.round(process.memoryUsage().rss / 1_048_576);
      peak = Math.max(peak, rss);
      lines.push(`${name.padEnd(28)} ${String(Math.round(now - last)).padStart(7)} ms  rss ${rss} MB`);
      last = now;
    },
    print() {
      if (!on) return;
      for (const l of lines) io.err(`profile: ${l}`);
      io.err(`profile: ${"highest rss seen".padEnd(28)} ${peak} MB`);
    },
  };
}
