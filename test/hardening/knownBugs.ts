/**
 * Inputs that hit a bug already reported (docs/HARDENING.md) and pinned by a failing test in
 * test/hardening/bugs/*.pending.ts. The fuzzer skips them (they are not counted as calls) so main stays green
 * while the fix is pending; each entry goes when its fix lands and its pending test is renamed to .test.ts.
 */
import type { FunctionMeta } from "./discover";

interface KnownBug {
  ref: string;
  ids: readonly string[];
  param: string;
  hits: (v: unknown) => boolean;
}

export const KNOWN_BUGS: readonly KnownBug[] = [
  // BUG-H1 (huge depreciation life aborted the process) is fixed; its test is bugs/schedule-life.test.ts.
];

/** The known bug these arguments would hit, or null. */
export function knownBug(meta: FunctionMeta, args: readonly unknown[]): string | null {
  for (const b of KNOWN_BUGS) {
    if (!b.ids.includes(meta.id)) continue;
    const i = meta.params.findIndex((p) => p.name === b.param);
    if (i >= 0 && b.hits(args[i])) return b.ref;
  }
  return null;
}
