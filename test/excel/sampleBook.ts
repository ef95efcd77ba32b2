/**
 * The sample workbook's tables (test/reports/fixture.ts) seeded in the Excel fake, with the Office.js port over it
 * and a record of which kind of write chunk each sync carried — the starting point of the report-run tests that
 * drive the port against the fake.
 */
import { TABLE_NAMES } from "../../src/engine/schema/tables";
import { defaultSettings } from "../../src/engine/settings";
import { OfficeWorkbook, type ChunkSyncKind } from "../../src/excel/officeWorkbook";
import { tableSpec } from "../../src/port/setup";
import { ExcelFake, type FakeValue } from "../fakes/excelFake";
import { SAMPLE } from "../reports/fixture";

export interface SampleBookOptions {
  maxRequestBytes?: number;
  readChunkCells?: number;
  /** The host's answer to isSetSupported (default: every requirement set). */
  supports?: (set: string, version: string) => boolean;
}

export function sampleBook(opts: SampleBookOptions = {}) {
  const fake = new ExcelFake();
  const settings = defaultSettings();
  for (const n of TABLE_NAMES) {
    const spec = tableSpec(n, settings);
    const rows = (SAMPLE[n] ?? []).map((r) => spec.headers.map((h) => (r[h] ?? "") as FakeValue));
    fake.state.seedTable(n, n, spec.headers, rows);
  }
  // Sync number -> the kind of write chunk it carried.
  const chunks = new Map<number, ChunkSyncKind>();
  const port = new OfficeWorkbook(fake.run, {
    isSetSupported: opts.supports ?? (() => true),
    onChunkSync: (k) => chunks.set(fake.syncs + 1, k),
    maxRequestBytes: opts.maxRequestBytes,
    readChunkCells: opts.readChunkCells,
  });
  return { fake, port, chunks };
}
