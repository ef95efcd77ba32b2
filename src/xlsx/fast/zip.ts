/**
 * Just enough ZIP for .xlsx files, on node's zlib: reading entries (stored or deflated) from a file held in
 * memory, and writing a new file entry by entry with each part streamed through deflate in chunks, so a large
 * sheet never sits whole in memory as XML. No ZIP64 (an .xlsx part over 4 GB is far beyond what this writes or
 * reads); entries written with sizes in their local header (patched once known), no data descriptors.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { constants, crc32 as nodeCrc32, createDeflateRaw, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** Uncompressed bytes. */
  size: number;
  read(): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Entries of a ZIP file by name. Throws an Error with a plain message when the bytes are not a ZIP file. */
export function readZip(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("not a ZIP file (an .xlsx file is one)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new Error("damaged ZIP directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    out.set(name, {
      name,
      size,
      read: () => {
        if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`damaged ZIP entry ${name}`);
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + csize);
        if (method === 0) return data;
        if (method === 8) return inflateRawSync(data);
        throw new Error(`ZIP entry ${name} uses compression method ${method}, which Stockbook cannot read`);
      },
    });
  }
  return out;
}

const crc32 = (data: Buffer, prev: number): number => nodeCrc32(data, prev);

/** DOS date and time of `d` (ZIP's timestamp). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (((d.getFullYear() - 1980) & 0x7f) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  csize: number;
  size: number;
}

/** Writes a ZIP file entry by entry. Call `close()` to write the directory; `abort()` on failure. */
export class ZipWriter {
  private readonly fd: number;
  private pos = 0;
  private readonly entries: Written[] = [];
  private readonly stamp = dosTime(new Date());

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  private write(b: Buffer, at?: number): void {
    if (at === undefined) {
      writeSync(this.fd, b, 0, b.length, this.pos);
      this.pos += b.length;
    } else writeSync(this.fd, b, 0, b.length, at);
  }

  private localHeader(name: Buffer, crc: number, csize: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(0x800, 6); // names are UTF-8
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(csize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  /**
   * Adds one entry from a sequence of text or byte chunks, deflated as they come (a chunk of ~1 MB keeps both
   * memory and call overhead low). `level` trades size for speed on big parts.
   */
  async add(name: string, chunks: Iterable<string | Buffer>, level = 6): Promise<void> {
    const nameBuf = Buffer.from(name, "utf8");
    const offset = this.pos;
    this.write(this.localHeader(nameBuf, 0, 0, 0));
    this.write(nameBuf);
    let crc = 0;
    let size = 0;
    let csize = 0;
    const deflate = createDeflateRaw({ level, chunkSize: 1 << 16, strategy: constants.Z_DEFAULT_STRATEGY });
    const done = new Promise<void>((resolve, reject) => {
      deflate.on("data", (b: Buffer) => {
        this.write(b);
        csize += b.length;
      });
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    for (const c of chunks) {
      const b = typeof c === "string" ? Buffer.from(c, "utf8") : c;
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise<void>((r) => deflate.once("drain", () => r()));
    }
    deflate.end();
    await done;
    if (size > 0xffffffff || this.pos > 0xffffffff)
      throw new Error(`${name} is too large for a ZIP file without ZIP64`);
    this.write(this.localHeader(nameBuf, crc, csize, size), offset);
    this.entries.push({ name: nameBuf, offset, crc, csize, size });
  }

  close(): void {
    const start = this.pos;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(h);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.pos - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  /** Closes the file without a directory (the caller deletes it). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
