/**
 * Faults mid-operation (faultRuns.ts): the Excel fake fails the n-th `context.sync()` after applying 0, 1 or 3 of
 * its operations, for every n a clean run makes, during a check-out, a table set-up and a report run (first, and
 * over earlier reports). Afterwards no sheet is partly written, no row is half-written, the user has a message, and
 * running the operation again completes it. Tags of reported bugs (docs/HARDENING.md BUG-H5..H8) are asserted in
 * bugs/faults.pending.ts instead, until their fixes land.
 */
import { FAULT_OPS, faultRun, PENDING_TAGS } from "./faultRuns";

let injected = 0;
afterAll(() => console.log(`Faults injected: ${injected}`));

describe.each(FAULT_OPS.map((op) => [op.name, op] as const))("a failing sync during a %s", (name, op) => {
  it("leaves no partial sheet or half-written row, tells the user, and a retry completes it", async () => {
    const r = await faultRun(op);
    injected += r.injected;
    expect(r.syncs).toBeGreaterThan(1);
    const pending = PENDING_TAGS[name] ?? [];
    expect(r.problems.filter((p) => !pending.includes(p.tag)).map((p) => p.text)).toEqual([]);
  });
});
