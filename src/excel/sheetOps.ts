/**
 * Sheet-level steps shared by the single and the batch writes of owned sheets: a new sheet in place of an owned one
 * (through a scratch name), the blocks' tables, bold rows, freeze panes and tab colour, and the clean-up of
 * half-written sheets after a failure. Widths, alignment and the page go with the cells (dress.ts).
 */
import type { SheetLayout } from "../port/layout";
import { sameName, type SheetSpec } from "../port/types";
import { rectAddress } from "./a1";
import { isOwned, loadHostState, sheetNamed, type HostState } from "./hostState";
import { queueSettings } from "./settingsIo";

/** A free scratch sheet name (`~stockbookN`), not in `taken` (lower-case names already used). */
export function scratchName(st: HostState, taken: Set<string> = new Set()): string {
  let n = 1;
  while (sheetNamed(st, `~stockbook${n}`) || taken.has(`~stockbook${n}`)) n++;
  taken.add(`~stockbook${n}`);
  return `~stockbook${n}`;
}

/** A new sheet named `name`; an owned sheet of that name is deleted in the same request. */
export function replaceSheet(
  ctx: Excel.RequestContext,
  existing: string | undefined,
  scratch: string | undefined,
  name: string
): Excel.Worksheet {
  if (!existing || !scratch) return ctx.workbook.worksheets.add(name);
  // Add first under a scratch name: Excel refuses to delete a workbook's last visible sheet.
  const sheet = ctx.workbook.worksheets.add(scratch);
  ctx.workbook.worksheets.getItem(existing).delete();
  sheet.name = name;
  return sheet;
}

/** Queues what follows the cells of a laid-out sheet: its tables, bold rows, frozen rows, tab. */
export function queueSheetFinish(sheet: Excel.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  for (const t of layout.tables) {
    const block = spec.blocks.find((b) => b.kind === "table" && b.name === t.name);
    const table = sheet.tables.add(
      rectAddress({ row: t.top, col: 0, rows: t.rowCount + 1, cols: t.headers.length }),
      true
    );
    table.name = t.name;
    table.style = (block?.kind === "table" && block.style) || "TableStyleMedium2";
  }
  for (const r of layout.boldRows)
    sheet.getRange(rectAddress({ row: r, col: 0, rows: 1, cols: layout.width })).format.font.bold = true;
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
  if (spec.tabColor) sheet.tabColor = spec.tabColor;
}

/** Request bytes queueSheetFinish adds (generous: operation framing, addresses, names). */
export function sheetFinishBytes(spec: SheetSpec, layout: SheetLayout): number {
  return 512 + layout.tables.length * 512 + layout.boldRows.length * 192 + spec.name.length;
}

/**
 * Best effort after a failed write: removes half-written sheets (`drop`), in fresh requests, and takes off the
 * owned list every name of `drop` and `forget` that no longer names a sheet (BUG-H5: a listed name with no sheet
 * would make a user's later sheet of that name look like Stockbook's).
 */
export async function dropPartial(ctx: Excel.RequestContext, drop: string[], forget: string[] = []): Promise<void> {
  try {
    const st = await loadHostState(ctx);
    const there = drop.map((n) => sheetNamed(st, n)).filter((n): n is string => n !== undefined);
    for (const n of new Set(there)) ctx.workbook.worksheets.getItem(n).delete();
    const gone = (n: string) => drop.some((d) => sameName(d, n)) || !sheetNamed(st, n);
    const stale = [...drop, ...forget].filter((n) => isOwned(st, n) && gone(n));
    if (stale.length > 0) {
      const owned = st.settings.ownedSheets.filter((o) => !stale.some((n) => sameName(n, o)));
      queueSettings(ctx, st, { ...st.settings, ownedSheets: owned });
    }
    if (there.length > 0 || stale.length > 0) await ctx.sync();
  } catch {
    // The original failure is what the user needs to see; a leftover owned sheet is replaced on the next run.
  }
}
