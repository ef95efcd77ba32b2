#!/usr/bin/env node
/*
 * Remakes the report screenshots in docs/images (README's "Reports" section) from what `stockbook` writes now.
 *
 *   npm run render-report                 # or: node scripts/render-report.mjs [--dpi 140] [--out docs/images]
 *
 * Steps: `node bin/stockbook.js demo <tmp> --today 2026-11-25` writes the fixed-seed demo workbook and its report
 * (the streaming writer, src/xlsx/xlsxReportFile.ts); `soffice --headless --convert-to pdf` prints the report
 * (LibreOffice honours each sheet's landscape fit-to-width page setup); `pdftotext` finds the page each sheet
 * starts on (a sheet's first page opens with its title, the sheet's name, and then its "Period:" line);
 * `pdftoppm -png -r <dpi>` renders that page to docs/images/report-<sheet>.png. The fixed --today keeps the
 * figures the same from run to run; only the "Generated:" time changes. Needs LibreOffice and poppler-utils.
 * The temporary folder is removed at the end (kept with --keep, and its path printed).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Sheet name -> picture name, in README order. */
const PICTURES = [
  ["Profitability", "report-profitability.png"],
  ["Inventory Valuation", "report-valuation.png"],
  ["Depreciation", "report-depreciation.png"],
  ["Asset Summary", "report-asset-summary.png"],
  ["Journal", "report-journal.png"],
];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

// 140, not 70: fit-to-width shrinks a wide sheet to about half size, and at 70 dpi its text is 3-4 pixels high.
const dpi = Number(option("--dpi", "140"));
const outDir = resolve(root, option("--out", "docs/images"));
const keep = process.argv.includes("--keep");

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: "utf8", ...opts });

/** The first line of every page of a PDF (pdftotext separates pages with a form feed). */
function pageHeads(pdf) {
  const text = run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 1 << 28 });
  return text.split("\f").map((page) =>
    page
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .slice(0, 2)
  );
}

const tmp = mkdtempSync(join(tmpdir(), "stockbook-render-"));
try {
  run(process.execPath, [join(root, "bin", "stockbook.js"), "demo", tmp, "--today", "2026-11-25"], { cwd: root });
  const report = readdirSync(tmp).find((f) => f.endsWith(".report.xlsx"));
  if (!report) throw new Error(`stockbook demo wrote no report into ${tmp}`);
  // A private LibreOffice profile: a user's running soffice (or a locked profile) cannot block the conversion.
  const profile = `file://${join(tmp, "lo-profile")}`;
  run("soffice", [
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    tmp,
    join(tmp, report),
  ]);
  const pdf = join(tmp, report.replace(/\.xlsx$/, ".pdf"));
  const heads = pageHeads(pdf);
  mkdirSync(outDir, { recursive: true });
  for (const [sheet, file] of PICTURES) {
    const index = heads.findIndex(([first, second]) => first === sheet && (second ?? "").startsWith("Period:"));
    if (index < 0) throw new Error(`No page of ${pdf} starts with the ${sheet} sheet's title.`);
    const page = String(index + 1);
    const stem = join(tmp, file.replace(/\.png$/, ""));
    run("pdftoppm", ["-png", "-r", String(dpi), "-f", page, "-l", page, "-singlefile", pdf, stem]);
    copyFileSync(`${stem}.png`, join(outDir, file));
    process.stdout.write(`${sheet}: page ${page} -> ${join(outDir, file)}\n`);
  }
} finally {
  if (keep) process.stdout.write(`Kept ${tmp}\n`);
  else rmSync(tmp, { recursive: true, force: true });
}
