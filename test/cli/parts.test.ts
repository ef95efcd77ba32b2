import { dateArg, fyEndArg, methodArg } from "../../src/cli/args";
import type { CliIO } from "../../src/cli/io";
import { phases } from "../../src/cli/phases";
import { progressBar } from "../../src/cli/progressBar";
import { defaultOutput } from "../../src/cli/report";
import { toSerial } from "../../src/engine/dates";

const io = (tty: boolean) => {
  const raw: string[] = [];
  const c: CliIO = { out: () => undefined, err: () => undefined, errRaw: (t) => raw.push(t), tty, columns: 60 };
  return { c, raw };
};

describe("CLI arguments", () => {
  it("reads ISO and written dates", () => {
    expect(dateArg("to", "2025-12-31")).toBe(toSerial(2025, 12, 31));
    expect(dateArg("to", "31 Dec 2025")).toBe(toSerial(2025, 12, 31));
    expect(dateArg("to", undefined)).toBeUndefined();
  });

  it("reads the fiscal year end as a number or a month name", () => {
    expect(fyEndArg("6")).toBe(6);
    expect(fyEndArg("June")).toBe(6);
    expect(fyEndArg("sep")).toBe(9);
    expect(() => fyEndArg("13")).toThrow(/not a month/);
  });

  it("reads the valuation method ignoring case", () => {
    expect(methodArg("fifo")).toBe("FIFO");
    expect(() => methodArg("HIFO")).toThrow(/FIFO, LIFO, WEIGHTED, MOVING/);
  });

  it("names the report beside the book", () => {
    expect(defaultOutput("/books/2025 stock.xlsx")).toBe("/books/2025 stock.report.xlsx");
  });
});

describe("progress bar", () => {
  it("draws one line on a terminal and clears it at the end", () => {
    const { c, raw } = io(true);
    const bar = progressBar(c, 10);
    bar.update({ step: "Writing Journal", done: 1, total: 4 });
    expect(raw[0]).toMatch(/^\r\[###\.{7}\] {2}25% {2}Writing Journal/);
    bar.done();
    expect(raw[1].trim()).toBe("");
  });

  it("is silent when stderr is not a terminal", () => {
    const { c, raw } = io(false);
    const bar = progressBar(c);
    bar.update({ step: "x", done: 1, total: 2 });
    bar.done();
    expect(raw).toEqual([]);
  });
});

describe("STOCKBOOK_PROFILE phases", () => {
  const lines = () => {
    const err: string[] = [];
    const c: CliIO = {
      out: () => undefined,
      err: (l) => err.push(l),
      errRaw: () => undefined,
      tty: false,
      columns: 80,
    };
    return { c, err };
  };

  it("prints one line per phase and the highest memory seen, on stderr, when asked", () => {
    const { c, err } = lines();
    const t = phases(c, true);
    t.mark("open");
    t.mark("save");
    t.print();
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/^profile: open +\d+ ms {2}rss \d+ MB$/);
    expect(err[1]).toMatch(/^profile: save +\d+ ms {2}rss \d+ MB$/);
    expect(err[2]).toMatch(/^profile: highest rss seen +\d+ MB$/);
  });

  it("is silent otherwise", () => {
    const { c, err } = lines();
    const t = phases(c, false);
    t.mark("open");
    t.print();
    expect(err).toEqual([]);
  });
});
