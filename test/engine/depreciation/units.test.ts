import { percentSchedule, unitsDepr, unitsSchedule } from "../../../src/engine/depreciation";
import { isEngineError } from "../../../src/engine/errors";

// Units-of-production worked example (Kieso, Weygandt & Warfield, Intermediate Accounting, ch. 11, "Activity
// method"): crane cost $500,000, salvage $50,000, 100,000 hours expected; 10,000 hours in the first year →
// ($500,000 − $50,000) ÷ 100,000 = $4.50 per hour, $45,000 depreciation.
describe("units of production", () => {
  it("matches the textbook example", () => {
    expect(unitsDepr(500000, 50000, 100000, 10000)).toBe(45000);
  });
  it("rejects a non-positive total, negative units, negative cost and salvage outside 0..cost", () => {
    for (const r of [
      unitsDepr(500000, 50000, 0, 1),
      unitsDepr(500000, 50000, 100, -1),
      unitsDepr(-1, 0, 100, 1),
      unitsDepr(100, 200, 100, 1),
    ]) {
      expect(isEngineError(r) && r.code).toBe("#NUM!");
    }
  });
  it("schedules to cost − salvage exactly when the units reach the total, and stops there", () => {
    const s = unitsSchedule(1000, 100, 3, [1, 1, 1, 5]);
    if (isEngineError(s)) throw new Error(s.message);
    expect(s.map((r) => r.depreciation)).toEqual([300, 300, 300, 0]);
    const t = unitsSchedule(1000, 0, 3, [1, 1, 2, 1]);
    if (isEngineError(t)) throw new Error(t.message);
    expect(t.map((r) => r.depreciation)).toEqual([333.33, 333.33, 333.34, 0]);
    expect(t[3].bookValue).toBe(0);
  });
  it("does not absorb when the units never reach the total", () => {
    const s = unitsSchedule(1000, 0, 3, [1]);
    if (isEngineError(s)) throw new Error(s.message);
    expect(s[0].depreciation).toBe(333.33);
  });
});

describe("percentage schedule", () => {
  it("applies each year's percentage to cost − salvage and absorbs rounding in the last year", () => {
    const s = percentSchedule(1000, 0, [1 / 3, 1 / 3, 1 / 3]);
    if (isEngineError(s)) throw new Error(s.message);
    expect(s.map((r) => r.depreciation)).toEqual([333.33, 333.33, 333.34]);
    expect(s[2].accumulated).toBe(1000);
  });
  it("stops at 100%", () => {
    const s = percentSchedule(1000, 100, [0.5, 0.6, 0.2]);
    if (isEngineError(s)) throw new Error(s.message);
    expect(s.map((r) => r.depreciation)).toEqual([450, 450, 0]);
    expect(s[2].bookValue).toBe(100);
  });
  it("rejects negative percentages", () => {
    expect(isEngineError(percentSchedule(1000, 0, [0.5, -0.1]))).toBe(true);
  });
});
