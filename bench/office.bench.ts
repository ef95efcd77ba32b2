/**
 * The Office.js path of generateReports (issue 7) against the counting Excel fake (test/fakes/excelFake), on the
 * data of reports.bench.ts (200,000 ledger rows + 20,000 assets): syncs split by what they carry, requests and the
 * largest request. Target: ≤ 10 syncs plus read and write chunks, no request over 4 MB. Figures are printed, never
 * asserted.
 *
 * How syncs are told apart: the port reports each sync that carries a chunk of table data just before making it
 * (OfficeWorkbookOptions.onChunkSync, "read" or "write"); every other sync is "other" (a sync that carries a chunk
 * and other work, e.g. the last write chunk with the sheets' tables and formats, counts as a chunk). The fake counts
 * the cells each request moved, so a chunk sync that moved no cells (a mislabel) would show in
 * chunkSyncsWithoutCells. Other syncs are also split by the run's phase (from its progress steps).
 */
import { TABLE_NAMES } from "../src/engine/schema/tables";
import { defaultSettings } from "../src/engine/settings";
import { OfficeWorkbook, type ChunkSyncKind } from "../src/excel/officeWorkbook";
import { tableSpec } from "../src/port/setup";
import { generateReports } from "../src/reports/generate";
import { ExcelFake } from "../test/fakes/excelFake";
import { data, PERIOD, type Cells } from "./reports.bench";
import type { TableName } from "../src/engine/schema/tables";

const mb = (b: number) => Math.round((b / 1024 / 1024) * 100) / 100;

async function oneRun(fake: ExcelFake, port: OfficeWorkbook, kinds: Map<number, ChunkSyncKind>, now: Date) {
  kinds.clear();
  fake.resetCounters();
  const t0 = performance.now();
  let readSyncs = 0;
  // Phases by the run's progress steps: each starts after the syncs made so far.
  const phases: { from: number; phase: string }[] = [{ from: 0, phase: "reading" }];
  const phaseOf = (step: string) =>
    step === "Computing reports" || step.startsWith("Writing")
      ? "writing"
      : step === "Adding PivotTables"
        ? "pivots"
        : step === "Adding charts"
          ? "charts"
          : step === "Replacing the report sheets" || step === "Done"
            ? "finishing"
            : "reading";
  const res = await generateReports(port, { ...PERIOD, now }, (p) => {
    if (p.step === "Computing reports" && p.done === 0) readSyncs = fake.syncs;
    const ph = phaseOf(p.step);
    if (phases[phases.length - 1].phase !== ph) phases.push({ from: fake.syncs, phase: ph });
  });
  const ms = performance.now() - t0;
  const tagged = [...kinds.entries()];
  const count = (k: ChunkSyncKind) => tagged.filter(([, v]) => v === k).length;
  const other = fake.requests.map((r, i) => ({ r, i: i + 1 })).filter(({ i }) => !kinds.has(i));
  return {
    sheets: res.sheets.length,
    pivots: res.pivots,
    charts: res.charts,
    pivotFallback: res.pivotFallback,
    syncs: fake.syncs,
    chunkSyncsRead: count("read"),
    chunkSyncsWrite: count("write"),
    otherSyncs: fake.syncs - tagged.length,
    otherSyncsBeforeComputing: other.filter(({ i }) => i <= readSyncs).length,
    otherSyncsAfter: other.filter(({ i }) => i > readSyncs).length,
    otherSyncsByPhase: Object.fromEntries(
      [...new Set(phases.map((p) => p.phase))].map((ph) => [
        ph,
        other.filter(({ i }) => [...phases].reverse().find((p) => p.from < i)?.phase === ph).length,
      ])
    ),
    chunkSyncsWithoutCells: tagged.filter(([i]) => (fake.requests[i - 1]?.cells ?? 0) === 0).length,
    smallestChunkCells: Math.min(...tagged.map(([i]) => fake.requests[i - 1]?.cells ?? 0)),
    largestOtherSyncCells: Math.max(0, ...other.map(({ r }) => r.cells)),
    requests: fake.requests.length,
    largestRequestMB: mb(Math.max(...fake.requests.map((r) => r.requestBytes))),
    largestResponseMB: mb(Math.max(...fake.requests.map((r) => r.responseBytes))),
    requestsOver4MB: fake.requests.filter((r) => Math.max(r.requestBytes, r.responseBytes) > 4_000_000).length,
    ms: Math.round(ms),
  };
}

export async function officeBench(d: Record<TableName, Cells>): Promise<Record<string, unknown>> {
  const fake = new ExcelFake();
  const settings = defaultSettings();
  for (const n of TABLE_NAMES) {
    const spec = tableSpec(n, settings);
    fake.state.seedTable(
      n,
      n,
      spec.headers,
      d[n].rows.map((r) => r.map((v) => (v === null ? "" : v)))
    );
  }
  const kinds = new Map<number, ChunkSyncKind>();
  const port = new OfficeWorkbook(fake.run, {
    isSetSupported: () => true,
    onChunkSync: (k) => kinds.set(fake.syncs + 1, k),
  });
  const first = await oneRun(fake, port, kinds, new Date(2026, 0, 15));
  // A re-run over the reports of the first (the add-in keeps its port between runs).
  const rerun = await oneRun(fake, port, kinds, new Date(2026, 0, 16));
  return { first, rerun };
}

export async function run(): Promise<Record<string, unknown>> {
  return { office: await officeBench(data()) };
}
