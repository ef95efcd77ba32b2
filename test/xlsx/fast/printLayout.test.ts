/**
 * Print layout of the streamed report file, as an accountant reads a printed page: headers stand over their
 * figures, dates stay apart from their neighbours, text after a column of figures does not touch it, and every
 * page names its sheet and its page number. The file is read back with ExcelJS (a reader that shares no code with
 * the writer); alignment, footer and print-title codes are those of ECMA-376 Part 1 (§18.8.1 alignment,
 * §18.3.1.46 oddFooter: &L/&C sections, &A sheet name, &P page, &N pages; §18.2.5 _xlnm.Print_Titles).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { defaultSettings } from "../../../src/engine/settings";
import type { WorkbookPort } from "../../../src/port/types";
import { cellAlignment } from "../../../src/xlsx/fast/align";
import { wrappedLines } from "../../../src/xlsx/fast/wrap";
import { printTitlesName } from "../../../src/xlsx/fast/writeBook";
import { XlsxReportFile } from "../../../src/xlsx/xlsxReportFile";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { journalSheet as spec, LONG } from "../../fixtures/journalSheet";

const dir = mkdtempSync(join(tmpdir(), "stockbook-print-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Both file ports dress a report sheet by one rule (src/xlsx/presentation.ts): the streaming writer of `stockbook
// report` and ExcelJS's, behind `--with-tables`.
const ports: [string, () => Promise<WorkbookPort & { saveAs(path: string): Promise<void> }>][] = [
  ["streamed (XlsxReportFile)", async () => new XlsxReportFile()],
  ["ExcelJS (XlsxWorkbook)", async () => XlsxWorkbook.create()],
];

describe.each(ports)("%s", (label, make) => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const path = join(dir, `journal-${label.split(" ")[0]}.xlsx`);
    const port = await make();
    await port.writeSettings(defaultSettings());
    await port.writeSheet(spec);
    await port.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    sheet = wb.getWorksheet("Journal") as ExcelJS.Worksheet;
  });

  const horizontal = (ref: string) => sheet.getCell(ref).alignment?.horizontal;

  describe("report sheet alignment", () => {
    it("right-aligns a summary's headers over figures and leaves its label header left", () => {
      expect(sheet.getCell("B4").value).toBe("Debit");
      expect(horizontal("B4")).toBe("right");
      expect(horizontal("C4")).toBe("right");
      expect(horizontal("D4")).toBe("right");
      expect(horizontal("A4")).toBeUndefined();
    });

    it("right-aligns the Excel table's header over figures, centres it over dates", () => {
      expect(sheet.getCell("A8").value).toBe("Date");
      expect(horizontal("A8")).toBe("center");
      expect(horizontal("C8")).toBe("right");
      expect(horizontal("E8")).toBe("right");
      expect(horizontal("B8")).toBeUndefined();
    });

    it("centres dates, which keep their date format", () => {
      expect(horizontal("A9")).toBe("center");
      expect(sheet.getCell("A9").numFmt).toBe("yyyy-mm-dd");
      expect(horizontal("A10")).toBe("center");
    });

    it("indents text in the column after figures, on every row of the column (blanks of the figures included)", () => {
      expect(sheet.getCell("D9").alignment).toMatchObject({ horizontal: "left", indent: 1 });
      expect(sheet.getCell("D10").alignment).toMatchObject({ horizontal: "left", indent: 1 });
      expect(sheet.getCell("D8").alignment).toMatchObject({ horizontal: "left", indent: 1 });
      // text after text or after a date is not indented
      expect(sheet.getCell("B9").alignment?.indent).toBeUndefined();
    });

    it("wraps text longer than its column (capped at 60) when the next cell would cut it off", () => {
      expect(sheet.getColumn(4).width).toBe(60);
      expect(sheet.getCell("D11").value).toBe(LONG);
      expect(sheet.getCell("D11").alignment).toMatchObject({ horizontal: "left", indent: 1, wrapText: true });
      expect(sheet.getCell("D9").alignment?.wrapText).toBeUndefined();
      // its row is made two lines tall (15 pt a line); the others keep the default height
      expect(sheet.getRow(11).height).toBe(30);
      expect(sheet.getRow(9).height).toBeUndefined();
    });

    it("keeps figures' own format and Excel's default alignment", () => {
      expect(sheet.getCell("E9").numFmt).toBe("#,##0.00");
      expect(horizontal("E9")).toBeUndefined();
      expect(sheet.getCell("B5").value).toBe(27995.34);
    });
  });

  describe("report sheet page", () => {
    it("prints the sheet name and 'Page n of m' in the footer of a landscape, fit-to-width page", () => {
      expect(sheet.headerFooter.oddFooter).toBe("&L&A&CPage &P of &N");
      expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    });

    it("repeats the fact table's header row at the top of printed pages (print titles)", () => {
      expect(sheet.getCell("A8").value).toBe("Date");
      expect(sheet.pageSetup.printTitlesRow).toBe("8:8");
    });
  });
});

describe("wrapping and print titles", () => {
  it("counts wrapped lines as words laid greedily into the column", () => {
    // width 18.0 leaves (18 - 1) / 0.85 = 20 characters a line
    expect(wrappedLines("short", 18)).toBe(1);
    expect(wrappedLines("aaaaaaaaa bbbbbbbbbb", 18)).toBe(1); // 20 characters
    expect(wrappedLines("aaaaaaaaa bbbbbbbbbb c", 18)).toBe(2);
    expect(wrappedLines("aaaaaaaaaaaa bbbbbbbbbbbb", 18)).toBe(2); // 25 characters, broken at the space
    expect(wrappedLines("a".repeat(50), 18)).toBe(3); // a word longer than a line is broken
    expect(wrappedLines("one\ntwo", 18)).toBe(2);
  });
  it("never gives a row fewer lines than its text needs, and one line to text that fits one", () => {
    const words = fc.array(fc.stringMatching(/^[a-z]{1,30}$/), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(words, fc.integer({ min: 5, max: 60 }), (ws, width) => {
        const text = ws.join(" ");
        const perLine = Math.floor((width - 1) / 0.85);
        const lines = wrappedLines(text, width);
        // each line holds at most perLine characters, and each break drops at most one space
        expect(lines * perLine + (lines - 1)).toBeGreaterThanOrEqual(text.length);
        if (text.length <= perLine) expect(lines).toBe(1);
      })
    );
  });
  it("quotes the sheet in the print titles' reference, doubling an apostrophe (Excel's reference syntax)", () => {
    expect(printTitlesName("Bob's & Co", 3, 41)).toBe(
      "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"3\">'Bob''s &amp; Co'!$42:$42</definedName>"
    );
  });
});

describe("cellAlignment", () => {
  const values = [
    ["Item", "Qty", "Since", "Note"],
    ["A", 3, 45292, "x"],
    ["B", null, 45293, null],
    [null, null, null, null],
    ["Label", "Text"],
  ];
  const formats = [
    [null, null, null, null],
    [null, "integer", "date", null],
    [null, "integer", "date", null],
    [null, null, null, null],
    [null, null],
  ] as const;
  const align = cellAlignment(
    values,
    formats.map((r) => [...r]),
    [0, 4]
  );

  it("takes a header's alignment from the first value below it within its block", () => {
    expect([0, 1, 2, 3].map((c) => align(0, c))).toEqual([0, 1, 2, 0]);
    // the row after a blank row starts a new block: "Text" is over nothing
    expect(align(4, 1)).toBe(0);
  });

  it("wraps only text that is cut off: longer than its column and followed by a value", () => {
    const long = "a description longer than a line"; // 32 characters; width 10 holds 10 a line
    const wrap = cellAlignment(
      [["Note", "x"], [long, 1], [long, null], [long]],
      [[null, null], [null, null], [null, null], [null]],
      [],
      [10, 10]
    );
    expect([wrap(1, 0), wrap(2, 0), wrap(3, 0), wrap(0, 0)]).toEqual([4, 0, 0, 0]);
  });

  it("indents text only when the column to its left holds figures", () => {
    const next = cellAlignment(
      [
        ["n", "t"],
        [1, "a"],
        [null, "b"],
      ],
      [
        [null, null],
        ["number", null],
        ["number", null],
      ],
      [0]
    );
    expect([next(0, 1), next(1, 1), next(2, 1)]).toEqual([3, 3, 3]);
    expect(align(1, 3)).toBe(0); // after a date
  });

  it.each(["ratio", "days"] as const)(
    "counts a blank in a %s column as a figure (text after it is indented)",
    (kind) => {
      const next = cellAlignment(
        [
          ["Turnover", "Class"],
          [null, "A"],
        ],
        [
          [null, null],
          [kind, null],
        ],
        [0]
      );
      expect(next(1, 1)).toBe(3);
    }
  );
});
