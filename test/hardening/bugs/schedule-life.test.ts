/**
 * BUG-H1, fixed (docs/HARDENING.md): a depreciation schedule was built for any finite life, so
 * DEPRSCHEDULE/BOOKVALUE/ACCUMDEPR with life 1e15 (a typo, or a pasted serial number) allocated one entry per year
 * until V8 aborted the process ("Fatal JavaScript invalid size error") — in Excel that kills the shared runtime, task
 * pane included. Found by the fuzzer (seed 20261125). A schedule must end by 9999-12-31, Excel's last date.
 */
import { accumDepr, bookValue, deprSchedule } from "../../../src/functions/depreciation";
import { isCfError } from "../checks";

function errorOf(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return e;
  }
}

describe("a life no schedule can hold is refused, not computed", () => {
  it.each([1e15, 1e308, 1e6])("DEPRSCHEDULE with life %d answers a CustomFunctions.Error", (life) => {
    const r = errorOf(() => deprSchedule(496493, 0, life, 46295, null, 2));
    expect(isCfError(r)).toBe(true);
  });

  it.each([1e15, 1e308])("BOOKVALUE and ACCUMDEPR with life %d answer a CustomFunctions.Error", (life) => {
    expect(isCfError(errorOf(() => bookValue(496493, 0, life, 46295)))).toBe(true);
    expect(isCfError(errorOf(() => accumDepr(496493, 0, life, 46295)))).toBe(true);
  });
});
