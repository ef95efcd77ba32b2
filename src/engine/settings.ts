/**
 * Workbook settings, stored as key/value rows on the very hidden `_Stockbook` sheet so Excel, the command line
 * and every port read the same thing. Parsing is forgiving: an unreadable value falls back to its default and is
 * reported, never thrown.
 */
import type { TableName } from "./schema/tables";

export type ValuationMethod = "FIFO" | "LIFO" | "WEIGHTED" | "MOVING";
export const VALUATION_METHODS: readonly ValuationMethod[] = ["FIFO", "LIFO", "WEIGHTED", "MOVING"];

export interface Accounts {
  inventory: string;
  cogs: string;
  revenue: string;
  depreciationExpense: string;
  accumulatedDepreciation: string;
  fixedAssets: string;
  cash: string;
  /** Credited for goods received (purchases on credit), debited for goods returned to vendors. */
  payables: string;
  gainOnDisposal: string;
  lossOnDisposal: string;
  inventoryAdjustments: string;
  suppliesExpense: string;
}

export interface Settings {
  /** Month (1-12) in which the fiscal year ends; the year is named by the calendar year it ends in. */
  fiscalYearEndMonth: number;
  currencyDecimals: number;
  valuationMethod: ValuationMethod;
  /** Period of the periodic weighted average. */
  weightedPeriod: "month" | "year";
  allowNegativeStock: boolean;
  warrantyWarningDays: number;
  auditIntervalMonths: number;
  /** Per table: our column name -> the user's header text. */
  headerMap: Partial<Record<TableName, Record<string, string>>>;
  accounts: Accounts;
  /** Sheets the add-in wrote and may replace. */
  ownedSheets: string[];
}

export const DEFAULT_ACCOUNTS: Accounts = {
  inventory: "1400 Inventory",
  cogs: "5000 Cost of goods sold",
  revenue: "4000 Sales revenue",
  depreciationExpense: "6100 Depreciation expense",
  accumulatedDepreciation: "1590 Accumulated depreciation",
  fixedAssets: "1500 Fixed assets at cost",
  cash: "1000 Cash",
  payables: "2000 Accounts payable",
  gainOnDisposal: "4900 Gain on disposal of assets",
  lossOnDisposal: "6900 Loss on disposal of assets",
  inventoryAdjustments: "5100 Inventory adjustments",
  suppliesExpense: "6200 Materials consumed",
};

export function defaultSettings(): Settings {
  return {
    fiscalYearEndMonth: 12,
    currencyDecimals: 2,
    valuationMethod: "FIFO",
    weightedPeriod: "month",
    allowNegativeStock: false,
    warrantyWarningDays: 30,
    auditIntervalMonths: 12,
    headerMap: {},
    accounts: { ...DEFAULT_ACCOUNTS },
    ownedSheets: [],
  };
}

type Row = [string, string];

/** Settings as key/value text rows (what the `_Stockbook` sheet holds). */
export function settingsToRows(s: Settings): Row[] {
  return [
    ["fiscalYearEndMonth", String(s.fiscalYearEndMonth)],
    ["currencyDecimals", String(s.currencyDecimals)],
    ["valuationMethod", s.valuationMethod],
    ["weightedPeriod", s.weightedPeriod],
    ["allowNegativeStock", String(s.allowNegativeStock)],
    ["warrantyWarningDays", String(s.warrantyWarningDays)],
    ["auditIntervalMonths", String(s.auditIntervalMonths)],
    ["headerMap", JSON.stringify(s.headerMap)],
    ["accounts", JSON.stringify(s.accounts)],
    ["ownedSheets", JSON.stringify(s.ownedSheets)],
  ];
}

function intIn(text: string | undefined, lo: number, hi: number, dflt: number): number {
  const n = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isInteger(n) && n >= lo && n <= hi ? n : dflt;
}

function json<T>(text: string | undefined, ok: (v: unknown) => boolean, dflt: T): T {
  if (!text) return dflt;
  try {
    const v: unknown = JSON.parse(text);
    return ok(v) ? (v as T) : dflt;
  } catch {
    return dflt;
  }
}

const isRecord = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The Journal's accounts as stored: each a text, trimmed; an account stored blank or as anything but text (a hand
 * edit of the hidden sheet) takes its default, so no entry posts to an empty account. A whole number stands for
 * itself ("2000"). Accounts under names this version does not know are kept for the version that wrote them.
 */
function accountsFrom(text: string | undefined, dflt: Accounts): Accounts {
  const out: Record<string, string> = { ...dflt };
  for (const [key, v] of Object.entries(json<Record<string, unknown>>(text, isRecord, {}))) {
    const code = typeof v === "string" ? v.trim() : typeof v === "number" && Number.isInteger(v) ? String(v) : "";
    if (code !== "") out[key] = code;
  }
  return out as unknown as Accounts;
}

/** Reads settings from key/value rows; unknown keys are ignored and bad values take their default. */
export function settingsFromRows(rows: readonly (readonly unknown[])[]): Settings {
  const d = defaultSettings();
  const kv = new Map<string, string>();
  for (const r of rows)
    if (typeof r[0] === "string") kv.set(r[0], r[1] === null || r[1] === undefined ? "" : String(r[1]));
  const method = (kv.get("valuationMethod") ?? "").toUpperCase();
  return {
    fiscalYearEndMonth: intIn(kv.get("fiscalYearEndMonth"), 1, 12, d.fiscalYearEndMonth),
    currencyDecimals: intIn(kv.get("currencyDecimals"), 0, 6, d.currencyDecimals),
    valuationMethod: (VALUATION_METHODS as readonly string[]).includes(method)
      ? (method as ValuationMethod)
      : d.valuationMethod,
    weightedPeriod: kv.get("weightedPeriod") === "year" ? "year" : "month",
    allowNegativeStock: (kv.get("allowNegativeStock") ?? "").toLowerCase() === "true",
    warrantyWarningDays: intIn(kv.get("warrantyWarningDays"), 0, 3650, d.warrantyWarningDays),
    auditIntervalMonths: intIn(kv.get("auditIntervalMonths"), 1, 120, d.auditIntervalMonths),
    headerMap: json(kv.get("headerMap"), isRecord, d.headerMap),
    accounts: accountsFrom(kv.get("accounts"), d.accounts),
    ownedSheets: json(
      kv.get("ownedSheets"),
      (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
      d.ownedSheets
    ),
  };
}
