import fc from "fast-check";
import {
  buildPlan,
  cents,
  monthRows,
  valuesAt,
  vdb,
  yearRows,
  type Plan,
  type ScheduleSpec,
} from "../../../src/engine/depreciation";
import { isEngineError } from "../../../src/engine/errors";
import { round } from "../../../src/engine/money";
import { toSerial } from "../../../src/engine/dates";

const money = fc.integer({ min: 0, max: 500_000_000 }).map((c) => c / 100);
const date = fc.integer({ min: toSerial(1990, 1, 1), max: toSerial(2060, 12, 31) });
const convention = fc.constantFrom("FM", "MM", "HY", "MQ", "DAYS" as const);
const fyEnd = fc.integer({ min: 1, max: 12 });

/** Specs for methods that end at salvage (or 0 for MACRS) by definition. */
const toSalvageSpec: fc.Arbitrary<ScheduleSpec> = fc
  .record({
    cost: money,
    salvageShare: fc.double({ min: 0, max: 1, noNaN: true }),
    life: fc.integer({ min: 2, max: 80 }).map((h) => h / 2), // 1 to 40 years in half years
    method: fc.constantFrom("SL", "SYD", "VDB", "150DB", "MACRS" as const),
    macrsLife: fc.constantFrom(3, 5, 7, 10, 15, 20, 27.5, 39),
    inService: date,
    fyEndMonth: fyEnd,
    convention,
    factor: fc.constantFrom(1.25, 1.5, 2, 2.5, 3),
  })
  .map((r) => ({
    cost: r.cost,
    salvage: r.method === "MACRS" ? 0 : cents(r.cost * r.salvageShare),
    life: r.method === "MACRS" ? r.macrsLife : r.life,
    method: r.method,
    inService: r.inService,
    fyEndMonth: r.fyEndMonth,
    convention: r.convention,
    factor: r.method === "VDB" ? r.factor : undefined,
  }));

/** Any schedule method, with or without a disposal. */
const anySpec: fc.Arbitrary<ScheduleSpec> = fc
  .record({
    base: toSalvageSpec,
    method: fc.constantFrom("SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS" as const),
    disposalAfter: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
  })
  .map(({ base, method, disposalAfter }) => ({
    ...base,
    method,
    life: method === "MACRS" ? 7 : Math.max(1, base.life),
    salvage: method === "MACRS" ? 0 : base.salvage,
    disposedOn: disposalAfter === null ? null : base.inService + disposalAfter,
  }));

function plan(spec: ScheduleSpec): Plan {
  const p = buildPlan(spec);
  if (isEngineError(p)) throw new Error(`${p.code} ${p.message} ${JSON.stringify(spec)}`);
  return p;
}

describe("schedule invariants (fast-check)", () => {
  it("SL, SYD, VDB, 150DB and MACRS sum to cost − salvage exactly, yearly and monthly", () => {
    fc.assert(
      fc.property(toSalvageSpec, (spec) => {
        const p = plan(spec);
        const years = yearRows(p);
        const months = monthRows(p);
        const target = cents(spec.cost - spec.salvage);
        expect(years[years.length - 1].accumulated).toBe(target);
        expect(cents(years.reduce((s, r) => s + r.depreciation, 0))).toBe(target);
        expect(months[months.length - 1].accumulated).toBe(target);
        expect(years[years.length - 1].bookValue).toBe(cents(spec.salvage));
        // Every amount is in whole cents.
        for (const r of years) expect(cents(r.depreciation)).toBe(r.depreciation);
      }),
      { numRuns: 400 }
    );
  });

  it("months add up to their fiscal year", () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const p = plan(spec);
        const byYear = new Map<number, number>();
        for (const m of monthRows(p)) byYear.set(m.fiscalYear, (byYear.get(m.fiscalYear) ?? 0) + m.depreciation);
        for (const y of yearRows(p)) expect(cents(byYear.get(y.fiscalYear) ?? 0)).toBe(y.depreciation);
      }),
      { numRuns: 300 }
    );
  });

  it("book value never goes below salvage (Excel's DB exempt), nor any period below 0", () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const p = plan(spec);
        for (const r of yearRows(p)) {
          expect(r.depreciation).toBeGreaterThanOrEqual(0);
          if (spec.method !== "DB") expect(r.bookValue).toBeGreaterThanOrEqual(cents(spec.salvage));
        }
      }),
      { numRuns: 400 }
    );
  });

  it("values as of a date are monotone in the date and meet the yearly rows at fiscal year ends", () => {
    fc.assert(
      fc.property(anySpec, fc.integer({ min: -400, max: 20000 }), fc.integer({ min: 0, max: 5000 }), (spec, a, gap) => {
        const p = plan(spec);
        const d1 = spec.inService + a;
        const v1 = valuesAt(p, d1);
        const v2 = valuesAt(p, d1 + gap);
        expect(v2.accumulated).toBeGreaterThanOrEqual(v1.accumulated);
        expect(v2.bookValue).toBeLessThanOrEqual(v1.bookValue);
        for (const y of yearRows(p)) {
          expect(valuesAt(p, toSerial(y.fiscalYear, spec.fyEndMonth + 1, 0)).accumulated).toBe(y.accumulated);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("a disposal stops depreciation in the disposal year", () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        if (spec.disposedOn == null) return;
        const p = plan(spec);
        const after = valuesAt(p, spec.disposedOn + 4000).accumulated;
        expect(after).toBe(valuesAt(p, spec.disposedOn).accumulated);
      }),
      { numRuns: 300 }
    );
  });
});

describe("primitive invariants (fast-check)", () => {
  it("cents() equals Excel's ROUND(x, 2) as money.round implements it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 4 }), (n, k) => {
        const x = n / 10 ** k;
        expect(cents(x)).toBe(round(x, 2));
      }),
      { numRuns: 2000 }
    );
  });

  it("VDB over whole periods is additive and totals cost − salvage", () => {
    fc.assert(
      fc.property(
        money,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (cost, share, life) => {
          const salvage = cost * share;
          let total = 0;
          for (let p = 1; p <= life; p++) total += vdb(cost, salvage, life, p - 1, p) as number;
          expect(total).toBeCloseTo(cost - salvage, 5);
          expect(vdb(cost, salvage, life, 0, life)).toBeCloseTo(cost - salvage, 5);
        }
      ),
      { numRuns: 300 }
    );
  });
});
