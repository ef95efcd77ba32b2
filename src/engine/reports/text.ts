/** How dates and times read in the report's header lines (cells themselves stay serials with a date format). */
import { fromSerial, MONTH_NAMES } from "../dates";

const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** "31 Dec 2025": unambiguous in every locale, unlike 12/31/2025. */
export function dateText(serial: number): string {
  const { year, month, day } = fromSerial(Math.floor(serial));
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "25 Nov 2026 18:40". */
export function dateTimeText(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${dateText(serial)} ${hh}:${mm}`;
}

export const monthName = (m: number): string => MONTH_NAMES[m - 1];
