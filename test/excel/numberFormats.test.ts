/**
 * Number-format codes (ECMA-376 Part 1, §18.8.31 numFmt; Excel's "Number format codes" help page): in a code,
 * "0" always shows a digit and "#" shows one only when significant, so "#,##0.####" renders 7 as "7." — a
 * trailing point Excel keeps because the "." is literal. Codes with "0" after the point never end in ".".
 */
import { numberFormatCode } from "../../src/excel/numberFormats";
import type { NumberFormatKind } from "../../src/port/types";

describe("numberFormatCode", () => {
  it("gives ratios two decimals and day counts one", () => {
    expect(numberFormatCode("ratio")).toBe("0.00");
    expect(numberFormatCode("days")).toBe("#,##0.0");
  });

  it("never ends a figure's code with optional decimals only (no '7.' for a whole number)", () => {
    const kinds: NumberFormatKind[] = ["currency", "number", "integer", "percent", "ratio", "days"];
    for (const k of kinds) {
      const code = numberFormatCode(k);
      // After the decimal point there must be at least one "0" (a digit always shown), or no point at all.
      const dec = code.split(".")[1];
      expect([k, dec === undefined || /^0/.test(dec)]).toEqual([k, true]);
    }
    expect(numberFormatCode("number")).toBe("#,##0.00");
  });

  it("keeps currency decimals from the settings", () => {
    expect(numberFormatCode("currency", 3)).toBe("#,##0.000");
    expect(numberFormatCode("currency", 0)).toBe("#,##0");
  });
});
