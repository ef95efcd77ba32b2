/**
 * What an accountant's workbook can hand a custom function: numbers at the edges, text that looks like numbers,
 * dates or formulas, booleans, blanks, ranges of any of these, and whole tables (header row first, as
 * `Ledger[#All]` passes them) with good rows mixed with bad ones. Generators are chosen per parameter from the
 * metadata (type, dimensionality) and the parameter's name (a `ledger` gets a Ledger, a `sku` gets keys that
 * occur in the generated tables, so lookups hit as well as miss).
 */
import fc from "fast-check";
import { TABLES, TABLE_NAMES, type ColumnDef, type TableName } from "../../src/engine/schema/tables";
import type { ParamMeta } from "./discover";

export type XlValue = string | number | boolean | null | undefined;
export type XlArg = XlValue | XlValue[][];

/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32767;
const LONG_TEXT = "W".repeat(MAX_CELL_TEXT);

/** Keys shared by generated tables and key arguments, with case and space variants of the same key. */
export const KEYS = ["A-1", "A-2", "a-1", " A-2 ", "SKU1", "SKU2", "sku1", "S 3", "1001", "٣"];
const NAMES = ["Ana", "Bo", "Zoë", "محمد", "שרה", "李雷", "O'Neil", '=HYPERLINK("x")', "+1", "-2", "@me"];
const METHODS = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS", "UOP", "NONE", "FIFO", "LIFO", "WEIGHTED"];
const METHODS2 = ["MOVING", "fifo", " lifo ", "Moving Average", "xyz", "HY", "MQ", "MM", "FM", "DAYS", "hy"];

const EDGE_NUMBERS = [0, -0, 1, -1, 0.5, -0.0001, 1e-12, 1e15, -1e15, 1e308, -1e308, 5e-324, 2 ** 53, 60, 61];
const SERIAL_EDGES = [1, 59, 60, 61, 366, 2958465, 2958466, 45382, 45657, 46022];
const NAN_LIKE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "abc", "#N/A", "#VALUE!", "#DIV/0!", "null"];
const NUMBER_TEXT = ["1,234.50", "(12.00)", "$5", "15%", "1e5", "0x10", "  42  ", "-0", "１２３", "1.2.3", "٣", "5-"];
const DATE_TEXT = [
  "2024-03-31",
  "31/03/2024",
  "03/31/2024",
  "2024/3/31",
  "March 31, 2024",
  "31 Mar 2024",
  "31-Mar-24",
  "2024-02-30",
  "2024-13-01",
  "1899-12-31",
  "1900-02-29",
  "9999-12-31",
  "10000-01-01",
  "2024-03-31T10:00:00",
];
const ODD_TEXT = [
  "",
  " ",
  "\t",
  "TRUE",
  "false",
  "=1+1",
  "@SUM(A1)",
  "+A1",
  "-A1",
  "\u202Eabc",
  "undefined",
  LONG_TEXT,
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

export const edgeNumber = fc.oneof(
  { arbitrary: pick(EDGE_NUMBERS), weight: 3 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: pick(SERIAL_EDGES), weight: 2 },
  { arbitrary: fc.integer({ min: 36000, max: 50000 }), weight: 3 }
);

/** Any one cell or argument value. */
export const anyScalar: fc.Arbitrary<XlValue> = fc.oneof(
  { arbitrary: edgeNumber, weight: 6 },
  { arbitrary: pick([...NAN_LIKE, ...NUMBER_TEXT]), weight: 2 },
  { arbitrary: pick(DATE_TEXT), weight: 2 },
  { arbitrary: pick(ODD_TEXT), weight: 1 },
  { arbitrary: pick([...METHODS, ...METHODS2]), weight: 1 },
  { arbitrary: pick(KEYS), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 }
);

/** A cell inside a range Excel passes: as anyScalar, but blanks come as "" or null, never undefined. */
const rangeCell = anyScalar.map((v) => (v === undefined ? "" : v));

function rect<T>(cell: fc.Arbitrary<T>, maxRows = 5, maxCols = 4): fc.Arbitrary<T[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
}

export const anyRange = rect(rangeCell);

const keyScalar: fc.Arbitrary<XlValue> = fc.oneof({ arbitrary: pick(KEYS), weight: 4 }, anyScalar);
const dateScalar: fc.Arbitrary<XlValue> = fc.oneof(
  { arbitrary: fc.integer({ min: 42000, max: 48000 }), weight: 4 },
  { arbitrary: pick(DATE_TEXT), weight: 2 },
  anyScalar
);

// ---- tables ---------------------------------------------------------------------------------------------------

function goodCell(table: TableName, c: ColumnDef): fc.Arbitrary<XlValue> {
  if (c.name === "AssetID" || c.name === "SKU") return pick(KEYS);
  if (c.name === "Quantity") return fc.integer({ min: table === "Ledger" ? -5 : 0, max: 40 });
  switch (c.type) {
    case "text":
      return fc.oneof(pick(NAMES), pick(KEYS), fc.constant(null));
    case "number":
      return fc.oneof(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 10000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
        fc.constant(null)
      );
    case "date":
      return fc.oneof(
        { arbitrary: fc.integer({ min: 43000, max: 47000 }), weight: 5 },
        { arbitrary: pick(DATE_TEXT.slice(0, 6)), weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 }
      );
    case "choice":
      return fc.oneof(
        { arbitrary: pick(c.values ?? [""]), weight: 6 },
        { arbitrary: pick((c.values ?? [""]).map((v) => v.toUpperCase())), weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 }
      );
  }
}

const cellFor = (table: TableName, c: ColumnDef): fc.Arbitrary<XlValue> =>
  fc.oneof({ arbitrary: goodCell(table, c), weight: 9 }, { arbitrary: rangeCell, weight: 1 });

/** Header variants: as set up, shuffled, a column missing, a header twice, synonyms, an extra column. */
type HeaderCol = ColumnDef & { canonical?: string };

function headerOf(table: TableName): fc.Arbitrary<HeaderCol[]> {
  const cols: HeaderCol[] = [...TABLES[table].columns];
  const extra: HeaderCol = { name: "Remarks", type: "text" };
  const w = (arbitrary: fc.Arbitrary<HeaderCol[]>, weight: number) => ({ arbitrary, weight });
  return fc.oneof(
    w(fc.constant(cols), 6),
    w(fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }), 2),
    w(
      fc.integer({ min: 0, max: cols.length - 1 }).map((i) => cols.filter((_, j) => j !== i)),
      1
    ),
    w(
      fc.integer({ min: 0, max: cols.length - 1 }).map((i) => [...cols, cols[i]]),
      1
    ),
    w(fc.constant([...cols, extra]), 1),
    w(fc.constant(cols.map((c) => ({ ...c, name: c.synonyms?.[0] ?? c.name, canonical: c.name }))), 1)
  );
}

/** A table argument: header row first, then 0..maxRows data rows (some blank). */
export function tableArb(table: TableName, maxRows = 20, hostile = true): fc.Arbitrary<XlValue[][]> {
  const header = hostile ? headerOf(table) : fc.constant<HeaderCol[]>([...TABLES[table].columns]);
  return header.chain((cols) => {
    const defs = cols.map((c) => TABLES[table].columns.find((d) => d.name === c.canonical) ?? c);
    const row = fc.oneof(
      { arbitrary: fc.tuple(...defs.map((d) => (hostile ? cellFor(table, d) : goodCell(table, d)))), weight: 12 },
      { arbitrary: fc.constant(defs.map(() => "")), weight: 1 }
    );
    return fc
      .array(row, { maxLength: maxRows })
      .map((rows) => [
        cols.map((c) => c.name) as XlValue[],
        ...rows.map((r) => r.map((v) => (v === undefined ? "" : v))),
      ]);
  });
}

/** Which of our tables a parameter is meant to receive, from its name (checkouts, ledger, items, assets...). */
export function tableForParam(name: string): TableName | null {
  const n = name.toLowerCase().replace(/[^a-z]/g, "");
  if (n.includes("assetlog") || n === "log") return "AssetLog";
  if (n.includes("checkout") || n.includes("loan")) return "Checkouts";
  if (n.includes("ledger") || n.includes("movement")) return "Ledger";
  if (n.includes("item")) return "Items";
  if (n.includes("asset") && !n.endsWith("id") && !n.endsWith("ids")) return "Assets";
  if (n.includes("register")) return "Assets";
  return TABLE_NAMES.find((t) => t.toLowerCase() === n) ?? null;
}

const KEYISH = /(^|_)(sku|id|ids|key|keys|asset_id|item)$/i;
const DATEISH = /(date|as_of|^on$|from|^to$|expiry|start|end|period_start|period_end|acquired|service)/i;
const METHODISH = /(method|convention|basis)/i;

/** The generator for one parameter. Omitted optional parameters are added by `argsArb`. */
export function paramArb(p: ParamMeta): fc.Arbitrary<XlArg> {
  if (p.dimensionality === "matrix") {
    const t = tableForParam(p.name);
    if (t) return fc.oneof({ arbitrary: tableArb(t), weight: 12 }, { arbitrary: anyRange, weight: 1 });
    const cell = KEYISH.test(p.name) ? keyScalar.map((v) => (v === undefined ? "" : v)) : rangeCell;
    return fc.oneof(rect(cell, 6, 3), anyRange);
  }
  switch (p.type) {
    case "number":
      return fc.oneof({ arbitrary: edgeNumber, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });
    case "string":
      return fc.oneof(anyScalar.map((v) => (v === null || v === undefined ? v : String(v))));
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constant(null));
  }
  // "any": a scalar, or a range where the function takes a range of keys or dates
  const base = KEYISH.test(p.name) ? keyScalar : DATEISH.test(p.name) ? dateScalar : anyScalar;
  const scalarArb = METHODISH.test(p.name) ? fc.oneof(pick([...METHODS, ...METHODS2]), anyScalar) : base;
  return fc.oneof(
    { arbitrary: scalarArb, weight: 8 },
    {
      arbitrary: rect(
        base.map((v) => (v === undefined ? "" : v)),
        6,
        2
      ),
      weight: 2,
    }
  );
}

// ---- plausible arguments ------------------------------------------------------------------------------------

const VALUATION = ["FIFO", "LIFO", "WEIGHTED", "MOVING", "fifo", "Moving"];
const DEPRECIATION = ["SL", "SYD", "DB", "DDB", "VDB", "150DB", "MACRS", "NONE", "sl", "ddb"];
const CONVENTIONS = ["FM", "MM", "HY", "MQ", "DAYS", "hy"];
const money = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 100_000, noNaN: true }).map((x) => Math.round(x * 100) / 100)
);
const serial = fc.integer({ min: 40000, max: 47500 });

/** A value an accountant would plausibly pass for this parameter, so calls also reach the computations. */
export function plausibleArb(p: ParamMeta, inventory: boolean): fc.Arbitrary<XlArg> {
  const n = p.name.toLowerCase();
  const t = p.dimensionality === "matrix" ? tableForParam(n) : null;
  if (t) return tableArb(t, 15, false);
  if (p.dimensionality === "matrix") {
    const keys = fc.oneof({ arbitrary: pick(KEYS), weight: 5 }, { arbitrary: fc.constant(""), weight: 1 });
    return fc.oneof({ arbitrary: keys.map((k) => [[k]]), weight: 3 }, { arbitrary: rect(keys, 6, 2), weight: 1 });
  }
  if (/method/.test(n)) return pick(inventory ? VALUATION : DEPRECIATION);
  if (/convention/.test(n)) return pick(CONVENTIONS);
  if (/cost|salvage|proceeds|price|amount/.test(n)) return money;
  if (/recovery_period|life/.test(n))
    return fc.oneof(pick([3, 5, 7, 10, 15, 20, 27.5, 39]), fc.integer({ min: 1, max: 50 }));
  if (/^(period|year)$/.test(n)) return fc.integer({ min: 0, max: 45 });
  if (/^(start|end)$/.test(n)) return fc.double({ min: 0, max: 45, noNaN: true });
  if (/month|quarter/.test(n)) return fc.integer({ min: 1, max: 12 });
  if (/factor/.test(n)) return fc.oneof(pick([1.5, 2, 1, 12, 6]), fc.double({ min: 0.1, max: 5, noNaN: true }));
  if (/units/.test(n)) return fc.integer({ min: 0, max: 100_000 });
  if (/switch/.test(n)) return fc.boolean();
  if (/days/.test(n)) return fc.integer({ min: 0, max: 400 });
  if (KEYISH.test(p.name)) return pick(KEYS);
  if (/location|site/.test(n)) return pick([...NAMES, ...KEYS]);
  if (DATEISH.test(p.name))
    return fc.oneof({ arbitrary: serial, weight: 5 }, { arbitrary: pick(DATE_TEXT.slice(0, 6)), weight: 1 });
  return p.type === "boolean" ? fc.boolean() : fc.oneof(edgeNumber, anyScalar);
}

function optional(p: ParamMeta, arb: fc.Arbitrary<XlArg>): fc.Arbitrary<XlArg> {
  if (!p.optional) return arb;
  return fc.oneof(
    { arbitrary: arb, weight: 3 },
    { arbitrary: fc.constant<XlArg>(null), weight: 1 },
    { arbitrary: fc.constant<XlArg>(undefined), weight: 1 }
  );
}

/**
 * Arguments for a call: required ones always, optional ones given, blank (null) or left off the end. A third of
 * the calls are all plausible (they reach the accounting), a third mix plausible and hostile values, a third are
 * hostile throughout.
 */
export function argsArb(params: readonly ParamMeta[]): fc.Arbitrary<XlArg[]> {
  const inventory = params.some((p) => tableForParam(p.name) === "Ledger");
  const plausible = params.map((p) => optional(p, plausibleArb(p, inventory)));
  const hostile = params.map((p) => optional(p, paramArb(p)));
  const mixed = params.map((_p, i) =>
    fc.oneof({ arbitrary: plausible[i], weight: 4 }, { arbitrary: hostile[i], weight: 1 })
  );
  return fc.oneof(fc.tuple(...plausible), fc.tuple(...mixed), fc.tuple(...hostile)).map((args) => {
    const out = [...args];
    // Excel leaves trailing omitted optional arguments out of the call.
    while (out.length > 0 && out[out.length - 1] === undefined && params[out.length - 1]?.optional) out.pop();
    return out;
  });
}
