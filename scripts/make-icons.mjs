// Draws Stockbook's icon (a ledger page on Excel green) at the sizes the manifest names, as PNG files in assets/.
// Run: node scripts/make-icons.mjs. Plain zlib + CRC-32; no image library needed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function pixel(x, y, n) {
  const u = (x + 0.5) / n;
  const v = (y + 0.5) / n;
  const r = 0.18; // corner radius of the green tile
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const green = [16, 124, 65, 255];
  const white = [255, 255, 255, 255];
  const ink = [16, 124, 65, 255];
  // the page
  if (u > 0.24 && u < 0.76 && v > 0.18 && v < 0.82) {
    if (u < 0.33) return [200, 230, 210, 255]; // binding
    const lines = [0.32, 0.44, 0.56, 0.68];
    const t = Math.max(0.02, 1.5 / n);
    if (u > 0.4 && u < 0.7 && lines.some((l) => Math.abs(v - l) < t)) return ink;
    return white;
  }
  return green;
}

for (const n of [16, 32, 64, 80, 128]) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) raw.set(pixel(x, y, n), y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  writeFileSync(new URL(`../assets/icon-${n}.png`, import.meta.url), png);
}
