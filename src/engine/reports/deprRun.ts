/**
 * The depreciation figures of one report run, per asset, computed once and shared by the Depreciation sheet,
 * the Journal and (for cost-center profit) Profitability. Each asset's schedule is planned once by the
 * depreciation engine; every figure is the engine's accumulated depreciation at the end of a day, so opening +
 * depreciation = closing holds to the cent and a disposal's figures are the engine's own.
 */
import { fiscalYearBounds } from "../dates";
import { accumulatedAt, assetSchedule, assetSpec, buildPlan, type Disposal, type Plan } from "../depreciation";
import { isEngineError, type EngineError } from "../errors";
import type { AssetRow } from "../schema/rows";
import { reportMessages as M } from "./messages";
import type { ReportContext } from "./model";
import { reportYears } from "./options";

export interface YearFigures {
  fiscalYear: number;
  /** First and last day of the fiscal year inside the report period. */
  from: number;
  to: number;
  opening: number;
  depreciation: number;
  /**
   * Accumulated depreciation and net book value at the year's end as the balance sheet carries them: 0 once the
   * asset is disposed of on or before that day (the disposal took both off the books; the Disposals summary shows
   * the figures at disposal). So the by-category NBV equals closing cost − closing accumulated depreciation.
   */
  accumulated: number;
  bookValue: number;
  /** Disposed of on or before the year's end (within this year of the report). */
  disposed: boolean;
  /** Tax side, when the asset has a TaxMethod. */
  tax: { opening: number; depreciation: number; accumulated: number; bookValue: number } | null;
}

export interface AssetDepreciation {
  asset: AssetRow;
  method: string;
  taxMethod: string | null;
  /** False when the schedule could not be computed (listed on the Issues sheet); figures are then 0. */
  ok: boolean;
  /** On the books at the start of the period (acquired before it, not disposed before it). */
  inOpening: boolean;
  /** Acquired within the period. */
  addition: boolean;
  /** Disposed of within the period: the engine's figures at disposal. */
  disposal: (Disposal & { accumulated: number }) | null;
  /** Still on the books at the end of the period. */
  inClosing: boolean;
  /** Book figures over the whole period. */
  opening: number;
  depreciation: number;
  closing: number;
  taxDepreciation: number;
  years: YearFigures[];
}

export interface DepreciationRun {
  assets: AssetDepreciation[];
  years: number[];
}

function planOf(a: AssetRow, side: "book" | "tax", fyEnd: number): Plan | EngineError {
  const spec = assetSpec(a, side, fyEnd);
  if (isEngineError(spec)) return spec;
  const plan = buildPlan(spec);
  return isEngineError(plan) ? { ...plan, table: "Assets", row: a.row } : plan;
}

/** Accumulated depreciation at the end of `day`, never past the disposal date. */
const accAt = (plan: Plan | null, a: AssetRow, day: number): number =>
  plan === null ? 0 : accumulatedAt(plan, a.DisposedOn !== null ? Math.min(day, a.DisposedOn) : day);

/**
 * Accumulated depreciation brought forward into a span starting on `start`: none for an asset acquired within the
 * span (a convention may start depreciating before the acquisition day, e.g. full month; that belongs to the
 * span in which the asset arrives, not to an opening balance of an asset that was not yet on the books).
 */
const broughtForward = (plan: Plan | null, a: AssetRow, start: number): number =>
  a.AcquiredOn < start ? accAt(plan, a, start - 1) : 0;

export function depreciationRun(ctx: ReportContext): DepreciationRun {
  return ctx.memo("depreciation:run", () => {
    const { from, to, fiscalYearEndMonth: fyEnd } = ctx.options;
    const years = reportYears(ctx.options);
    const out: AssetDepreciation[] = [];
    for (const a of ctx.tables.Assets.rows) {
      if (a.AcquiredOn > to) continue;
      if (a.DisposedOn !== null && a.DisposedOn < from) continue;
      // Disposed before acquired: the register checks list it; no roll-forward can hold it.
      if (a.DisposedOn !== null && a.DisposedOn < a.AcquiredOn) continue;
      const book = planOf(a, "book", fyEnd);
      const hasTax = a.TaxMethod !== null;
      const tax = hasTax ? planOf(a, "tax", fyEnd) : null;
      const err = isEngineError(book) ? book : tax !== null && isEngineError(tax) ? tax : null;
      if (err) {
        ctx.findings.push({
          table: "Assets",
          row: a.row,
          column: err.column ?? null,
          value: a.AssetID,
          message: M.noSchedule(a.AssetID, err.message),
          severity: "warning",
          effect: "Asset not depreciated",
        });
      }
      const bp = err ? null : (book as Plan);
      const tp = err || tax === null ? null : (tax as Plan);
      const disposedIn = a.DisposedOn !== null && a.DisposedOn <= to;
      let disposal: AssetDepreciation["disposal"] = null;
      if (disposedIn) {
        const s = bp ? assetSchedule(a, { fyEndMonth: fyEnd, side: "book" }) : null;
        const d: Disposal =
          s && !isEngineError(s) && s.disposal
            ? s.disposal
            : {
                disposedOn: a.DisposedOn as number,
                proceeds: a.DisposalProceeds ?? 0,
                netBookValue: a.Cost,
                gainLoss: (a.DisposalProceeds ?? 0) - a.Cost,
              };
        disposal = { ...d, accumulated: a.Cost - d.netBookValue };
      }
      const opening = broughtForward(bp, a, from);
      const closing = accAt(bp, a, to);
      const yearFigures: YearFigures[] = [];
      for (const fy of years) {
        const b = fiscalYearBounds(fy, fyEnd);
        const s = Math.max(from, b.start);
        const e = Math.min(to, b.end);
        if (a.AcquiredOn > e || (a.DisposedOn !== null && a.DisposedOn < s)) continue;
        const o = broughtForward(bp, a, s);
        const c = accAt(bp, a, e);
        const to_ = tp ? { o: broughtForward(tp, a, s), c: accAt(tp, a, e) } : null;
        const gone = a.DisposedOn !== null && a.DisposedOn <= e;
        const held = (x: number) => (gone ? 0 : x);
        yearFigures.push({
          fiscalYear: fy,
          from: s,
          to: e,
          opening: o,
          depreciation: c - o,
          accumulated: held(c),
          bookValue: held(a.Cost - c),
          disposed: gone,
          tax: to_ && {
            opening: to_.o,
            depreciation: to_.c - to_.o,
            accumulated: held(to_.c),
            bookValue: held(a.Cost - to_.c),
          },
        });
      }
      out.push({
        asset: a,
        method: (a.Method ?? "SL").toUpperCase(),
        taxMethod: hasTax ? (a.TaxMethod as string).toUpperCase() : null,
        ok: err === null,
        inOpening: a.AcquiredOn < from,
        addition: a.AcquiredOn >= from,
        disposal,
        inClosing: !disposedIn,
        opening,
        depreciation: closing - opening,
        closing,
        taxDepreciation: tp ? accAt(tp, a, to) - broughtForward(tp, a, from) : 0,
        years: yearFigures,
      });
    }
    return { assets: out, years };
  });
}
