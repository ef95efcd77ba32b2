/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line, e.g. `npm run bench --
 * inventory`) and prints one JSON document: { machine, benches: { name: figures } }. Figures are measured here,
 * never asserted in tests.
 */
import { readdirSync } from "fs";
import os from "os";
import path from "path";

type Bench = { run: () => Promise<Record<string, unknown>> };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const benches: Record<string, unknown> = {};
  for (const f of files) {
    const name = f.replace(/\.bench\.ts$/, "");
    process.stderr.write(`bench ${name}...\n`);
    const mod = (await import(path.join(__dirname, f))) as Bench;
    try {
      benches[name] = await mod.run();
    } catch (e) {
      benches[name] = { error: e instanceof Error ? e.message : String(e) };
      process.exitCode = 1;
    }
  }
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
  };
  process.stdout.write(JSON.stringify({ machine, benches }, null, 2) + "\n");
}

void main();
