/**
 * Browser harness of the end-to-end tests: a tiny static server for dist/ on 127.0.0.1, Debian's chromium
 * driven by playwright-core with a fresh profile, office.js from the CDN aborted (so demo mode starts at once)
 * and every request recorded so a test can prove nothing left the machine.
 */
import { execSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

/** Builds the page when dist/ has none (`.ci/run` builds it before the browser tests). */
export function ensureBuilt(): void {
  if (existsSync(join(DIST, "taskpane.html")) && existsSync(join(DIST, "taskpane.js"))) return;
  execSync("npx webpack --mode production", { cwd: ROOT, stdio: "inherit" });
}

export async function serveDist(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("server has no port");
  return { server, base: `http://127.0.0.1:${addr.port}` };
}

export interface Browser {
  context: BrowserContext;
  requests: string[];
  close(): Promise<void>;
}

export async function launch(width = 350, height = 900): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "stockbook-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  // Offline the CDN never answers; aborting it makes the page fall back to demo mode without waiting.
  await context.route(OFFICE_JS, (route) => route.abort());
  return {
    context,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
