/** The fuzzer's judge must itself catch what it is there to catch (a judge that passes everything proves nothing). */
import { CfError, messageProblems, resultProblems, thrownProblems } from "./checks";

const cfError = (code: string, message?: string) => new CfError(code, message);

describe("fuzz checks", () => {
  it("accept what Excel can show", () => {
    expect(resultProblems(3.5, [])).toEqual([]);
    expect(resultProblems("Active", [])).toEqual([]);
    expect(resultProblems(false, [])).toEqual([]);
    expect(
      resultProblems(
        [
          [1, "a"],
          [cfError("#NUM!"), true],
        ],
        []
      )
    ).toEqual([]);
    expect(thrownProblems(cfError("#VALUE!", "as_of must be a date; give an Excel date."), [])).toEqual([]);
    expect(thrownProblems(cfError("#DIV/0!"), [])).toEqual([]);
  });

  it("reject NaN, Infinity, undefined, null and objects, also inside a spill", () => {
    expect(resultProblems(NaN, [])).not.toEqual([]);
    expect(resultProblems(Infinity, [])).not.toEqual([]);
    expect(resultProblems(undefined, [])).not.toEqual([]);
    expect(resultProblems(null, [])).not.toEqual([]);
    expect(resultProblems({ a: 1 }, [])).not.toEqual([]);
    expect(resultProblems([[1, NaN]], [])).not.toEqual([]);
    expect(resultProblems([[1, undefined]], [])).not.toEqual([]);
    expect(resultProblems([[1, new Error("x")]], [])).not.toEqual([]);
  });

  it("reject ragged, empty and 1-D arrays and text longer than a cell", () => {
    expect(resultProblems([[1, 2], [3]], [])).not.toEqual([]);
    expect(resultProblems([], [])).not.toEqual([]);
    expect(resultProblems([1, 2], [])).not.toEqual([]);
    expect(resultProblems("x".repeat(32768), [])).not.toEqual([]);
  });

  it("reject other exceptions and #VALUE!/#N/A without a useful message", () => {
    expect(thrownProblems(new TypeError("Cannot read properties of undefined"), [])).not.toEqual([]);
    expect(thrownProblems("boom", [])).not.toEqual([]);
    expect(thrownProblems(cfError("#VALUE!"), [])).not.toEqual([]);
    expect(thrownProblems(cfError("#N/A", "Not found."), [])).not.toEqual([]);
    expect(messageProblems("#VALUE!", "Cost is NaN; give a number.", [1])).not.toEqual([]);
    // text the user typed may be quoted back
    expect(messageProblems("#VALUE!", 'cost must be a number; got "NaN".', ["NaN"])).toEqual([]);
  });
});
