/**
 * Quantity on hand without valuing: one pass over the Ledger's cells (onhandScan.ts), then signed quantities per
 * item, in total or at one location (onhandCount.ts). It answers only for clean ledgers it can answer EXACTLY as
 * the valuation would: every cell plain, integer quantities, no row the valuation would reject (negative stock, a
 * return beyond its sale, a vendor return tied to its receipt's lot, ...). Anything else gives null and the
 * caller takes the full path (parse, compile, value), which reports the problem with its row.
 */
import type { Cell } from "../schema";
import type { TableCells } from "./read";
import { countOnHand, dateOrder, regroup, type DateOrder } from "./onhandCount";
import { returnGroups } from "./onhandReturns";
import type { ItemIndex, Spellings } from "./onhandNames";
import { sameRows, scanLedger, type CellRows, type OnHandScan } from "./onhandScan";
import { same, snapshot, type Snapshot } from "./snapshot";

export interface QuickOnHand {
  /** SKU text (trimmed; looked up in lower case) -> item index (every SKU of the ledger, whatever its dates). */
  skuIndex: ItemIndex;
  /** SKU cells as written -> item: a key written as in the ledger is one lookup. */
  spellings: Spellings;
  /** Per item: units on hand as of `to` (at `location` when one was given). */
  onHand: Float64Array;
  /** Lower-case names of every location the ledger names ("" included: rows without one). */
  locations: Set<string>;
}

/** A scan with what its counts share: the date order (null: the valuation decides). */
interface Scanned {
  scan: OnHandScan;
  order: DateOrder | null;
}

/** Customer returns are paired with their sales on the way when they can be; else the exact groups are formed. */
function prepare(scan: OnHandScan): Scanned {
  if (scan.hasReturnRef && !scan.vendorRef) return { scan, order: dateOrder(scan, "paired") };
  return exactly(scan);
}

function exactly(scan: OnHandScan): Scanned {
  const groups = returnGroups(scan);
  return { scan, order: groups ? dateOrder(scan, groups) : null };
}

function countOf(x: Scanned, to: number, location: string | null): QuickOnHand | null {
  if (!x.order) return null;
  const where = location === null ? -1 : (x.scan.locId.get(location) ?? -2);
  let onHand = countOnHand(x.scan, x.order, to, where);
  if (!onHand && x.order.paired) {
    // A return not paired with the sale before it (or stock short): the exact groups decide, for later counts too,
    // read into the same date order (its rows already in place).
    const groups = returnGroups(x.scan);
    x.order = groups ? regroup(x.scan, x.order, groups) : null;
    onHand = x.order ? countOnHand(x.scan, x.order, to, where) : null;
  }
  if (!onHand) return null;
  const { skuIndex, spellings, locId } = x.scan;
  return { skuIndex, spellings, onHand, locations: new Set(locId.keys()) };
}

/**
 * On hand per item as of `to` (rows dated after it are ignored), at `location` (lower case) when not null
 * (transfers move units between locations), or null when the ledger needs the full path. Pure: nothing is kept.
 */
export function quickOnHand(ledger: TableCells, to: number, location: string | null): QuickOnHand | null {
  const scan = scanLedger(ledger.header, ledger.rows, 0);
  return scan ? countOf(prepare(scan), to, location) : null;
}

interface Entry {
  /** The scan, or null with a copy of every cell when the ledger needs the full path. */
  scanned: Scanned | null;
  cells: Snapshot | null;
  counts: Map<string, QuickOnHand | null>;
}

/**
 * Counts remembered on the ledger's contents, as LedgerCache does for parsed ledgers: a lookup compares every
 * cell the count reads (sameRows), so a changed cell is never answered from memory. A table that differs from a
 * remembered one only from some row on (a cell edited, rows appended) is scanned from that row: the rows above
 * are taken from the remembered scan. ONHAND is volatile:
 * Excel calls it again on every recalculation with the same contents. A ledger that needs the full path is
 * remembered too (with a copy of all its cells), so it is not scanned again before the valuation's own cache
 * answers.
 */
export class OnHandCache {
  private entries: Entry[] = [];

  constructor(private readonly capacity = 4) {}

  /** Counts for the rows rows[start..] under `header` (start 1 when the header is the matrix's first row). */
  count(
    ledger: TableCells | { header: readonly Cell[]; rows: CellRows; start: number },
    to: number,
    location: string | null
  ): QuickOnHand | null {
    const header = ledger.header;
    const rows = ledger.rows;
    const start = "start" in ledger ? ledger.start : 0;
    const key = `${to}|${location === null ? "" : `=${location}`}`;
    const n = Math.max(0, rows.length - start);
    let e: Entry | undefined;
    // The most rows an entry shares with this table from the top (an edited or extended version of it).
    let prior: Entry | null = null;
    let shared = 0;
    for (const x of this.entries) {
      if (!x.scanned) {
        if (same(x.cells as Snapshot, header, rows, start)) e = x;
      } else {
        const k = sameRows(x.scanned.scan, header, rows, start);
        if (k === n && n === x.scanned.scan.n) e = x;
        else if (k > shared) {
          shared = k;
          prior = x;
        }
      }
      if (e) break;
    }
    if (!e) {
      // An entry of this header and size, or one this table extends or cuts short, is most likely this table
      // before an edit: it gives way, so a sheet edited again and again keeps one entry. Given up, its scan's
      // memory is taken over by the new scan (no copy of the rows they share).
      const was = prior ? rowsOf(prior) : -1;
      const replaces = prior !== null && (was === n || shared === was || shared === n);
      const scan = scanLedger(header, rows, start, prior ? (prior.scanned as Scanned).scan : null, shared, replaces);
      e = {
        scanned: scan ? prepare(scan) : null,
        cells: scan ? null : snapshot({ header, rows: rows as TableCells["rows"] }, start),
        counts: new Map(),
      };
      const old = replaces
        ? this.entries.indexOf(prior as Entry)
        : this.entries.findIndex((x) => rowsOf(x) === n && sameHeader(x, header));
      if (old >= 0) this.entries.splice(old, 1);
      this.entries.unshift(e);
      if (this.entries.length > this.capacity) this.entries.pop();
    }
    if (e.counts.has(key)) return e.counts.get(key) as QuickOnHand | null;
    const q = e.scanned ? countOf(e.scanned, to, location) : null;
    if (e.counts.size >= 16) e.counts.delete(e.counts.keys().next().value as string);
    e.counts.set(key, q);
    return q;
  }

  clear(): void {
    this.entries = [];
  }
}

function rowsOf(e: Entry): number {
  return e.scanned ? e.scanned.scan.n : (e.cells as Snapshot).rows;
}

function sameHeader(e: Entry, header: readonly Cell[]): boolean {
  const h = e.scanned ? e.scanned.scan.header : null;
  if (h) return h.length === header.length && h.every((c, i) => c === header[i]);
  const s = e.cells as Snapshot;
  return s.cols === header.length && header.every((c, i) => c === s.cells[i]);
}
