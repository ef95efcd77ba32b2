import type { EngineError } from "../../errors";
import { buildPlan } from "./plan";
import { monthRows, valuesAt, yearRows } from "./rows";
import type { AsOfValues, MonthRow, ScheduleRow, ScheduleSpec } from "./types";

/** Year-by-year schedule of a spec. */
export function scheduleYears(spec: ScheduleSpec): ScheduleRow[] | EngineError {
  const plan = buildPlan(spec);
  return "code" in plan ? plan : yearRows(plan);
}

/** Month-by-month schedule of a spec. */
export function scheduleMonths(spec: ScheduleSpec): MonthRow[] | EngineError {
  const plan = buildPlan(spec);
  return "code" in plan ? plan : monthRows(plan);
}

/** Accumulated depreciation and book value at the end of day `asOf`. */
export function valuesAsOf(spec: ScheduleSpec, asOf: number): AsOfValues | EngineError {
  const plan = buildPlan(spec);
  return "code" in plan ? plan : valuesAt(plan, asOf);
}
