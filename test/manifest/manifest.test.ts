/**
 * What Microsoft's schema cannot see (its online validator is unreachable here; .ci/run checks the schema with
 * xmllint): resource ids defined and short, the shared runtime wired to one resid, https everywhere, icons that
 * exist at their stated sizes, the BOOK namespace and the ribbon function registered in code.
 */
import { readFileSync, existsSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GENERATE_REPORTS } from "../../src/commands/commands";

const root = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
type Node = Record<string, unknown>;
const doc = parser.parse(xml) as { OfficeApp: Node };

/** Every object in the tree, depth first. */
function walk(n: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(n)) n.forEach((c) => walk(c, out));
  else if (n && typeof n === "object") {
    out.push(n as Node);
    Object.values(n).forEach((c) => walk(c, out));
  }
  return out;
}
const nodes = walk(doc);
const attr = (name: string) =>
  nodes.flatMap((n) => (typeof n[`@${name}`] === "string" ? [n[`@${name}`] as string] : []));
const resources = (doc.OfficeApp.VersionOverrides as Node).Resources as Node;
const defined = new Map<string, string>();
for (const group of Object.values(resources)) {
  for (const item of walk(group)) {
    if (typeof item["@id"] === "string") defined.set(item["@id"] as string, item["@DefaultValue"] as string);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has a GUID id and asks only for ReadWriteDocument", () => {
    expect(doc.OfficeApp.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(doc.OfficeApp.Permissions).toBe("ReadWriteDocument");
  });

  it("defines every resid it uses, each at most 32 characters", () => {
    const used = attr("resid");
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) {
      expect(defined.has(id)).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const id of defined.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("runs the task pane, commands and custom functions in one long-lived shared runtime", () => {
    const host = nodes.find((n) => n["@type"] === "Workbook" && n.Runtimes) as Node;
    const children = Object.keys(host).filter((k) => !k.startsWith("@"));
    expect(children[0]).toBe("Runtimes");
    const runtime = (host.Runtimes as Node).Runtime as Node;
    expect(runtime["@lifetime"]).toBe("long");
    const resid = runtime["@resid"];
    const cf = nodes.find((n) => n["@type"] === "CustomFunctions") as Node;
    expect(((cf.Page as Node).SourceLocation as Node)["@resid"]).toBe(resid);
    const desktop = host.DesktopFormFactor as Node;
    expect((desktop.FunctionFile as Node)["@resid"]).toBe(resid);
    const showTaskpane = nodes.find((n) => n["@type"] === "ShowTaskpane") as Node;
    expect((showTaskpane.SourceLocation as Node)["@resid"]).toBe(resid);
    const sets = walk(doc.OfficeApp.Requirements).filter((n) => n["@Name"] === "SharedRuntime");
    expect(sets).toEqual([expect.objectContaining({ "@MinVersion": "1.1" })]);
  });

  it("uses https for every URL", () => {
    const urls = [...attr("DefaultValue").filter((v) => /^[a-z]+:\/\//i.test(v)), ...defined.values()].filter((v) =>
      /:\/\//.test(v)
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const d of walk(doc.OfficeApp.AppDomains))
      for (const v of Object.values(d)) expect(String(v)).toMatch(/^https:/);
  });

  it("names icons that exist at the pixel sizes it states", () => {
    const icons = [...defined.entries()].filter(([id]) => id.startsWith("Icon."));
    expect(icons.length).toBe(3);
    for (const [id, url] of icons) {
      const size = Number(/(\d+)x\1/.exec(id)?.[1]);
      const file = path.join(root, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const [key, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const file = path.join(root, new URL((doc.OfficeApp[key] as Node)["@DefaultValue"] as string).pathname);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const n of [16, 32, 64, 80, 128]) expect(pngSize(path.join(root, `assets/icon-${n}.png`)).width).toBe(n);
  });

  it("declares the BOOK namespace", () => {
    const cf = nodes.find((n) => n["@type"] === "CustomFunctions") as Node;
    expect(defined.get((cf.Namespace as Node)["@resid"] as string)).toBe("BOOK");
  });

  it("calls the ribbon function the code registers", () => {
    const exec = nodes.find((n) => n["@type"] === "ExecuteFunction") as Node;
    expect(exec.FunctionName).toBe(GENERATE_REPORTS);
    const src = readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    expect(src).toMatch(/actions\??\.associate\(GENERATE_REPORTS, generateReports\)/);
  });
});
