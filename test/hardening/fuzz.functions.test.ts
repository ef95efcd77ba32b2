/**
 * Fuzzes every custom function found in src/functions (see discover.ts) with fast-check: at least 100,000 calls
 * in all, with arguments chosen per parameter from the metadata (arbitraries.ts). Each call must end in a value
 * Excel can show or a CustomFunctions.Error with a message that says what to fix (checks.ts), and must not change
 * the arguments it was given (Excel's ranges are read-only to a function).
 *
 * The seed is fixed so main stays reproducible; FUZZ_SEED=<n> and FUZZ_CALLS=<n> explore further.
 */
import { readFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import { argsArb, type XlArg } from "./arbitraries";
import { outcomeOf, resultProblems, thrownProblems } from "./checks";
import { discover, functionFiles, type Fn, type FunctionMeta } from "./discover";
import { knownBug } from "./knownBugs";

const TOTAL_CALLS = Number(process.env.FUZZ_CALLS ?? 115_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const files = functionFiles();
const declared = files.reduce((n, f) => n + (readFileSync(f, "utf8").match(/@customfunction\b/g) ?? []).length, 0);
const perFunction = Math.ceil(TOTAL_CALLS / Math.max(1, declared));

const tally = new Map<string, Map<string, number>>();
let totalCalls = 0;
let skipped = 0;

function count(id: string, outcome: string): void {
  totalCalls++;
  const t = tally.get(id) ?? new Map<string, number>();
  t.set(outcome, (t.get(outcome) ?? 0) + 1);
  tally.set(id, t);
}

const short = (x: unknown): string => {
  const s = JSON.stringify(x, (_k, v: unknown) =>
    typeof v === "string" && v.length > 60
      ? `${v.slice(0, 60)}…(${v.length} chars)`
      : v === undefined
        ? "<undefined>"
        : v
  );
  return s.length > 2000 ? `${s.slice(0, 2000)}…` : s;
};

/** Runs one function `runs` times; returns a description of the first (shrunk) failure, or null. */
async function fuzz(meta: FunctionMeta, fn: Fn, runs: number, seed: number): Promise<string | null> {
  let last: string[] = [];
  const prop = fc.asyncProperty(argsArb(meta.params), async (args: XlArg[]) => {
    if (knownBug(meta, args)) {
      skipped++;
      return true;
    }
    const before = JSON.stringify(args);
    let r: unknown;
    let thrown = false;
    try {
      r = fn(...args);
      if (r && typeof (r as { then?: unknown }).then === "function") r = await r;
    } catch (e) {
      r = e;
      thrown = true;
    }
    count(meta.id, outcomeOf(r, thrown));
    const problems = thrown ? thrownProblems(r, args) : resultProblems(r, args);
    if (JSON.stringify(args) !== before) problems.push("the call changed its arguments");
    last = problems;
    return problems.length === 0;
  });
  const details = await fc.check(prop, { numRuns: runs, seed, endOnFailure: true });
  if (!details.failed) return null;
  // Re-run the shrunk counterexample so `last` describes it (the property's last run may be a shrink attempt).
  const ce = details.counterexample?.[0] as XlArg[] | undefined;
  if (ce) await prop.run([ce]);
  return `${meta.id}(${short(ce)})\n  ${last.join("\n  ")}\n  (seed ${seed}, path ${details.counterexamplePath})`;
}

for (const file of files) {
  const rel = path.relative(path.resolve(__dirname, "../.."), file);
  describe(`fuzz ${rel}`, () => {
    let found: { meta: FunctionMeta; fn: Fn }[] = [];
    beforeAll(async () => {
      found = await discover(file);
    }, 60_000);

    it(`every function answers any arguments with a cell value or a CustomFunctions.Error (${perFunction} calls each)`, async () => {
      expect(found.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const { meta, fn } of found) {
        if (meta.streaming) continue; // none today; streaming functions need an invocation object
        const f = await fuzz(meta, fn, perFunction, SEED);
        if (f) failures.push(f);
      }
      expect(failures).toEqual([]);
    }, 300_000);
  });
}

describe("fuzz summary", () => {
  it("made at least 100,000 calls in all", () => {
    const lines = [...tally].map(
      ([id, t]) =>
        `${id.padEnd(16)} ${String([...t.values()].reduce((a, b) => a + b, 0)).padStart(7)}  ` +
        [...t].map(([k, v]) => `${k}: ${v}`).join(", ")
    );
    console.log(
      `Fuzzed ${tally.size} custom functions, ${totalCalls} calls (seed ${SEED}; ${skipped} skipped as known bugs):\n${lines.join("\n")}`
    );
    if (TOTAL_CALLS >= 100_000) expect(totalCalls).toBeGreaterThanOrEqual(100_000);
  });
});
