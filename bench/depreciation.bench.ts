/**
 * Depreciation benchmarks (issue 3). One run each, printed as JSON by `npm run bench`:
 * - full year-by-year schedules for 100,000 assets (mixed methods and conventions, some disposals), book side,
 *   then book and tax side by side; monthly schedules for 10,000 assets;
 * - BOOK.DEPRECIATE per call (through the custom-function edge) vs @formulajs/formulajs DDB and DB per call on the
 *   same 200,000 argument sets, with the ratio (ours ÷ formulajs; below 1 is faster).
 * Assets come from a fixed-seed PRNG. Schedules: best of three runs after a warm-up. Per call: each side has its own
 * loop (no call site shared between ours and theirs, so neither pays for the other's polymorphism), both are warmed
 * up, then ROUNDS rounds alternate ours and theirs and the figures are the medians (wall and CPU), the ratio of the
 * medians and the number of rounds ours won; the per-call comparison runs first, before the schedules fill the heap.
 */
import * as formulajs from "@formulajs/formulajs";
import { assetMonthlySchedule, assetSchedule } from "../src/engine/depreciation";
import type { AssetRow } from "../src/engine/schema/rows";
import type { Convention } from "../src/engine/schema/tables";
import * as fns from "../src/functions/depreciation";

// Excel calls a custom function through the reference given to CustomFunctions.associate; bind it once the same
// way (a named import would go through the module-interop getter on every call and time that instead).
const { depreciate } = fns;
const { DB, DDB } = formulajs;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ["SL", "SL", "SL", "SYD", "DB", "DDB", "VDB", "150DB"];
const CONVENTIONS: Convention[] = ["FM", "MM", "HY", "MQ", "DAYS"];
const MACRS_CLASSES = [3, 5, 7, 7, 10, 15, 20, 27.5, 39];

function assets(n: number): AssetRow[] {
  const rnd = prng(20240601);
  const out: AssetRow[] = [];
  for (let i = 0; i < n; i++) {
    const inService = 43466 + Math.floor(rnd() * 2500); // 2019-01-01 onwards
    const cost = Math.round(500 + rnd() * 250000) / 1;
    const disposed = rnd() < 0.1 ? inService + Math.floor(rnd() * 2500) : null;
    out.push({
      row: i + 2,
      index: i,
      AssetID: `A-${i}`,
      Name: null,
      Category: null,
      Location: null,
      Custodian: null,
      Status: null,
      AcquiredOn: inService,
      InServiceOn: inService,
      Cost: cost,
      Salvage: Math.round(cost * 0.1 * rnd() * 100) / 100,
      LifeYears: 3 + Math.floor(rnd() * 12),
      Method: METHODS[Math.floor(rnd() * METHODS.length)],
      Convention: CONVENTIONS[Math.floor(rnd() * CONVENTIONS.length)],
      TaxMethod: "MACRS",
      TaxLifeYears: MACRS_CLASSES[Math.floor(rnd() * MACRS_CLASSES.length)],
      TaxConvention: rnd() < 0.2 ? "MQ" : "HY",
      WarrantyExpires: null,
      LastAuditedOn: null,
      Vendor: null,
      SerialNumber: null,
      CostCenter: null,
      DisposedOn: disposed,
      DisposalProceeds: disposed ? Math.round(cost * rnd() * 0.5) : null,
    });
  }
  return out;
}

interface Timing {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system): steadier than wall time on a shared, busy machine. */
  cpuMs: number;
  result: number;
}

function time(f: () => number): Timing {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = f();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

const better = (a: Timing, b: Timing): Timing => ({
  ms: Math.min(a.ms, b.ms),
  cpuMs: Math.min(a.cpuMs, b.cpuMs),
  result: b.result,
});
const NONE: Timing = { ms: Infinity, cpuMs: Infinity, result: 0 };

const ROUNDS = 15;

const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

interface PairResult {
  ours: Timing;
  theirs: Timing;
  /** Rounds in which ours took less wall time than theirs. */
  oursFaster: number;
}

/**
 * Two functions timed alternately (ours first in even rounds, theirs first in odd ones, so neither always runs just
 * after the other), after two warm-up runs of each; medians of wall and CPU time.
 */
function medianPair(rounds: number, ours: () => number, theirs: () => number): PairResult {
  for (let i = 0; i < 2; i++) {
    ours();
    theirs();
  }
  const a: Timing[] = [];
  const b: Timing[] = [];
  let oursFaster = 0;
  for (let i = 0; i < rounds; i++) {
    let x: Timing;
    let y: Timing;
    if (i % 2 === 0) {
      x = time(ours);
      y = time(theirs);
    } else {
      y = time(theirs);
      x = time(ours);
    }
    a.push(x);
    b.push(y);
    if (x.ms < y.ms) oursFaster++;
  }
  const med = (ts: Timing[]): Timing => ({
    ms: median(ts.map((t) => t.ms)),
    cpuMs: median(ts.map((t) => t.cpuMs)),
    result: ts[ts.length - 1].result,
  });
  return { ours: med(a), theirs: med(b), oursFaster };
}

function best(runs: number, f: () => number): Timing {
  let a = NONE;
  f(); // warm-up
  for (let i = 0; i < runs; i++) a = better(a, time(f));
  return a;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  // Per-call comparison on the same argument sets (month 12 for DB, where formulajs follows Excel).
  const calls = 200_000;
  const rnd = prng(7);
  const argSets: [number, number, number, number][] = [];
  for (let i = 0; i < calls; i++) {
    const life = 3 + Math.floor(rnd() * 12);
    const cost = 1000 + Math.floor(rnd() * 100000);
    argSets.push([cost, Math.floor(cost * 0.1 * rnd()), life, 1 + Math.floor(rnd() * life)]);
  }
  // One loop per side and method, written out: a shared `sum(f)` helper would make its `f(a)` call site
  // polymorphic across all four and time the dispatch rather than the functions.
  const oursDdbLoop = () => {
    let s = 0;
    for (const a of argSets) s += depreciate(a[0], a[1], a[2], a[3], "DDB");
    return s;
  };
  const theirsDdbLoop = () => {
    let s = 0;
    for (const a of argSets) s += DDB(a[0], a[1], a[2], a[3]) as number;
    return s;
  };
  const oursDbLoop = () => {
    let s = 0;
    for (const a of argSets) s += depreciate(a[0], a[1], a[2], a[3], "DB");
    return s;
  };
  const theirsDbLoop = () => {
    let s = 0;
    for (const a of argSets) s += DB(a[0], a[1], a[2], a[3], 12) as number;
    return s;
  };
  const ddbPair = medianPair(ROUNDS, oursDdbLoop, theirsDdbLoop);
  const dbPair = medianPair(ROUNDS, oursDbLoop, theirsDbLoop);

  const list = assets(100_000);
  const book = best(3, () => {
    let rows = 0;
    for (const a of list) {
      const s = assetSchedule(a, { fyEndMonth: 12 });
      if ("code" in s) throw new Error(s.message);
      rows += s.years.length;
    }
    return rows;
  });
  const bookAndTax = best(3, () => {
    let rows = 0;
    for (const a of list) {
      for (const side of ["book", "tax"] as const) {
        const s = assetSchedule(a, { fyEndMonth: 6, side });
        if ("code" in s) throw new Error(s.message);
        rows += s.years.length;
      }
    }
    return rows;
  });
  const monthlyList = list.slice(0, 10_000);
  const monthly = best(3, () => {
    let rows = 0;
    for (const a of monthlyList) {
      const s = assetMonthlySchedule(a, { fyEndMonth: 12 });
      if ("code" in s) throw new Error(s.message);
      rows += s.length;
    }
    return rows;
  });

  const perCallNs = (ms: number) => Math.round((ms * 1e6) / calls);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

  return {
    assets: list.length,
    yearlyScheduleBookMs: round1(book.ms),
    yearlyScheduleBookCpuMs: round1(book.cpuMs),
    yearlyScheduleBookRows: book.result,
    yearlyScheduleBookAndTaxMs: round1(bookAndTax.ms),
    yearlyScheduleBookAndTaxCpuMs: round1(bookAndTax.cpuMs),
    yearlyScheduleBookAndTaxRows: bookAndTax.result,
    monthlyScheduleAssets: monthlyList.length,
    monthlyScheduleMs: round1(monthly.ms),
    monthlyScheduleCpuMs: round1(monthly.cpuMs),
    monthlyScheduleRows: monthly.result,
    calls,
    perCallRounds: ROUNDS,
    depreciateDdbNsPerCall: perCallNs(ddbPair.ours.ms),
    formulajsDdbNsPerCall: perCallNs(ddbPair.theirs.ms),
    ratioDdb: ratio(ddbPair.ours.ms, ddbPair.theirs.ms),
    ratioDdbCpu: ratio(ddbPair.ours.cpuMs, ddbPair.theirs.cpuMs),
    ddbRoundsOursFaster: `${ddbPair.oursFaster}/${ROUNDS}`,
    depreciateDbNsPerCall: perCallNs(dbPair.ours.ms),
    formulajsDbNsPerCall: perCallNs(dbPair.theirs.ms),
    ratioDb: ratio(dbPair.ours.ms, dbPair.theirs.ms),
    ratioDbCpu: ratio(dbPair.ours.cpuMs, dbPair.theirs.cpuMs),
    dbRoundsOursFaster: `${dbPair.oursFaster}/${ROUNDS}`,
    sameDdbTotal: Math.abs(ddbPair.ours.result - ddbPair.theirs.result) < 1e-3 * Math.abs(ddbPair.theirs.result),
    sameDbTotal: Math.abs(dbPair.ours.result - dbPair.theirs.result) < 1e-3 * Math.abs(dbPair.theirs.result),
  };
}
