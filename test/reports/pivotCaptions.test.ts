/**
 * Excel refuses a PivotTable data field whose name equals a field of its source (the field already exists), so
 * a run inside Excel would fail where the in-memory port does not. Every value caption must differ from every
 * column of the table the PivotTable reads.
 */
import { generateReports } from "../../src/reports/generate";
import { FY2025, sampleBook } from "./fixture";

describe("PivotTable value captions", () => {
  it("never repeat a source column's name", async () => {
    const wb = await sampleBook();
    await generateReports(wb, FY2025);
    const pivots = [...wb.sheets.values()].flatMap((s) => s.pivots);
    expect(pivots.length).toBeGreaterThan(3);
    for (const p of pivots) {
      const headers = new Set((await wb.readTable(p.sourceTable)).header.map((h) => h.toLowerCase()));
      for (const v of p.values) {
        const caption = (v.caption ?? "").toLowerCase();
        expect({ pivot: p.name, caption, clash: caption !== "" && headers.has(caption) }).toEqual({
          pivot: p.name,
          caption,
          clash: false,
        });
      }
    }
  });
});
