/** Where the command line writes: stdout for results, stderr for progress and errors. Tests pass their own. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Raw writes to stderr for the progress bar (no newline). */
  errRaw(text: string): void;
  /** Show a progress bar (stderr is a terminal). */
  tty: boolean;
  columns: number;
}

export function processIO(): CliIO {
  return {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    errRaw: (t) => process.stderr.write(t),
    tty: process.stderr.isTTY === true,
    columns: process.stderr.columns ?? 80,
  };
}

/** A failure that ends the command with an exit code and one line for the user. */
export class CliFailure extends Error {
  constructor(
    readonly code: number,
    message: string
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

/** Exit code for an unreadable or wrong file (issue 7). */
export const BAD_FILE = 2;
