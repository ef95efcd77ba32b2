/**
 * Writes a new .xlsx file from sheets given one at a time (each built only when its turn comes, and let go after
 * it is written): the package parts (content types, relationships, workbook, styles, shared strings, theme,
 * core properties), each worksheet streamed through deflate, and its table parts. The active sheet is a visible
 * one and the only one selected; a workbook with no visible sheet gets an empty `Sheet1`, as Excel requires.
 */
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { sheetXml, tableXml, type SheetOut } from "./sheetXml";
import { SharedStrings, Styles } from "./styles";
import { escapeXml } from "./xml";
import { ZipWriter } from "./zip";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface SheetSource {
  name: string;
  state: SheetOut["state"];
  /** Builds the sheet's cells when it is written (tables get their ids from `nextTableId`). */
  build(nextTableId: () => number): SheetOut;
}

/** ExcelJS's copy of Excel's default Office theme (table styles and fonts refer to theme colours). */
function theme(): string | null {
  try {
    const req = createRequire(__filename);
    return (req("exceljs/lib/xlsx/xml/theme1.js") as string) ?? null;
  } catch {
    return null;
  }
}

/** Deflate level for big parts: 1 is several times faster than 6 and the file only ~25% bigger. */
const FAST = 1;

export async function writeBook(
  path: string,
  sources: SheetSource[],
  active: number,
  onSheet?: (name: string, index: number, total: number) => void
): Promise<void> {
  const sheets = [...sources];
  if (!sheets.some((s) => s.state === "visible"))
    sheets.push({ name: "Sheet1", state: "visible", build: () => emptySheet("Sheet1") });
  if (!sheets[active] || sheets[active].state !== "visible") active = sheets.findIndex((s) => s.state === "visible");
  const zip = new ZipWriter(path);
  const printTitles: string[] = [];
  try {
    const styles = new Styles();
    const sst = new SharedStrings();
    let tableId = 0;
    for (const [i, src] of sheets.entries()) {
      onSheet?.(src.name, i, sheets.length);
      const sheet = src.build(() => ++tableId);
      if (sheet.printTitleRow !== undefined) printTitles.push(printTitlesName(src.name, i, sheet.printTitleRow));
      await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, i === active, styles, sst), FAST);
      if (sheet.tables.length) {
        const rels = sheet.tables
          .map((t, k) => `<Relationship Id="rId${k + 1}" Type="${NS_REL}/table" Target="../tables/table${t.id}.xml"/>`)
          .join("");
        await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [
          `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`,
        ]);
        for (const t of sheet.tables) await zip.add(`xl/tables/table${t.id}.xml`, [tableXml(t)]);
      }
    }
    await zip.add("xl/sharedStrings.xml", sst.xml(), FAST);
    await zip.add("xl/styles.xml", [styles.xml()]);
    const themeXml = theme();
    if (themeXml) await zip.add("xl/theme/theme1.xml", [themeXml]);
    const n = sheets.length;
    await zip.add("xl/workbook.xml", [
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
        `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="8000" activeTab="${active}"/></bookViews><sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`
          )
          .join("") +
        "</sheets>" +
        (printTitles.length ? `<definedNames>${printTitles.join("")}</definedNames>` : "") +
        '<calcPr calcId="171027"/></workbook>',
    ]);
    const wbRels = sheets.map(
      (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    );
    wbRels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
    wbRels.push(`<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    if (themeXml) wbRels.push(`<Relationship Id="rId${n + 3}" Type="${NS_REL}/theme" Target="theme/theme1.xml"/>`);
    await zip.add("xl/_rels/workbook.xml.rels", [
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${wbRels.join("")}</Relationships>`,
    ]);
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    await zip.add("docProps/core.xml", [
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Stockbook</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    ]);
    await zip.add("_rels/.rels", [
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>",
    ]);
    const overrides = [
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
      ...sheets.map(
        (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`
      ),
      ...Array.from(
        { length: tableId },
        (_, k) => `<Override PartName="/xl/tables/table${k + 1}.xml" ContentType="${CT}.table+xml"/>`
      ),
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
      themeXml
        ? '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        : "",
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    ];
    await zip.add("[Content_Types].xml", [
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `${overrides.join("")}</Types>`,
    ]);
    zip.close();
  } catch (e) {
    zip.abort();
    rmSync(path, { force: true });
    throw e;
  }
}

/**
 * A sheet's print titles (ECMA-376 Part 1 §18.2.5, the built-in name `_xlnm.Print_Titles`, scoped to the sheet by
 * its 0-based position): the row is repeated at the top of each printed page once the print has reached it, so
 * page 12 of a fact table still says which column is Revenue and which COGS.
 */
export function printTitlesName(sheet: string, index: number, row: number): string {
  const ref = `'${sheet.replace(/'/g, "''")}'!$${row + 1}:$${row + 1}`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(ref)}</definedName>`;
}

function emptySheet(name: string): SheetOut {
  return {
    name,
    state: "visible",
    values: [],
    format: () => "General",
    fonts: new Map(),
    widths: [],
    freezeRows: 0,
    fitToWidth: false,
    tables: [],
  };
}
