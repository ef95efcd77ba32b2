/**
 * Progress of long work (report generation, reads of big tables): the port reports steps here and the task
 * pane's progress bar listens. One hub per session, created with the port.
 */
import type { Progress } from "../port/types";

export type ProgressListener = (p: Progress) => void;

export class ProgressHub {
  private readonly listeners = new Set<ProgressListener>();

  /** Passed to the port as its onProgress option. */
  readonly emit = (p: Progress): void => {
    for (const l of [...this.listeners]) l(p);
  };

  listen(l: ProgressListener): () => void {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  }
}
