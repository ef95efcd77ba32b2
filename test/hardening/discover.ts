/**
 * Finds the custom functions as Excel will see them: the files of src/functions that carry `@customfunction`,
 * their metadata through custom-functions-metadata's API (ids, parameters with type, optional, dimensionality)
 * and the exported implementation of each id. Nothing here names a function, so new families are fuzzed as soon
 * as they land.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

export const FUNCTIONS_DIR = path.resolve(__dirname, "../../src/functions");

export interface ParamMeta {
  name: string;
  type: string;
  optional: boolean;
  dimensionality: "scalar" | "matrix";
  repeating: boolean;
}

export interface FunctionMeta {
  id: string;
  file: string;
  functionName: string;
  params: ParamMeta[];
  resultDimensionality: "scalar" | "matrix";
  streaming: boolean;
}

export type Fn = (...args: unknown[]) => unknown;

/** The function files, found synchronously so each can have its own describe block. */
export function functionFiles(): string[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && readFileSync(path.join(FUNCTIONS_DIR, f), "utf8").includes("@customfunction"))
    .sort()
    .map((f) => path.join(FUNCTIONS_DIR, f));
}

interface RawParam {
  name: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
  repeating?: boolean;
}
interface RawFunction {
  id: string;
  parameters?: RawParam[];
  result?: { dimensionality?: string };
  options?: { stream?: boolean };
}

/** Metadata of one file's functions, joined with their implementations. */
export async function discover(file: string): Promise<{ meta: FunctionMeta; fn: Fn }[]> {
  const r = await generateCustomFunctionsMetadata([file], false);
  if (r.errors.length > 0) throw new Error(`metadata errors in ${file}: ${r.errors.join("; ")}`);
  const fns = (JSON.parse(r.metadataJson) as { functions: RawFunction[] }).functions;
  const mod = (await import(file)) as Record<string, unknown>;
  return fns.map((f) => {
    const a = r.associate.find((x) => x.id === f.id);
    if (!a) throw new Error(`no association for ${f.id}`);
    const fn = mod[a.functionName];
    if (typeof fn !== "function") throw new Error(`${f.id}: ${a.functionName} is not exported from ${file}`);
    return {
      meta: {
        id: f.id,
        file: path.relative(path.resolve(__dirname, "../.."), file),
        functionName: a.functionName,
        params: (f.parameters ?? []).map((p) => ({
          name: p.name,
          type: p.type ?? "any",
          optional: p.optional === true,
          dimensionality: p.dimensionality === "matrix" ? "matrix" : "scalar",
          repeating: p.repeating === true,
        })),
        resultDimensionality: f.result?.dimensionality === "matrix" ? "matrix" : "scalar",
        streaming: f.options?.stream === true,
      },
      fn: fn as Fn,
    };
  });
}
