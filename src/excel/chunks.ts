/**
 * Splitting large reads and writes so no Office.js request exceeds the payload Excel accepts. Excel on the web
 * rejects requests and responses over 5 MB (RequestPayloadSizeLimitExceeded); the adapter aims at 4 MB per request,
 * estimated as the JSON the request carries, so there is headroom for the protocol's own framing.
 */
import type { CellValue } from "../port/types";

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/**
 * Cells per read chunk. A read's size is unknown before it is made; 40 bytes a cell covers typical ledger cells
 * (numbers, dates, short codes) ten times over at 4 MB. A chunk that still comes back too large is halved and retried.
 */
export const DEFAULT_READ_CHUNK_CELLS = 100_000;
/** Room left in a write request for the operations that share its sync (sheet, table and format calls). */
export const REQUEST_HEADROOM = 16_384;

/** Bytes a value takes in the request JSON (UTF-8; non-ASCII counted at 3 bytes). */
export function valueBytes(v: CellValue | undefined): number {
  if (v === null || v === undefined) return 3; // ""
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  let extra = 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 127) extra += 2;
    else if (c === 34 || c === 92 || c < 32) extra += 1;
  }
  return v.length + extra;
}

/** Bytes of one row in the values (and numberFormat) arrays: brackets, items and separators. */
export function rowBytes(values: readonly CellValue[], formats?: readonly string[]): number {
  let n = formats ? 6 : 3;
  for (const v of values) n += valueBytes(v);
  if (formats) for (const f of formats) n += f.length + 3;
  return n;
}

export interface Chunk {
  start: number;
  count: number;
}

/** Consecutive row chunks, each under `budget` bytes (a single row over budget becomes its own chunk). */
export function planChunks(sizes: readonly number[], budget: number): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && bytes + sizes[i] > budget) {
      out.push({ start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += sizes[i];
  }
  if (sizes.length > start) out.push({ start, count: sizes.length - start });
  return out;
}

/**
 * Row chunks of a read of `rows` × `cols` cells: ⌈cells ÷ chunkCells⌉ chunks of equal height, so a chunk holds at
 * most chunkCells cells plus less than one row.
 */
export function readChunks(rows: number, cols: number, chunkCells: number): Chunk[] {
  if (rows <= 0) return [];
  const n = Math.min(rows, Math.ceil((rows * Math.max(1, cols)) / Math.max(1, chunkCells)));
  const per = Math.ceil(rows / n);
  const out: Chunk[] = [];
  for (let s = 0; s < rows; s += per) out.push({ start: s, count: Math.min(per, rows - s) });
  return out;
}

/** Excel's payload-limit error codes (Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
