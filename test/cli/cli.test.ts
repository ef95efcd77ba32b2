/**
 * The command line on temp files, in-process through main() (one test runs bin/stockbook.js for real). Where
 * LibreOffice is installed, a report is converted to PDF to prove the file opens.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { assetExpense } from "../../src/engine/depreciation";
import { toSerial } from "../../src/engine/dates";
import { isEngineError } from "../../src/engine/errors";
import { parseTable } from "../../src/engine/schema/parse";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { writeDemoWorkbook } from "../../src/cli/demo";
import { defaultOutput } from "../../src/cli/report";
import { accumDepr, bookValue } from "../../src/functions/depreciation";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

function io(): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    errRaw: () => undefined,
    tty: false,
    columns: 80,
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "stockbook-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = toSerial(2026, 11, 25);
const demoPath = () => join(dir, "demo.xlsx");

describe("stockbook init", () => {
  it("writes a workbook with the five empty tables and refuses to overwrite it", async () => {
    const f = join(dir, "new.xlsx");
    const a = io();
    expect(await main(["init", f], a)).toBe(0);
    const wb = await XlsxWorkbook.open(f);
    expect((await wb.listTables()).map((t) => t.name).sort()).toEqual([
      "AssetLog",
      "Assets",
      "Checkouts",
      "Items",
      "Ledger",
    ]);
    const b = io();
    expect(await main(["init", f], b)).toBe(2);
    expect(b.errors).toEqual([`stockbook: ${f} already exists; Stockbook will not overwrite it.`]);
  });
});

describe("stockbook report", () => {
  beforeAll(async () => {
    await writeDemoWorkbook(demoPath(), TODAY);
  });

  it("writes <book>.report.xlsx beside the input with the report sheets and leaves the input alone", async () => {
    const a = io();
    const code = await main(["report", demoPath(), "--from", "2026-01-01", "--to", "2026-11-25"], a);
    expect(a.errors).toEqual([]);
    expect(code).toBe(0);
    const out = defaultOutput(demoPath());
    expect(out).toBe(join(dir, "demo.report.xlsx"));
    expect(a.lines[0].startsWith(`Wrote ${out}: `)).toBe(true);
    expect(a.lines[0]).toMatch(/Depreciation, Asset Summary, Journal, Issues\.$/);
    const report = await XlsxWorkbook.open(out);
    const sheets = (await report.info()).sheets;
    for (const s of ["Depreciation", "Asset Summary", "Journal", "Issues"]) expect(sheets).toContain(s);
    const input = await XlsxWorkbook.open(demoPath());
    expect((await input.info()).sheets).not.toContain("Depreciation");
  });

  it("reconciles each asset's depreciation with the depreciation engine behind the custom functions", async () => {
    const report = await XlsxWorkbook.open(defaultOutput(demoPath()));
    const facts = await report.readTable("SB_Depreciation");
    const col = (h: string) => facts.header.indexOf(h);
    const input = await XlsxWorkbook.open(demoPath());
    const a = await input.readTable("Assets");
    const assets = parseTable("Assets", a.header, a.rows).rows;
    const from = toSerial(2026, 1, 1);
    let checked = 0;
    for (const r of facts.rows) {
      const asset = assets.find((x) => x.AssetID === r[col("AssetID")])!;
      if (asset.AcquiredOn >= from) continue; // acquired within the period: its whole first-year share is here
      const expected = assetExpense(
        asset,
        { from, to: Math.min(TODAY, asset.DisposedOn ?? TODAY) },
        { fyEndMonth: 12 }
      );
      if (isEngineError(expected)) continue;
      expect(r[col("Depreciation")]).toBeCloseTo(expected, 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("writes the report sheets only, unless --with-tables copies the source tables too", async () => {
    const report = await XlsxWorkbook.open(defaultOutput(demoPath()));
    expect((await report.listTables()).map((t) => t.name)).not.toContain("Ledger");
    const out = join(dir, "with-tables.xlsx");
    expect(await main(["report", demoPath(), "-o", out, "--with-tables", "--to", "2026-11-25"], io())).toBe(0);
    const both = await XlsxWorkbook.open(out);
    const names = (await both.listTables()).map((t) => t.name);
    expect(names).toContain("Ledger");
    expect(names).toContain("SB_Journal");
  });

  it("agrees with BOOK.ACCUMDEPR and BOOK.BOOKVALUE for every asset still held at the period end", async () => {
    const report = await XlsxWorkbook.open(defaultOutput(demoPath()));
    const facts = await report.readTable("SB_Depreciation");
    const col = (h: string) => facts.header.indexOf(h);
    const input = await XlsxWorkbook.open(demoPath());
    const a = await input.readTable("Assets");
    const assets = parseTable("Assets", a.header, a.rows).rows;
    let checked = 0;
    for (const r of facts.rows) {
      const x = assets.find((y) => y.AssetID === r[col("AssetID")])!;
      if (x.DisposedOn !== null) continue;
      const args = [
        x.Cost,
        x.Salvage ?? 0,
        x.LifeYears,
        x.InServiceOn ?? x.AcquiredOn,
        x.Method ?? "SL",
        12,
        x.Convention ?? undefined,
        TODAY,
      ] as const;
      expect(r[col("Accumulated")]).toBeCloseTo(accumDepr(...args), 2);
      expect(r[col("Net book value")]).toBeCloseTo(bookValue(...args), 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("writes the same report sheets as the ExcelJS path (--with-tables): cells, formats, fonts, alignment, widths, row heights, page, tables", async () => {
    // The default output is streamed by src/xlsx/fast; --with-tables goes through ExcelJS (XlsxWorkbook); both dress
    // the sheets by src/xlsx/presentation.ts.
    const fast = join(dir, "same-fast.xlsx");
    const slow = join(dir, "same-slow.xlsx");
    const period = ["--from", "2026-01-01", "--to", "2026-11-25"];
    expect(await main(["report", demoPath(), "-o", fast, ...period], io())).toBe(0);
    expect(await main(["report", demoPath(), "-o", slow, "--with-tables", ...period], io())).toBe(0);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(fast);
    await b.xlsx.readFile(slow);
    const sheets = a.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(sheets).toEqual([
      "Profitability",
      "Inventory Valuation",
      "Depreciation",
      "Asset Summary",
      "Journal",
      "Issues",
    ]);
    const tables = (w: ExcelJS.Worksheet) =>
      Object.values((w as unknown as { tables: Record<string, { model: { name: string; tableRef: string } }> }).tables)
        .map((t) => `${t.model.name} ${t.model.tableRef}`)
        .sort();
    // Differences are collected and compared once (an expect per cell would take minutes).
    const diffs: unknown[] = [];
    let cells = 0;
    for (const name of sheets) {
      const x = a.getWorksheet(name) as ExcelJS.Worksheet;
      const y = b.getWorksheet(name) as ExcelJS.Worksheet;
      expect(tables(x)).toEqual(tables(y));
      expect(x.views).toEqual(y.views);
      expect(x.properties.tabColor).toEqual(y.properties.tabColor);
      expect(x.headerFooter.oddFooter).toBe(y.headerFooter.oddFooter);
      const page = (w: ExcelJS.Worksheet) => {
        const { orientation, fitToWidth, fitToHeight, printTitlesRow } = w.pageSetup;
        return { orientation, fitToWidth, fitToHeight, printTitlesRow };
      };
      expect(page(x)).toEqual(page(y));
      const cols = Math.max(x.columnCount, y.columnCount);
      for (let c = 1; c <= cols; c++)
        if (x.getColumn(c).width !== y.getColumn(c).width)
          diffs.push([name, c, x.getColumn(c).width, y.getColumn(c).width]);
      for (let r = 1; r <= Math.max(x.rowCount, y.rowCount); r++) {
        if (x.getRow(r).height !== y.getRow(r).height) diffs.push([name, r, x.getRow(r).height, y.getRow(r).height]);
        for (let c = 1; c <= cols; c++) {
          const [p, q] = [x.getCell(r, c), y.getCell(r, c)];
          if (typeof q.value === "string" && q.value.startsWith("Generated")) continue; // the minute may differ
          cells++;
          const shown = (z: ExcelJS.Cell) => [
            z.value,
            z.numFmt ?? "General",
            !!z.font?.bold,
            z.font?.size ?? 11,
            z.alignment?.horizontal ?? null,
            z.alignment?.indent ?? 0,
            !!z.alignment?.wrapText,
          ];
          // Empty cells compare as empty: a style on a blank cell shows nothing.
          const [u, v] = q.value === null && p.value === null ? [[null], [null]] : [shown(p), shown(q)];
          if (JSON.stringify(u) !== JSON.stringify(v)) diffs.push([name, p.address, u, v]);
        }
      }
    }
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  }, 60000);

  it("refuses to write over its input (exit 2, one line)", async () => {
    const a = io();
    expect(await main(["report", demoPath(), "-o", demoPath()], a)).toBe(2);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatch(/does not overwrite the workbook it reads/);
  });

  it("exits 2 with one line for a missing file, a file that is not a workbook and a workbook without tables", async () => {
    const a = io();
    expect(await main(["report", join(dir, "nope.xlsx")], a)).toBe(2);
    const txt = join(dir, "notes.xlsx");
    writeFileSync(txt, "just text");
    expect(await main(["report", txt], a)).toBe(2);
    const empty = join(dir, "empty.xlsx");
    const wb = XlsxWorkbook.create();
    await wb.writeSettings(await wb.readSettings());
    await wb.saveAs(empty);
    expect(await main(["report", empty], a)).toBe(2);
    expect(a.errors).toHaveLength(3);
    expect(a.errors[0]).toMatch(/no such file/);
    expect(a.errors[1]).toMatch(/not a readable \.xlsx workbook/);
    expect(a.errors[2]).toMatch(/has none of Stockbook's tables/);
    for (const e of a.errors) expect(e).not.toMatch(/\n/);
  });

  it("exits 2 for a bad --method or --from", async () => {
    const a = io();
    expect(await main(["report", demoPath(), "--method", "HIFO"], a)).toBe(2);
    expect(await main(["report", demoPath(), "--from", "someday"], a)).toBe(2);
    expect(a.errors[0]).toMatch(/HIFO" is not a valuation method/);
    expect(a.errors[1]).toMatch(/is not a date/);
  });

  const soffice = spawnSync("soffice", ["--version"]).status === 0;
  (soffice ? it : it.skip)(
    "writes a file LibreOffice opens (converted to PDF)",
    () => {
      const out = defaultOutput(demoPath());
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, out], {
        stdio: "ignore",
        timeout: 120000,
      });
      expect(existsSync(join(dir, "demo.report.pdf"))).toBe(true);
    },
    150000
  );
});

describe("stockbook check", () => {
  it("prints each row that could not be used, with the rows-in check per table", async () => {
    const f = join(dir, "bad.xlsx");
    await main(["init", f], io());
    const wb = await XlsxWorkbook.open(f);
    await wb.applyEdits([{ table: "Ledger", append: [{ Date: "soon", SKU: "S1", Type: "Sale", Quantity: 1 }] }]);
    const g = join(dir, "bad2.xlsx");
    await wb.saveAs(g);
    const a = io();
    expect(await main(["check", g], a)).toBe(0);
    expect(a.lines).toContain("Ledger\t1\t0\t1\t0\t0");
    expect(a.lines.some((l) => l.startsWith("Ledger, row 2, Date:"))).toBe(true);
    expect(a.lines[a.lines.length - 1]).toBe("1 issue.");
    expect(await main(["check", g, "--strict"], io())).toBe(1);
  });
});

describe("bin/stockbook.js", () => {
  it("runs the CLI as a program: help exits 0, a missing file exits 2", () => {
    const bin = join(__dirname, "../../bin/stockbook.js");
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/report.*check.*init.*demo/s);
    const missing = spawnSync(process.execPath, [bin, "report", join(dir, "missing.xlsx")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  }, 60000);

  it("runs init, report and check as a program (ExcelJS is loaded only where a command needs it)", () => {
    const bin = join(__dirname, "../../bin/stockbook.js");
    const book = join(dir, "bin-init.xlsx");
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    const init = run("init", book);
    expect([init.status, init.stderr]).toEqual([0, ""]);
    const report = run("report", book, "-o", join(dir, "bin-report.xlsx"), "--to", "2026-11-25");
    expect([report.status, report.stderr]).toEqual([0, ""]);
    expect(report.stdout).toMatch(/^Wrote .*bin-report\.xlsx: /);
    const check = run("check", book);
    expect([check.status, check.stderr]).toEqual([0, ""]);
    expect(check.stdout).toMatch(/No issues/);
  }, 120000);
});
