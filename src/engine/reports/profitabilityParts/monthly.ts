/**
 * The monthly table under the Profitability chart: per calendar month of the period, revenue, COGS, gross margin
 * and margin % (the chart's series are the first three), with sales and returns apart, units, lines, items and
 * customers.
 *
 * Why so many columns: the sheet layout (src/port/layout.ts) pads every row to the sheet's widest row in place,
 * header rows included, so a table narrower than the widest row gets unnamed columns (ExcelJS refuses the file;
 * Excel would add "Column5"…). Until the layout copies rows before padding, this table is exactly as wide as the
 * fact table (MONTHLY_HEADERS.length === PROFIT_HEADERS.length, tested).
 */
import { addMonths, fromSerial, toSerial } from "../../dates";
import { round } from "../../money";
import type { ReportCell } from "../model";
import type { DayInfo } from "./days";
import type { ProfitLine } from "./lines";
import type { ShownFigures } from "./shown";
import { marginPct } from "./tally";

export const MONTHLY_HEADERS = [
  "Month",
  "Revenue",
  "COGS",
  "Gross margin",
  "Margin %",
  "Quantity",
  "Sales revenue",
  "Returns revenue",
  "Sales COGS",
  "Returns COGS",
  "Units sold",
  "Units returned",
  "Lines",
  "Items",
  "Customers",
];

/** "2025-03": sorts as text, reads in every locale. */
export function monthKey(serial: number): string {
  const { year, month } = fromSerial(Math.floor(serial));
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Every calendar month the period touches, so months without sales show as 0. */
export function periodMonths(from: number, to: number): string[] {
  const out: string[] = [];
  const { year, month } = fromSerial(from);
  for (let m = toSerial(year, month, 1); m <= to; m = addMonths(m, 1)) out.push(monthKey(m));
  return out;
}

interface Month {
  rev: [number, number];
  cogs: [number, number];
  units: [number, number];
  lines: number;
  items: Set<string>;
  customers: Set<string>;
}

/** Money from the printed fact rows (`shown`), so each month reads as on "By month" and its PivotTable. */
export function monthlyRows(
  lines: readonly ProfitLine[],
  shown: ShownFigures,
  from: number,
  to: number,
  dec: number,
  info: (serial: number) => DayInfo
): ReportCell[][] {
  const months = new Map<string, Month>();
  for (const m of periodMonths(from, to))
    months.set(m, { rev: [0, 0], cogs: [0, 0], units: [0, 0], lines: 0, items: new Set(), customers: new Set() });
  const raw = new Map<Month, [number, number]>();
  lines.forEach((l, i) => {
    const m = months.get(info(l.row.Date).month);
    if (!m) return;
    const k = l.row.Type === "Sale" ? 0 : 1;
    m.rev[k] += shown.revenue[i];
    m.cogs[k] += shown.cogs[i];
    const x = raw.get(m) ?? [0, 0];
    x[0] += l.revenue;
    x[1] += l.cogs;
    raw.set(m, x);
    m.units[k] += l.quantity;
    m.lines++;
    m.items.add(l.result.sku.toLowerCase());
    if (l.row.Party) m.customers.add(l.row.Party.toLowerCase());
  });
  // Sums of cents: rounding only drops float dust. Margin % from the full-precision figures (BOOK.MARGINPCT).
  const r = (x: number) => round(x, dec);
  return [...months].map(([key, m]) => {
    const rev = r(m.rev[0]) + r(m.rev[1]);
    const cogs = r(m.cogs[0]) + r(m.cogs[1]);
    const [rawRev, rawCogs] = raw.get(m) ?? [0, 0];
    return [
      key,
      r(rev),
      r(cogs),
      r(rev - cogs),
      marginPct(rawRev, rawCogs),
      round(m.units[0] + m.units[1], 6),
      r(m.rev[0]),
      r(m.rev[1]),
      r(m.cogs[0]),
      r(m.cogs[1]),
      round(m.units[0], 6),
      round(m.units[1], 6),
      m.lines,
      m.items.size,
      m.customers.size,
    ];
  });
}
