/** How dates and times read in the report's header lines (cells themselves stay serials with a date format). */
import { fromSerial, MONTH_NAMES } from "../dates";

const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** "31 Dec 2025": unambiguous in every locale, unlike 12/31/2025. */
export function dateText(serial: number): string {
  const { year, month, day } = fromSerial(Math.floor(serial));
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "UTC+01:00", "UTC-05:30", "UTC+00:00" (ISO 8601's offset, so the reader knows which clock the time is on). */
export function utcOffsetText(offsetMinutes: number): string {
  const m = Math.abs(Math.round(offsetMinutes));
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return `UTC${offsetMinutes < 0 ? "-" : "+"}${hh}:${mm}`;
}

/** "25 Nov 2026 18:40", with " (UTC+01:00)" when the clock's offset is given. */
export function dateTimeText(serial: number, offsetMinutes?: number): string {
  // Whole minutes, truncated: 23:59:40 is 23:59 of that day, never a rounded-up "00:00" of the day before's date.
  const minutes = Math.floor((serial - Math.floor(serial)) * 1440 + 1e-6);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  const zone = offsetMinutes === undefined ? "" : ` (${utcOffsetText(offsetMinutes)})`;
  return `${dateText(serial)} ${hh}:${mm}${zone}`;
}

export const monthName = (m: number): string => MONTH_NAMES[m - 1];
