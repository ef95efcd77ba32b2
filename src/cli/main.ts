/**
 * The `stockbook` command line: report, check, init, demo. `main(argv)` returns the exit code: 0 success, 2 an
 * unreadable or wrong file (or bad arguments) with a one-line reason, 1 anything else.
 */
import { Command, CommanderError } from "commander";
import { dateArg, fyEndArg, methodArg } from "./args";
import { runCheck } from "./check";
import { runDemo } from "./demo";
import { runInit } from "./init";
import { CliFailure, processIO, type CliIO } from "./io";
import { reportSummary, runReport } from "./report";

interface PeriodFlags {
  from?: string;
  to?: string;
  method?: string;
  fyEnd?: string;
}

const request = (o: PeriodFlags) => ({
  from: dateArg("from", o.from),
  to: dateArg("to", o.to),
  valuationMethod: methodArg(o.method),
  fiscalYearEndMonth: fyEndArg(o.fyEnd),
});

function periodOptions(c: Command): Command {
  return c
    .option("--from <date>", "first day of the period (default: start of the fiscal year of --to)")
    .option("--to <date>", "last day of the period (default: today)")
    .option("--method <method>", "one valuation method for every item: FIFO, LIFO, WEIGHTED, MOVING")
    .option("--fy-end <month>", "last month of the fiscal year, 1-12 or a name (default: the workbook's setting)");
}

export function program(io: CliIO, setCode: (n: number) => void): Command {
  const p = new Command("stockbook")
    .description("Stockbook reports on an .xlsx workbook, without Excel.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  periodOptions(
    p
      .command("report")
      .description("write the report sheets into a new workbook (default <book>.report.xlsx)")
      .argument("<book.xlsx>", "the workbook with Stockbook's tables")
      .option("-o, --output <file>", "the new workbook to write (never the input)")
      .option("--with-tables", "copy the source tables into the output too (slower on big ledgers)")
  ).action(async (book: string, o: PeriodFlags & { output?: string; withTables?: boolean }) => {
    const { output, result } = await runReport(book, { ...request(o), output: o.output, withTables: o.withTables }, io);
    for (const l of reportSummary(output, result)) io.out(l);
  });
  periodOptions(
    p
      .command("check")
      .description("print every table row that could not be used, and why")
      .argument("<book.xlsx>", "the workbook with Stockbook's tables")
      .option("--strict", "exit with code 1 when there are issues")
  ).action(async (book: string, o: PeriodFlags & { strict?: boolean }) => {
    const n = await runCheck(book, request(o), io);
    if (o.strict && n > 0) setCode(1);
  });
  p.command("init")
    .description("write a new workbook with Stockbook's empty tables")
    .argument("<new.xlsx>", "the file to create (must not exist)")
    .action(async (file: string) => {
      await runInit(file);
      io.out(`Wrote ${file} with the tables Assets, Checkouts, AssetLog, Items and Ledger.`);
    });
  periodOptions(
    p
      .command("demo")
      .description("write the demo workbook and its report")
      .argument("[dir]", "folder to write into", ".")
      .option("--today <date>", "the demo's today (default: today)")
  ).action(async (dir: string, o: PeriodFlags & { today?: string }) => {
    const r = await runDemo(dir, { ...request(o), today: dateArg("today", o.today) }, io);
    io.out(`Wrote ${r.workbook} and its report ${r.report}.`);
  });
  return p;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code = 0;
  try {
    await program(io, (n) => (code = n)).parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // help/version: 0; usage errors: 2
    if (e instanceof CliFailure) {
      io.err(`stockbook: ${e.message}`);
      return e.code;
    }
    io.err(`stockbook: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return 1;
  }
}
