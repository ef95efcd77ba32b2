/**
 * Writing several owned sheets in one Excel.run (WorkbookPort.writeSheets): the host state once, every sheet added
 * (or put in place of its owned namesake) and the owned list updated in the first request, the cells of all sheets
 * as one stream of chunks under the payload budget (each sheet dressed for print with the chunks that write its
 * rows, dress.ts), and the tables, bold rows, frozen rows and tabs of every sheet with the last chunk. Checks every spec before changing anything; on a failure the named sheets are
 * removed again and the owned list stays truthful (dropPartial).
 */
import { leftovers } from "../port/batch";
import { layoutSheet } from "../port/layout";
import { PortError, type SheetSpec, type WriteSheetsOptions, sameName } from "../port/types";
import { dressSupport, planDress } from "./dress";
import { isOwned, ownedExisting, sheetNamed, tableNamed, type HostState } from "./hostState";
import { numberFormatCode } from "./numberFormats";
import { queueSettings } from "./settingsIo";
import { dropPartial, queueSheetFinish, replaceSheet, scratchName, sheetFinishBytes } from "./sheetOps";
import { WriteSession, type Supports } from "./writeSession";

export interface BatchEnv {
  ctx: Excel.RequestContext;
  supports: Supports;
  budget: number;
  /** Told just before a sync that carries a chunk of cells. */
  chunkSync: () => void;
  onChunk: (sheet: string, done: number, total: number) => void;
}

/** Refuses (PortError) what writeSheet would refuse, for every spec, before anything changes. */
function check(st: HostState, specs: SheetSpec[], tables: string[][], stale: string[]): (string | undefined)[] {
  const existing = specs.map((s) => sheetNamed(st, s.name));
  specs.forEach((s, i) => {
    const e = existing[i];
    if (e && !isOwned(st, e))
      throw new PortError(`A sheet named ${s.name} exists and is not one Stockbook made; rename it and try again.`);
  });
  // Sheets this request deletes before it adds the tables: their tables' names are free again.
  const going = [...existing.filter((e): e is string => e !== undefined), ...stale];
  const seen = new Set<string>();
  for (const t of tables.flat()) {
    const other = tableNamed(st, t);
    if ((other && !going.some((g) => sameName(g, other.sheet))) || seen.has(t.toLowerCase()))
      throw new PortError(`A table named ${t} already exists elsewhere in the workbook.`);
    seen.add(t.toLowerCase());
  }
  return existing;
}

export async function writeSheetsBatch(
  env: BatchEnv,
  st: HostState,
  specs: SheetSpec[],
  opts: WriteSheetsOptions
): Promise<void> {
  const { ctx } = env;
  const layouts = specs.map(layoutSheet);
  const stale = opts.dropLeftovers
    ? leftovers(
        ownedExisting(st),
        specs.map((s) => s.name)
      )
    : [];
  const existing = check(
    st,
    specs,
    layouts.map((l) => l.tables.map((t) => t.name)),
    stale
  );
  const taken = new Set<string>();
  const scratches = existing.map((e) => (e ? scratchName(st, taken) : undefined));
  const session = new WriteSession(ctx, env.supports, st.calculationMode, env.budget);
  session.onChunkSync = env.chunkSync;
  session.begin();
  try {
    const added = specs.filter((_, i) => !existing[i]).map((s) => s.name);
    const listing = () => {
      const owned = st.settings.ownedSheets.filter((o) => !stale.some((n) => sameName(n, o)));
      queueSettings(ctx, st, { ...st.settings, ownedSheets: [...owned, ...added] });
    };
    // The owned list is written right after the first sheet is added (where writeSheet puts a new `_Stockbook`).
    const sheets = specs.map((s, i) => {
      const sheet = replaceSheet(ctx, existing[i], scratches[i], s.name);
      if (i === 0 && (added.length || stale.length)) listing();
      return sheet;
    });
    if (specs.length === 0 && stale.length) listing();
    for (const n of stale) ctx.workbook.worksheets.getItem(n).delete();
    const decimals = st.settings.currencyDecimals;
    const reserve = specs.reduce((n, s, i) => n + sheetFinishBytes(s, layouts[i]), 0);
    const queued = await session.writeGrids(
      layouts.map((l, i) => ({
        sheet: sheets[i],
        row: 0,
        col: 0,
        values: l.values,
        formats: l.formats.map((r) => r.map((k) => numberFormatCode(k, decimals))),
        onChunk: (done: number, total: number) => env.onChunk(specs[i].name, done, total),
        dress: planDress(l, dressSupport(env.supports)),
      })),
      reserve,
      opts.onSheet
    );
    specs.forEach((s, i) => queueSheetFinish(sheets[i], s, layouts[i]));
    session.end();
    if (queued) env.chunkSync();
    await ctx.sync();
  } catch (e) {
    await session.abort().catch(() => undefined);
    const names = specs.map((s) => s.name);
    await dropPartial(ctx, [...scratches.filter((n): n is string => n !== undefined), ...names], [...names, ...stale]);
    throw e;
  }
}
