/**
 * The block at the top of every report sheet: title, period, method (with the IFRS note where LIFO is used) and
 * the time it was generated, so a printed page stands on its own.
 */
import { fiscalYear } from "../dates";
import type { ValuationMethod } from "../settings";
import type { HeaderBlock, ReportContext } from "./model";
import { monthName, dateText, dateTimeText } from "./text";
import { reportMessages as M } from "./messages";

export function periodLine(ctx: ReportContext): string {
  const o = ctx.options;
  const fyFrom = fiscalYear(o.from, o.fiscalYearEndMonth);
  const fyTo = fiscalYear(o.to, o.fiscalYearEndMonth);
  const years = fyFrom === fyTo ? `FY${fyTo}` : `FY${fyFrom}–FY${fyTo}`;
  return `Period: ${dateText(o.from)} to ${dateText(o.to)} (${years}; fiscal year ends in ${monthName(o.fiscalYearEndMonth)})`;
}

/** The valuation methods the stock items use in this run: the override, else each item's, else the settings'. */
export function inventoryMethods(ctx: ReportContext): ValuationMethod[] {
  if (ctx.options.valuationMethod) return [ctx.options.valuationMethod];
  const used = new Set<ValuationMethod>();
  let defaulted = ctx.tables.Items.rows.length === 0;
  for (const it of ctx.tables.Items.rows) {
    if (it.Kind === "Service") continue;
    if (it.Method) used.add(it.Method);
    else defaulted = true;
  }
  if (defaulted) used.add(ctx.settings.valuationMethod);
  return [...used].sort();
}

export function inventoryMethodLine(ctx: ReportContext): string {
  const methods = inventoryMethods(ctx);
  const how = ctx.options.valuationMethod ? " (chosen for this report)" : methods.length > 1 ? " (per item)" : "";
  return `Inventory valuation: ${methods.join(", ")}${how}`;
}

/** The IFRS remark, when any item is valued by LIFO. */
export function lifoNotes(ctx: ReportContext): string[] {
  return inventoryMethods(ctx).includes("LIFO") ? [M.lifoNote()] : [];
}

export function headerBlock(ctx: ReportContext, title: string, methodLine: string): HeaderBlock {
  return {
    title,
    lines: [
      periodLine(ctx),
      methodLine,
      `Generated: ${dateTimeText(ctx.options.generatedAt, ctx.options.utcOffsetMinutes)}`,
    ],
  };
}
