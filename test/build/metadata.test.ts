/**
 * functions.json comes from the JSDoc through custom-functions-metadata. Its CLI exits 0 even when metadata has
 * errors, so this test generates the metadata through the package's API and fails on any error.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const dir = path.resolve(__dirname, "../../src/functions");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && readFileSync(path.join(dir, f), "utf8").includes("@customfunction"))
  .map((f) => path.join(dir, f));

describe("custom function metadata", () => {
  let result: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(files, false);
  });

  it("has no errors", () => {
    expect(result.errors).toEqual([]);
  });

  it("exports each function under a name equal to its id, ignoring case", async () => {
    expect(result.associate.length).toBeGreaterThan(0);
    for (const a of result.associate) {
      expect(a.functionName.toLowerCase()).toBe(a.id.toLowerCase());
      const mod = (await import(a.sourceFileName)) as Record<string, unknown>;
      expect(typeof mod[a.functionName]).toBe("function");
    }
  });

  it("has the whole catalogue of DESIGN.md, in namespace BOOK", () => {
    const ids = new Set(result.associate.map((a) => a.id));
    const catalogue = [
      ...["DEPRECIATE", "DEPRBETWEEN", "DEPRSCHEDULE", "BOOKVALUE", "ACCUMDEPR", "MACRS", "MACRSRATE", "UNITSDEPR"],
      ...["STOCKVALUE", "ONHAND", "UNITCOST", "COGS", "REVENUE", "MARGIN", "MARGINPCT", "REORDER", "STOCKAGE"],
      ...["TURNOVER", "WARRANTYDAYS", "WARRANTYSTATUS", "CUSTODIAN", "OVERDUE", "ONLOAN"],
    ];
    expect(catalogue.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("includes the warranty timers, volatile because they default to today", () => {
    const fns = (JSON.parse(result.metadataJson) as { functions: { id: string; options?: { volatile?: boolean } }[] })
      .functions;
    const byId = new Map(fns.map((f) => [f.id, f]));
    for (const id of ["WARRANTYDAYS", "WARRANTYSTATUS"]) expect(byId.get(id)?.options?.volatile).toBe(true);
  });
});

describe("spilling functions", () => {
  it("declare key parameters and results as matrices, so a range of keys spills one result per key", async () => {
    const meta = await generateCustomFunctionsMetadata(files, false);
    type Param = { name: string; dimensionality?: string };
    type Fn = { id: string; parameters: Param[]; result: { dimensionality?: string } };
    const fns = (JSON.parse(meta.metadataJson) as { functions: Fn[] }).functions;
    const keyed: Record<string, string> = { WARRANTYDAYS: "expiry", WARRANTYSTATUS: "expiry", CUSTODIAN: "asset_id" };
    for (const [id, param] of Object.entries(keyed)) {
      const f = fns.find((x) => x.id === id) as Fn;
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.parameters.find((p) => p.name === param)?.dimensionality).toBe("matrix");
    }
  });
});
