/**
 * generateReports through the Office.js port over the counting Excel fake: the batched path (one sync per batch of
 * sheets, PivotTables and charts) writes what the sheet-by-sheet path writes, keeps the failure rules (a refused
 * PivotTable falls back to the static summaries from its sheet on, a refused chart leaves nothing behind), and
 * makes at most 10 syncs besides those carrying chunks of table data. Counting syncs is a property of the design
 * (issue 7: "≤ 10 syncs plus read and write chunks"), not a timing.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { WorkbookPort } from "../../src/port/types";
import { generateReports } from "../../src/reports/generate";
import type { ExcelFake } from "../fakes/excelFake";
import { FY2025 } from "../reports/fixture";
import { installFakePresentation } from "./fakePresentation";
import { sampleBook } from "./sampleBook";

// The fake records (and counts the bytes of) each sheet's alignment, widths, row heights and page set-up, which
// ride in the write requests: the request-size and sync-count assertions below include them.
installFakePresentation();

const BATCH = ["overview", "readTables", "writeSheets", "addPivots", "addCharts", "finishSheets"];

/** The same port without its batch methods: src/port/batch.ts then makes the single calls, sheet by sheet. */
const single = (port: OfficeWorkbook): WorkbookPort =>
  new Proxy(port, {
    get(target, prop, recv) {
      if (typeof prop === "string" && BATCH.includes(prop)) return undefined;
      const v = Reflect.get(target, prop, recv);
      return typeof v === "function" ? v.bind(target) : v;
    },
  }) as WorkbookPort;

type Fake = ExcelFake;
/** Column of a PivotTable's title: the anchor's column (PivotTables under a title start on row 3). */
const pivotCols = (fake: Fake, sheet: string) =>
  fake.state.pivots
    .filter((p) => p.sheet.name === sheet)
    .map((p) => p.anchor.replace(/\d+$/, ""))
    .map((l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);

/** What a reader sees, with the PivotTables' places left out (the batch sets them side by side from estimates). */
function shot(fake: Fake) {
  const st = fake.state;
  return {
    sheets: st.sheets.map((s) => {
      const first = Math.min(Infinity, ...pivotCols(fake, s.name));
      const cells = [...s.cells]
        .filter(([a]) => {
          const col = [...a.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          return col < first;
        })
        .map(([a, c]) => [a, c.value, c.numberFormat, c.bold ?? false]);
      const titles = [...s.cells]
        .filter(([a]) => /^[A-Z]+1$/.test(a))
        .map(([, c]) => c.value)
        .sort();
      return { name: s.name, visibility: s.visibility, frozen: s.frozenRows, tab: s.tabColor, cells, titles };
    }),
    tables: st.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, style: t.style })),
    pivots: st.pivots.map((p) => ({ ...p, sheet: p.sheet.name, source: p.source.name, anchor: 0 })),
    charts: st.charts.map((c) => ({ ...c, sheet: c.sheet.name, source: 0 })),
    active: st.activeSheet,
  };
}
const plain = (x: unknown) =>
  JSON.parse(JSON.stringify(x, (k, v) => (k === "source" && typeof v === "object" ? v?.name : v)));

describe("generateReports through Office.js, batched", () => {
  it("writes the same sheets, tables, PivotTables and charts as the sheet-by-sheet path, first run and re-run", async () => {
    const a = sampleBook();
    const b = sampleBook();
    for (const now of [FY2025.now, new Date(2026, 0, 16, 8, 0)]) {
      const ra = await generateReports(a.port, { ...FY2025, now });
      const rb = await generateReports(single(b.port), { ...FY2025, now });
      expect(ra).toEqual(rb);
      expect(ra.pivotFallback).toBeNull();
      expect(ra.pivots).toBeGreaterThan(3);
      expect(plain(shot(a.fake))).toEqual(plain(shot(b.fake)));
    }
    expect(a.fake.state.sheets.some((s) => /~/.test(s.name))).toBe(false);
  });

  it("places each sheet's PivotTables side by side, each right of the previous one's estimated width", async () => {
    const x = sampleBook();
    await generateReports(x.port, FY2025);
    expect(x.fake.state.sheets.some((s) => pivotCols(x.fake, s.name).length > 1)).toBe(true);
    for (const s of x.fake.state.sheets) {
      const cols = pivotCols(x.fake, s.name);
      for (let i = 1; i < cols.length; i++) expect(cols[i]).toBeGreaterThan(cols[i - 1] + 1);
    }
  });

  it.each([false, true])(
    "makes at most 10 syncs besides the read and write chunks (re-run over earlier reports: %s)",
    async (rerun) => {
      const { fake, port, chunks } = sampleBook({ readChunkCells: 40, maxRequestBytes: 40_000 });
      if (rerun) await generateReports(port, FY2025);
      fake.resetCounters();
      chunks.clear();
      const res = await generateReports(port, FY2025);
      expect(res.pivotFallback).toBeNull();
      const reads = [...chunks.values()].filter((k) => k === "read").length;
      const writes = [...chunks.values()].filter((k) => k === "write").length;
      // Small chunks on purpose: several of each, so the count is not a coincidence of one chunk per phase.
      expect(reads).toBeGreaterThan(1);
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(fake.syncs - reads - writes).toBeLessThanOrEqual(10);
      // Each sync reported as a chunk moved cells of table data; no request exceeded the budget.
      for (const n of chunks.keys()) expect(fake.requests[n - 1].cells).toBeGreaterThan(0);
      for (const r of fake.requests) expect(r.requestBytes).toBeLessThanOrEqual(40_000);
    }
  );

  it("falls back to the static summaries from the sheet of a refused PivotTable on, keeping earlier sheets' PivotTables", async () => {
    const clean = sampleBook();
    await generateReports(clean.port, FY2025);
    const order = clean.fake.state.pivots.map((p) => [p.sheet.name, p.name]);
    const sheetsWithPivots = [...new Set(order.map(([s]) => s))];
    expect(sheetsWithPivots.length).toBeGreaterThan(1);
    const refusedSheet = sheetsWithPivots[1];
    const refused = order.find(([s]) => s === refusedSheet)?.[1] as string;

    const x = sampleBook();
    x.fake.state.refusePivots.add(refused);
    const res = await generateReports(x.port, FY2025);
    expect(res.pivotFallback).toMatch(new RegExp(`could not add the PivotTable ${refused}`));
    const kept = order.filter(([s]) => s === sheetsWithPivots[0]);
    expect(res.pivots).toBe(kept.length);
    expect(x.fake.state.pivots.map((p) => [p.sheet.name, p.name])).toEqual(kept);
    // The first sheet is as in a clean run; the refused one shows its stand-ins and the note, and no PivotTable title.
    const a = plain(shot(x.fake));
    const b = plain(shot(clean.fake));
    const sheet = (s: typeof a, n: string) => s.sheets.find((q: { name: string }) => q.name === n);
    expect(sheet(a, sheetsWithPivots[0])).toEqual(sheet(b, sheetsWithPivots[0]));
    const values = [...(x.fake.state.findSheet(refusedSheet)?.cells.values() ?? [])].map((c) => c.value);
    expect(values.some((v) => typeof v === "string" && v.includes("stand in for the PivotTables"))).toBe(true);
    expect(x.fake.state.sheets.some((s) => /~/.test(s.name))).toBe(false);
  });

  it("without ExcelApi 1.8 writes the static summaries at once: no PivotTable request, at most 8 other syncs", async () => {
    const x = sampleBook();
    const port = new OfficeWorkbook(x.fake.run, {
      isSetSupported: (set, v) => !(set === "ExcelApi" && Number(v) >= 1.8),
      onChunkSync: (k) => x.chunks.set(x.fake.syncs + 1, k),
    });
    x.fake.resetCounters();
    const res = await generateReports(port, FY2025);
    expect(res.pivots).toBe(0);
    expect(res.pivotFallback).toMatch(/1\.8/);
    expect(x.fake.state.pivots).toEqual([]);
    expect(x.fake.syncs - x.chunks.size).toBeLessThanOrEqual(8); // no PivotTable requests at all
    const dep = [...(x.fake.state.findSheet("Depreciation")?.cells.values() ?? [])].map((c) => c.value);
    expect(dep).toContain("Depreciation by category and fiscal year");
  });

  it("answers a refused chart with its reason and leaves no half-made chart; the PivotTables are unaffected", async () => {
    const clean = sampleBook();
    await generateReports(clean.port, FY2025);
    const charts = clean.fake.state.charts.map((c) => c.name);
    expect(charts.length).toBeGreaterThan(0);
    const x = sampleBook();
    x.fake.state.refuseCharts.add(charts[0]);
    const res = await generateReports(x.port, FY2025);
    expect(res.chartFailures).toEqual([expect.stringMatching(new RegExp(`could not add the chart ${charts[0]}`))]);
    expect(x.fake.state.charts.map((c) => c.name)).toEqual(charts.slice(1));
    expect(res.pivotFallback).toBeNull();
    expect(x.fake.state.pivots.map((p) => p.name)).toEqual(clean.fake.state.pivots.map((p) => p.name));
  });

  it.each([false, true])(
    "a sync failing anywhere (over earlier reports: %s) leaves no temp or scratch sheet and an owned list naming only sheets",
    async (rerun) => {
      const probe = sampleBook();
      if (rerun) await generateReports(probe.port, FY2025);
      probe.fake.resetCounters();
      await generateReports(probe.port, FY2025);
      const syncs = probe.fake.syncs;
      for (let n = 1; n <= syncs; n++)
        for (const applied of [0, 1, 3]) {
          const x = sampleBook();
          if (rerun) await generateReports(x.port, FY2025);
          x.fake.resetCounters();
          x.fake.failAtSync = n;
          x.fake.applyBeforeFailure = applied;
          const err = await generateReports(x.port, FY2025).then(
            () => null,
            (e: Error) => e
          );
          x.fake.failAtSync = 0;
          const names = x.fake.state.sheets.map((s) => s.name);
          expect({ n, applied, left: names.filter((s) => s.includes("~")) }).toEqual({ n, applied, left: [] });
          const owned = (await x.port.readSettings()).ownedSheets;
          expect({ n, applied, missing: owned.filter((o) => !names.includes(o)) }).toEqual({ n, applied, missing: [] });
          if (err) expect(err.message).toMatch(/^Reports were not generated: .{10,}/);
          // A retry completes the run.
          await expect(generateReports(x.port, FY2025)).resolves.toMatchObject({ pivotFallback: null });
        }
    }
  );
});
