/**
 * Supply chain and surface. The registry reachable from CI refuses `npm audit` (.ci/run prints "unavailable"), so
 * this test keeps the door instead: the production dependencies are pinned by name (adding one means adding it
 * here with its reason), known-bad packages are refused anywhere in the lock file, the production bundle has no
 * eval or new Function, and the manifest asks for ReadWriteDocument only.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");
const read = (f: string) => readFileSync(path.join(root, f), "utf8");

/** Every production dependency, with why the add-in ships it. */
const PRODUCTION_DEPENDENCIES: Record<string, string> = {
  "@fluentui/react-components": "the task pane's controls (Fluent UI v9, Office's own look and accessibility)",
  commander: "the `stockbook` command line's argument parsing",
  "date-fns": "calendar arithmetic at the edges (parsing and showing dates); the engine keeps Excel serials",
  exceljs: "the .xlsx port (src/xlsx) for headless runs and the command line; reads and writes files locally",
  react: "the task pane UI",
  "react-dom": "renders the task pane into taskpane.html",
};

/**
 * Packages refused anywhere in the tree (name → versions, "*" for all), with the reason.
 * Sources: the published advisories for xlsx on npm (frozen at 0.18.5: prototype pollution CVE-2023-30533, ReDoS
 * CVE-2024-22363; SheetJS publishes fixes only on its own CDN) and npm's security notices for the hijacked or
 * sabotaged releases below.
 */
const KNOWN_BAD: Record<string, { versions: "*" | string[]; why: string }> = {
  xlsx: {
    versions: "*",
    why: "npm's xlsx is stuck at 0.18.5 with published advisories (CVE-2023-30533, CVE-2024-22363)",
  },
  "flatmap-stream": { versions: "*", why: "malware injected through event-stream (2018)" },
  "event-stream": { versions: ["3.3.6"], why: "depends on the malicious flatmap-stream" },
  "ua-parser-js": { versions: ["0.7.29", "0.8.0", "1.0.0"], why: "hijacked releases with a cryptominer (2021)" },
  coa: { versions: ["2.0.3", "2.0.4", "2.1.1", "2.1.3", "3.0.1", "3.1.3"], why: "hijacked releases (2021)" },
  rc: { versions: ["1.2.9", "1.3.9", "2.3.9"], why: "hijacked releases (2021)" },
  "node-ipc": { versions: ["10.1.1", "10.1.2", "10.1.3", "11.0.0", "11.1.0"], why: "protestware wiping files (2022)" },
  peacenotwar: { versions: "*", why: "protestware pulled in by node-ipc" },
  colors: { versions: ["1.4.1", "1.4.2", "1.4.44-liberty-2"], why: "sabotaged releases (infinite loop, 2022)" },
  faker: { versions: ["6.6.6"], why: "sabotaged release (2022)" },
  "eslint-scope": { versions: ["3.7.2"], why: "compromised release stealing npm tokens (2018)" },
};

interface LockPackage {
  version?: string;
  resolved?: string;
  dev?: boolean;
  link?: boolean;
}

const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, LockPackage> };
const pkg = JSON.parse(read("package.json")) as { dependencies?: Record<string, string> };
const nameOf = (key: string) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);

describe("dependencies", () => {
  it("production dependencies are exactly the pinned list (add a new one here, with its reason)", () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(Object.keys(PRODUCTION_DEPENDENCIES).sort());
    for (const why of Object.values(PRODUCTION_DEPENDENCIES)) expect(why.length).toBeGreaterThan(10);
  });

  it("refuses known-bad packages anywhere in package-lock.json", () => {
    const found: string[] = [];
    for (const [key, p] of Object.entries(lock.packages)) {
      if (!key.includes("node_modules/")) continue;
      const bad = KNOWN_BAD[nameOf(key)];
      if (bad && (bad.versions === "*" || bad.versions.includes(p.version ?? "")))
        found.push(`${key}@${p.version}: ${bad.why}`);
    }
    expect(found).toEqual([]);
  });

  it("takes packages only from a registry (no git, file or plain-http sources)", () => {
    const odd = Object.entries(lock.packages)
      .filter(([k, p]) => k.includes("node_modules/") && !p.link && p.resolved !== undefined)
      .filter(([, p]) => !/^https:\/\//.test(p.resolved as string))
      .map(([k, p]) => `${k}: ${p.resolved}`);
    expect(odd).toEqual([]);
  });
});

describe("production bundle", () => {
  const dist = path.join(root, "dist");
  let bundles: { file: string; text: string }[] = [];
  beforeAll(() => {
    // Build when dist is missing, or older than the webpack config (a stale bundle proves nothing about this one).
    const bundle = path.join(dist, "taskpane.js");
    const stale =
      !existsSync(bundle) || statSync(bundle).mtimeMs < statSync(path.join(root, "webpack.config.js")).mtimeMs;
    if (stale) execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "ignore" });
    bundles = readdirSync(dist)
      .filter((f) => f.endsWith(".js"))
      .map((f) => ({ file: f, text: readFileSync(path.join(dist, f), "utf8") }));
  }, 300_000);

  it("has the three entry bundles", () => {
    expect(bundles.map((b) => b.file)).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "commands.js"]));
  });

  // BUG-H9 (fixed): webpack's global shim `new Function("return this")` was in taskpane.js until `node.global: false`.
  it("contains no eval( and no new Function(", () => {
    const hits = bundles.flatMap(({ file, text }) =>
      [/\beval\s*\(/, /new\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/]
        .filter((re) => re.test(text))
        .map((re) => `${file}: ${re}`)
    );
    expect(hits).toEqual([]);
  });

  it("makes no network calls of its own (no fetch, XMLHttpRequest, WebSocket or sendBeacon)", () => {
    const hits = bundles.flatMap(({ file, text }) =>
      [/\bfetch\s*\(/, /XMLHttpRequest/, /\bWebSocket\b/, /sendBeacon/, /importScripts/]
        .filter((re) => re.test(text))
        .map((re) => `${file}: ${re}`)
    );
    expect(hits).toEqual([]);
  });
});

describe("manifest", () => {
  it.each(["manifest.xml", "dist/manifest.xml"].filter((f) => existsSync(path.join(root, f))))(
    "%s asks for ReadWriteDocument only",
    (f) => {
      const xml = read(f);
      const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
      expect(perms).toEqual(["ReadWriteDocument"]);
    }
  );
});
