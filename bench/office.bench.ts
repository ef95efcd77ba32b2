/**
 * The Office.js path of generateReports (issue 7) against the counting Excel fake (test/fakes/excelFake), on the
 * data of reports.bench.ts (200,000 ledger rows + 20,000 assets): syncs, requests and the largest request.
 * Target: ≤ 10 syncs plus read and write chunks, no request over 4 MB. Figures are printed, never asserted.
 */
import { TABLE_NAMES } from "../src/engine/schema/tables";
import { defaultSettings } from "../src/engine/settings";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { tableSpec } from "../src/port/setup";
import { generateReports } from "../src/reports/generate";
import { ExcelFake } from "../test/fakes/excelFake";
import { data, PERIOD, type Cells } from "./reports.bench";
import type { TableName } from "../src/engine/schema/tables";

export async function officeBench(d: Record<TableName, Cells>): Promise<Record<string, number>> {
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
  const port = new OfficeWorkbook(fake.run, { isSetSupported: () => true });
  fake.resetCounters();
  const t0 = performance.now();
  let readSyncs = 0;
  const perSheet: Record<string, number> = {};
  let last = "";
  let at = 0;
  const res = await generateReports(port, { ...PERIOD, now: new Date(2026, 0, 15) }, (p) => {
    if (p.step === "Computing reports" && p.done === 0) readSyncs = fake.syncs;
    if (p.step !== last) {
      if (last.startsWith("Writing ")) perSheet[last.slice(8)] = fake.syncs - at;
      last = p.step;
      at = fake.syncs;
    }
  });
  const ms = performance.now() - t0;
  return {
    sheets: res.sheets.length,
    pivots: res.pivots,
    syncs: fake.syncs,
    readSyncs,
    ...Object.fromEntries(Object.entries(perSheet).map(([k, v]) => [`syncsWriting ${k}`, v])),
    requests: fake.requests.length,
    largestRequestMB: Math.round((fake.largestRequest / 1024 / 1024) * 100) / 100,
    ms: Math.round(ms),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  return { office: await officeBench(data()) };
}
