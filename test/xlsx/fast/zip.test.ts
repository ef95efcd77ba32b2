/**
 * The ZIP reader and writer: round trips of random entries (fast-check), and files written here checked by an
 * independent reader (Python's zipfile, CRC checked, where python3 is installed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { readZip, ZipWriter } from "../../../src/xlsx/fast/zip";

const dir = mkdtempSync(join(tmpdir(), "stockbook-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function write(entries: [string, string[]][], level?: number): Promise<string> {
  const path = join(dir, `z${++n}.zip`);
  const zip = new ZipWriter(path);
  for (const [name, chunks] of entries) await zip.add(name, chunks, level);
  zip.close();
  return path;
}

describe("ZIP", () => {
  it("reads back every entry it writes, whatever the names, chunks and level", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.array(fc.string({ unit: "grapheme" }))),
          {
            selector: (e) => e[0],
            maxLength: 6,
          }
        ),
        fc.integer({ min: 0, max: 9 }),
        async (entries, level) => {
          const zip = readZip(readFileSync(await write(entries, level)));
          expect([...zip.keys()]).toEqual(entries.map((e) => e[0]));
          for (const [name, chunks] of entries) {
            expect(zip.get(name)!.read().toString("utf8")).toBe(chunks.join(""));
            expect(zip.get(name)!.size).toBe(Buffer.byteLength(chunks.join(""), "utf8"));
          }
        }
      ),
      { numRuns: 40 }
    );
  });

  it("streams a part larger than its chunks (4 MB of rows) intact", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i * 7}</v></c></row>`);
    const chunks: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) chunks.push(rows.slice(i, i + 1000).join(""));
    const zip = readZip(readFileSync(await write([["xl/worksheets/sheet1.xml", chunks]], 1)));
    expect(zip.get("xl/worksheets/sheet1.xml")!.read().toString("utf8")).toBe(rows.join(""));
  });

  it("rejects bytes that are not a ZIP file", () => {
    expect(() => readZip(Buffer.from("PK but not really a zip file at all, no directory"))).toThrow(/not a ZIP file/);
  });

  const python = spawnSync("python3", ["-c", "import zipfile"]).status === 0;
  if (python)
    it("writes files another ZIP reader accepts, CRCs included (Python zipfile)", async () => {
      const path = await write([
        ["[Content_Types].xml", ["<Types/>"]],
        ["xl/ünï.xml", ["a".repeat(70_000), "b"]],
        ["empty", []],
      ]);
      const r = spawnSync(
        "python3",
        [
          "-c",
          "import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);print(z.testzip());print(len(z.read('xl/ünï.xml')))",
          path,
        ],
        { encoding: "utf8" }
      );
      expect(r.stdout.trim().split("\n")).toEqual(["None", "70001"]);
    });
});
