/**
 * Remembers parsed ledgers and their valuations, keyed on the tables' full contents: a lookup compares every
 * cell with a private copy taken when the entry was made, so a changed cell can never return a stale result,
 * and identical contents (Excel hands each call a fresh array) are parsed once. Comparing is one tight pass
 * with ===, cheaper than hashing text. The few most recent ledgers are kept.
 */
import { readLedger, type LedgerInput, type TableCells } from "./read";
import { same, snapshot, type Snapshot } from "./snapshot";
import type { ValuationResult, ValueOptions } from "./types";
import { valueLedger } from "./value";

interface Entry {
  ledger: Snapshot;
  items: Snapshot | null;
  input: LedgerInput;
  valuations: Map<string, ValuationResult>;
}

export class LedgerCache {
  private entries: Entry[] = [];
  /** Parses done so far (for tests: a cache hit does not parse). */
  parses = 0;

  constructor(
    private readonly capacity = 4,
    private readonly valuationsPerEntry = 16
  ) {}

  /** The parsed ledger for these contents: from the cache when every cell is the same, else parsed now. */
  read(ledger: TableCells, items: TableCells | null): Entry {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if ((e.items === null) !== (items === null)) continue;
      if (!same(e.ledger, ledger.header, ledger.rows)) continue;
      if (items !== null && !same(e.items as Snapshot, items.header, items.rows)) continue;
      if (i > 0) {
        this.entries.splice(i, 1);
        this.entries.unshift(e);
      }
      return e;
    }
    this.parses++;
    const e: Entry = {
      ledger: snapshot(ledger),
      items: items ? snapshot(items) : null,
      input: readLedger(ledger, items),
      valuations: new Map(),
    };
    this.entries.unshift(e);
    if (this.entries.length > this.capacity) this.entries.pop();
    return e;
  }

  /** The valuation of a cached ledger under these options, computed once. */
  value(e: Entry, options: ValueOptions): ValuationResult {
    const key = JSON.stringify(options, (_k, v: unknown) => (v === Infinity ? "inf" : v === -Infinity ? "-inf" : v));
    let v = e.valuations.get(key);
    if (!v) {
      v = valueLedger(e.input.compiled, options);
      if (e.valuations.size >= this.valuationsPerEntry) e.valuations.delete(e.valuations.keys().next().value as string);
      e.valuations.set(key, v);
    }
    return v;
  }

  clear(): void {
    this.entries = [];
    this.parses = 0;
  }
}

export type { Entry as CachedLedger };
