/** The error a report run ends with: a sentence for the user, the underlying error kept as `cause`. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown
  ) {
    super(message);
    this.name = "ReportError";
  }
}

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
