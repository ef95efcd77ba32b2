#!/usr/bin/env node
/*
 * The `stockbook` command. Runs the built CLI when there is one (dist/cli/stockbook.cjs), else the TypeScript
 * source through tsx (a dev dependency), so `npx stockbook` works in a checkout without a build step.
 */
/* eslint-disable no-undef */
const path = require("node:path");
const fs = require("node:fs");

const built = path.join(__dirname, "..", "dist", "cli", "stockbook.cjs");
let cli;
if (fs.existsSync(built)) {
  cli = require(built);
} else {
  require("tsx/cjs/api").register();
  cli = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`stockbook: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
);
