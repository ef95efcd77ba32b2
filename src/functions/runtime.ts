/**
 * Outside Excel (the task pane opened in a plain browser, jest, the command line) the `CustomFunctions` global
 * does not exist, yet the generated functions bundle calls `CustomFunctions.associate` when it loads. This module
 * installs a minimal stand-in only when the real one is absent, so the same bundle runs everywhere.
 */
type ErrorCodeName =
  | "invalidValue"
  | "notAvailable"
  | "divisionByZero"
  | "invalidNumber"
  | "nullReference"
  | "invalidName"
  | "invalidReference";

class StandInError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

const STAND_IN_CODES: Record<ErrorCodeName, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export const standInAssociations = new Map<string, unknown>();

const g = globalThis as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = {
    Error: StandInError,
    ErrorCode: STAND_IN_CODES,
    associate(id: string | Record<string, unknown>, fn?: unknown) {
      if (typeof id === "string") standInAssociations.set(id.toUpperCase(), fn);
      else for (const [k, v] of Object.entries(id)) standInAssociations.set(k.toUpperCase(), v);
    },
  };
}
