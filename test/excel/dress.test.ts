/**
 * Report sheets written inside Excel are dressed for reading and printing as the .xlsx files are
 * (src/xlsx/presentation.ts): headers over figures right-aligned, dates centred, text after figures indented, cut-off
 * text wrapped with its row made as tall as its lines, a landscape page one page wide with the sheet name and
 * "Page n of m" in the footer and the fact table's header repeated on every page, all without a sync of its own.
 *
 * The hand-worked expectations are those of test/xlsx/fast/printLayout.test.ts for the same sheet (ECMA-376 Part 1
 * §18.8.1 alignment; Excel's header/footer codes &A sheet name, &P page, &N pages, documented with
 * PageSetup.LeftFooter in the Excel VBA reference, which Office.js HeaderFooter points to). The report run is also
 * compared, cell by cell, with what XlsxWorkbook (ExcelJS, a separate implementation of the mapping) does with the
 * same sheets. The Excel fake records alignment, widths, row heights and the page through fakePresentation.ts.
 */
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { cellAddress } from "../../src/excel/a1";
import { footerSections } from "../../src/excel/dress";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { layoutSheet } from "../../src/port/layout";
import type { SheetSpec } from "../../src/port/types";
import { generateReports } from "../../src/reports/generate";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ExcelFake, type FakeSheet } from "../fakes/excelFake";
import { FY2025 } from "../reports/fixture";
import { cellLook, hostLacks19, installFakePresentation, lookOf, restore19, type CellLook } from "./fakePresentation";
import { journalSheet as spec, LONG } from "../fixtures/journalSheet";
import { sampleBook, type SampleBookOptions } from "./sampleBook";

installFakePresentation();

const without19 = (set: string, v: string) => !(set === "ExcelApi" && Number(v) >= 1.9);

function setup(supports: (set: string, v: string) => boolean = () => true) {
  const fake = new ExcelFake();
  const port = new OfficeWorkbook(fake.run, { isSetSupported: supports });
  return { fake, port };
}

/** The sample workbook in the fake (sampleBook.ts), and every sheet the run writes. */
function book(opts: SampleBookOptions) {
  const { fake, port, chunks } = sampleBook(opts);
  // Every sheet the run writes, by the name it is written under (the fake keeps the object through the swap).
  const written = new Map<string, { spec: SheetSpec; sheet: FakeSheet }>();
  const writeSheets = port.writeSheets.bind(port);
  port.writeSheets = async (specs, o) => {
    await writeSheets(specs, o);
    for (const s of specs) written.set(s.name, { spec: s, sheet: fake.state.findSheet(s.name) as FakeSheet });
  };
  return { fake, port, chunks, written };
}

const ways: [string, (port: OfficeWorkbook, s: SheetSpec) => Promise<void>][] = [
  ["writeSheets (the report run's batch)", (port, s) => port.writeSheets([s])],
  ["writeSheet", (port, s) => port.writeSheet(s)],
];

describe.each(ways)("a report sheet written through %s", (_label, write) => {
  let fake: ExcelFake;
  let sheet: FakeSheet;
  beforeAll(async () => {
    const x = setup();
    fake = x.fake;
    await write(x.port, spec);
    sheet = fake.state.findSheet("Journal") as FakeSheet;
  });
  const at = (ref: string) => cellLook(sheet, ref);

  it("takes no sync of its own: state + one write request on a new workbook", () => {
    expect(fake.syncs).toBe(2);
    expect(sheet.cell(10, 3).value).toBe(LONG);
  });

  it("right-aligns a summary's headers over figures and leaves its label header as it is", () => {
    expect(sheet.cell(3, 1).value).toBe("Debit");
    for (const ref of ["B4", "C4", "D4"]) expect(at(ref).horizontal).toBe("Right");
    expect(at("A4")).toEqual({});
  });

  it("right-aligns the table's header over figures, centres it over dates and the dates themselves", () => {
    expect(at("A8").horizontal).toBe("Center");
    expect(at("C8").horizontal).toBe("Right");
    expect(at("E8").horizontal).toBe("Right");
    expect(at("B8")).toEqual({});
    expect(at("A9").horizontal).toBe("Center");
    expect(at("A11").horizontal).toBe("Center");
    expect(sheet.cell(8, 0).numberFormat).toBe("yyyy-mm-dd");
  });

  it("indents text in the column after figures (header and rows), not text after text", () => {
    for (const ref of ["D8", "D9", "D10"]) expect(at(ref)).toEqual({ horizontal: "Left", indent: 1 });
    expect(at("B9")).toEqual({});
  });

  it("wraps the text the next cell would cut off and makes its row two lines tall (15 pt a line)", () => {
    expect(at("D11")).toEqual({ horizontal: "Left", indent: 1, wrap: true });
    expect(at("D9").wrap).toBeUndefined();
    const look = lookOf(sheet);
    expect(look.rowHeights.get(10)).toBe(30);
    expect(look.rowHeights.has(8)).toBe(false);
    // The column is capped at 60 characters: 60 × 5.7 points (the port's conversion, 8.43 characters = 48 pt).
    expect(look.columnWidths.get(3)).toBe(342);
  });

  it("keeps figures at Excel's default alignment", () => {
    expect(at("E9")).toEqual({});
    expect(at("B5")).toEqual({});
  });

  it("prints landscape, one page wide, sheet name and 'Page n of m' in the footer, table header repeated", () => {
    expect(lookOf(sheet).page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftFooter: "&A",
      centerFooter: "Page &P of &N",
      printTitleRows: "$8:$8",
    });
  });
});

describe("a host without ExcelApi 1.9", () => {
  beforeEach(hostLacks19);
  afterEach(restore19);

  it.each(ways)(
    "still writes and aligns the sheet through %s: no page set-up, no indent, no error",
    async (_l, write) => {
      const { fake, port } = setup(without19);
      await write(port, spec);
      const sheet = fake.state.findSheet("Journal") as FakeSheet;
      expect(sheet.cell(10, 3).value).toBe(LONG);
      expect(fake.state.findTable("SB_JournalLines")).toBeDefined();
      expect(lookOf(sheet).page).toEqual({});
      expect(cellLook(sheet, "B4").horizontal).toBe("Right");
      expect(cellLook(sheet, "A9").horizontal).toBe("Center");
      expect(cellLook(sheet, "D11")).toEqual({ horizontal: "Left", wrap: true });
      expect(lookOf(sheet).rowHeights.get(10)).toBe(30);
    }
  );

  it("runs the reports: every sheet written, none given a page set-up", async () => {
    const x = book({ supports: without19 });
    const res = await generateReports(x.port, FY2025);
    expect(res.pivotFallback).toBeNull();
    expect(x.written.size).toBeGreaterThan(4);
    for (const { sheet } of x.written.values()) {
      expect(x.fake.state.sheets).toContain(sheet);
      expect(lookOf(sheet).page).toEqual({});
    }
  });
});

/** ExcelJS's alignment of a cell in the fake's terms. */
function fromExcelJs(a: Partial<ExcelJS.Alignment> | undefined): CellLook {
  const out: CellLook = {};
  if (a?.horizontal) out.horizontal = a.horizontal[0].toUpperCase() + a.horizontal.slice(1);
  if (a?.indent) out.indent = a.indent;
  if (a?.wrapText) out.wrap = true;
  return out;
}

describe("the report run inside Excel", () => {
  it("dresses every report sheet as XlsxWorkbook dresses the same sheet: cells, widths, row heights, page", async () => {
    const x = book({});
    await generateReports(x.port, FY2025);
    expect(x.written.size).toBeGreaterThan(4);
    let wrapped = 0;
    for (const { spec: s, sheet } of x.written.values()) {
      const { diffs, ws, wraps } = await differences(s, sheet);
      expect({ sheet: s.name, diffs }).toEqual({ sheet: s.name, diffs: [] });
      wrapped += wraps;
      const look = lookOf(sheet);
      const setup = ws.pageSetup;
      const f = footerSections(ws.headerFooter.oddFooter as string);
      expect(look.page).toEqual({
        orientation: setup.orientation === "landscape" ? "Landscape" : setup.orientation,
        zoom: { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight },
        leftFooter: f.left,
        centerFooter: f.center,
        ...(setup.printTitlesRow && { printTitleRows: setup.printTitlesRow.replace(/(\d+)/g, "$$$1") }),
      });
    }
    // The run has text that needs wrapping (Issues' problems, the Journal's descriptions), so the check is not empty.
    expect(wrapped).toBeGreaterThan(0);
  });

  it("keeps a small request budget with the dressing on board: no request over it, ≤ 10 syncs besides chunks", async () => {
    const x = book({ maxRequestBytes: 40_000, readChunkCells: 40 });
    await generateReports(x.port, FY2025);
    x.fake.resetCounters();
    x.chunks.clear();
    const res = await generateReports(x.port, FY2025);
    expect(res.pivotFallback).toBeNull();
    expect(x.fake.syncs - x.chunks.size).toBeLessThanOrEqual(10);
    for (const r of x.fake.requests) expect(r.requestBytes).toBeLessThanOrEqual(40_000);
    for (const { sheet } of x.written.values()) expect(lookOf(sheet).page.orientation).toBe("Landscape");
  });
});

/**
 * Cells, widths and row heights the fake holds for a sheet that differ from XlsxWorkbook's for the same spec, with
 * XlsxWorkbook's sheet and how many of its cells wrap.
 */
async function differences(
  s: SheetSpec,
  sheet: FakeSheet
): Promise<{ diffs: string[]; ws: ExcelJS.Worksheet; wraps: number }> {
  const file = XlsxWorkbook.create();
  await file.writeSheet(s);
  const ws = file.wb.getWorksheet(s.name) as ExcelJS.Worksheet;
  const layout = layoutSheet(s);
  const look = lookOf(sheet);
  const diffs: string[] = [];
  let wraps = 0;
  layout.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === "") return; // an alignment on a blank cell shows nowhere
      const want = fromExcelJs(ws.getCell(r + 1, c + 1).alignment);
      const got = cellLook(sheet, cellAddress(r, c));
      if (JSON.stringify(got) !== JSON.stringify(want))
        diffs.push(`${cellAddress(r, c)} ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      if (want.wrap) wraps++;
    });
    if (look.rowHeights.get(r) !== ws.getRow(r + 1).height)
      diffs.push(`row ${r + 1} ${look.rowHeights.get(r)} ≠ ${ws.getRow(r + 1).height}`);
  });
  for (let c = 0; c < layout.width; c++) {
    const want = Math.round((ws.getColumn(c + 1).width as number) * 5.7);
    if (look.columnWidths.get(c) !== want) diffs.push(`column ${c + 1} ${look.columnWidths.get(c)} ≠ ${want}`);
  }
  return { diffs, ws, wraps };
}

describe("any report sheet", () => {
  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  const text = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(" "));
  const cell = (kind: number) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      {
        weight: 4,
        arbitrary:
          kind === 0
            ? text
            : kind === 1
              ? fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((x) => Math.round(x * 100) / 100)
              : fc.integer({ min: 40000, max: 50000 }),
      }
    );
  const FORMAT = [undefined, "currency", "date"] as const;
  const block = (table: boolean, name: string) =>
    fc
      .array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 5 })
      .chain((kinds) =>
        fc.record({
          kinds: fc.constant(kinds),
          rows: fc.array(fc.tuple(...kinds.map(cell)), { maxLength: table ? 25 : 4 }),
        })
      )
      .map(({ kinds, rows }) => {
        const headers = kinds.map((_, i) => `${name}${i}`);
        const formats = Object.fromEntries(
          kinds.flatMap((k, i) => (FORMAT[k] ? [[headers[i], FORMAT[k] as "currency" | "date"]] : []))
        );
        const body = rows.map((r) => [...r]);
        return table
          ? { kind: "table" as const, name: `T_${name}`, headers, rows: body, formats }
          : { kind: "summary" as const, title: `${name} summary`, headers, rows: body, formats };
      });
  const sheetSpec = fc
    .tuple(block(false, "S"), block(true, "F"), fc.option(text, { nil: undefined }))
    .map(([summary, table, note]): SheetSpec => ({
      name: "Report",
      blocks: [
        { kind: "title", text: "Report" },
        summary,
        ...(note ? [{ kind: "note" as const, text: note }] : []),
        table,
      ],
    }));

  it("is dressed inside Excel as XlsxWorkbook dresses it (fast-check: alignment, row heights, widths)", async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, async (s) => {
        const { fake, port } = setup();
        await port.writeSheets([s]);
        expect(fake.syncs).toBe(2);
        expect((await differences(s, fake.state.findSheet("Report") as FakeSheet)).diffs).toEqual([]);
      }),
      { numRuns: 60 }
    );
  });

  it("splits a long sheet's dressing over the write requests: each under the budget, every row dressed", async () => {
    // 3,000 journal lines, every other one with a description the amount beside it would cut off.
    const rows = Array.from({ length: 3000 }, (_, i) => [
      45292 + i,
      i % 2 ? LONG : "Copy paper",
      i % 7 === 0 ? null : 10 + i,
    ]);
    const s: SheetSpec = {
      name: "Report",
      blocks: [
        { kind: "title", text: "Journal" },
        {
          kind: "table",
          name: "Lines",
          headers: ["Date", "Description", "Amount"],
          rows,
          formats: { Date: "date", Amount: "currency" },
        },
      ],
    };
    const budget = 60_000;
    const fake = new ExcelFake();
    let chunks = 0;
    const port = new OfficeWorkbook(fake.run, {
      isSetSupported: () => true,
      maxRequestBytes: budget,
      onChunkSync: () => chunks++,
    });
    await port.writeSheets([s]);
    expect(chunks).toBeGreaterThan(3);
    expect(fake.syncs - chunks).toBe(1); // the state; the rest carried cells
    for (const r of fake.requests) expect(r.requestBytes).toBeLessThanOrEqual(budget);
    const sheet = fake.state.findSheet("Report") as FakeSheet;
    expect(cellLook(sheet, "B5").wrap).toBe(true); // row 5: the second line
    expect(cellLook(sheet, "B3001").wrap).toBe(true);
    expect(cellLook(sheet, "B3002").wrap).toBeUndefined(); // "Copy paper" fits
    expect(cellLook(sheet, "A3002").horizontal).toBe("Center");
    expect((await differences(s, sheet)).diffs).toEqual([]);
  });
});
