/**
 * The two name tables of ONHAND's scan: SKU cells as written -> items (Spellings), and SKU texts -> items,
 * ignoring case (ItemIndex). A ledger names each of its items in a few spellings at most, so a scan adds
 * thousands of entries and looks one up per row: both tables are built for that.
 */
import type { Cell } from "../schema";
import { foldHash } from "./compile";

/** Strings up to this length are looked up in a plain object (see Spellings). */
export const SHORT = 10;

/**
 * Cells -> numbers, by identity as a Map keys them (SameValueZero). Short strings are kept in a prototype-less
 * object instead: V8 hands JSON-parsed strings of up to 10 characters over internalized (one object per text,
 * its hash computed once), and a property lookup by such a string costs about half a Map lookup; longer strings,
 * which come as a new object per cell, are cheaper in the Map (an object would first look each one up in the
 * engine's string table). Either way the same cell gives the same number.
 */
export class Spellings {
  /** Strings of up to SHORT characters -> number. */
  readonly short: Record<string, number> = Object.create(null) as Record<string, number>;
  /** Every other cell -> number. */
  readonly long = new Map<Cell | undefined, number>();

  get(k: Cell | undefined): number | undefined {
    return typeof k === "string" && k.length <= SHORT ? this.short[k] : this.long.get(k);
  }

  /** Adds a cell that get() does not know. */
  add(k: Cell | undefined, v: number): void {
    if (typeof k === "string" && k.length <= SHORT) this.short[k] = v;
    else this.long.set(k, v);
  }

  *entries(): IterableIterator<[Cell | undefined, number]> {
    for (const k in this.short) yield [k, this.short[k]];
    yield* this.long;
  }

  /** A copy holding the entries numbered below `limit` (all of them when `limit` is at least their count). */
  upTo(limit: number, count: number): Spellings {
    const out = new Spellings();
    if (limit >= count) {
      Object.assign(out.short, this.short);
      for (const [k, v] of this.long) out.long.set(k, v);
    } else for (const [k, v] of this.entries()) if (v < limit) out.add(k, v);
    return out;
  }
}

/**
 * True when two texts are equal ignoring case (toLowerCase alike). Plain ASCII is compared in place (each
 * character lowers to one, A-Z folded, so the first that differs decides); other characters go to toLowerCase.
 */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const n = a.length;
  if (n === b.length) {
    let k = 0;
    for (; k < n; k++) {
      let x = a.charCodeAt(k);
      let y = b.charCodeAt(k);
      if (x >= 128 || y >= 128) break;
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
    if (k === n) return true;
  }
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Item names (trimmed SKU texts) -> item numbers, ignoring case, numbered as they are added. An open-addressing
 * table of the names' case-folded hashes (foldHash, which lowers ASCII without copying): a new name costs a hash
 * and a probe, where a Map keyed by lower case would copy each name in lower case and hash the copy.
 */
export class ItemIndex {
  /** Per item: its name as first added. */
  private names: string[] = [];
  private hashes: number[] = [];
  private table = new Int32Array(64);

  get size(): number {
    return this.names.length;
  }

  /** The item of `name` (trimmed, not blank), added when new. */
  add(name: string): number {
    const h = foldHash(name);
    const mask = this.table.length - 1;
    let p = h & mask;
    for (let e = this.table[p]; e !== 0; e = this.table[p]) {
      if (this.hashes[e - 1] === h && sameName(this.names[e - 1], name)) return e - 1;
      p = (p + 1) & mask;
    }
    const item = this.names.length;
    this.names.push(name);
    this.hashes.push(h);
    this.table[p] = item + 1;
    if (2 * this.names.length > this.table.length) this.grow();
    return item;
  }

  /** The item of a name given in lower case (trimmed), undefined when none. */
  get(lower: string): number | undefined {
    const h = foldHash(lower);
    const mask = this.table.length - 1;
    for (let p = h & mask, e = this.table[p]; e !== 0; p = (p + 1) & mask, e = this.table[p]) {
      if (this.hashes[e - 1] === h && sameName(this.names[e - 1], lower)) return e - 1;
    }
    return undefined;
  }

  /** [lower-case name, item] for every item. */
  entries(): [string, number][] {
    return this.names.map((name, item) => [name.toLowerCase(), item]);
  }

  /** A copy holding the items numbered below `limit`. */
  upTo(limit: number): ItemIndex {
    const out = new ItemIndex();
    const m = Math.min(limit, this.names.length);
    if (m === this.names.length) {
      out.names = this.names.slice();
      out.hashes = this.hashes.slice();
      out.table = this.table.slice();
    } else for (let k = 0; k < m; k++) out.add(this.names[k]);
    return out;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let item = 0; item < this.names.length; item++) {
      let p = this.hashes[item] & mask;
      while (table[p] !== 0) p = (p + 1) & mask;
      table[p] = item + 1;
    }
    this.table = table;
  }
}
