/**
 * Office.js calls the shared Excel fake (test/fakes, not ours to edit) does not model yet, added here for the
 * adapter's clean-up tests: a sheet's `charts.items` (names) and `Chart.delete()` (ExcelApi 1.1), and
 * `table.rows.getItemAt(i).delete()` (TableRow.delete, ExcelApi 1.1), reading `range.formulas`. They follow the fake's rules: queued, run at
 * sync, an operation each. Installing patches the fake's classes for the test file that calls it.
 */
import { cellAddress, parseAddress } from "../../src/excel/a1";
import { ExcelFake, FakeChartProxy, FakeContext, FakeTableProxy } from "../fakes/excelFake";
import type { FakeSheet, FakeTable, FakeWorkbookState } from "../fakes/excelFakeState";

type Chart = FakeWorkbookState["charts"][number];
interface Internals<T> {
  ctx: FakeContext;
  bound(): T;
  set(bytes: number, apply: (t: T) => void): void;
  read<V>(prop: string): V;
}
const inner = <T>(x: unknown) => x as Internals<T>;

/** Deletes sheet row `row` across `cols` columns from `col`, moving the cells below up (Excel's shift up). */
function shiftUp(sheet: FakeSheet, row: number, col: number, cols: number): void {
  let last = row;
  for (const k of sheet.cells.keys()) last = Math.max(last, parseAddress(k).row);
  for (let r = row; r <= last; r++)
    for (let c = col; c < col + cols; c++) {
      const below = sheet.cells.get(cellAddress(r + 1, c));
      if (below) sheet.cells.set(cellAddress(r, c), below);
      else sheet.cells.delete(cellAddress(r, c));
    }
}

let installed = false;

export function installFakeExtras(): void {
  if (installed) return;
  installed = true;
  // Reach the unexported chart collection class through a throw-away context.
  const ctx = new FakeContext(new ExcelFake());
  const charts = ctx.workbook.worksheets.getItem("x").charts;
  const collection = Object.getPrototypeOf(charts) as Record<string, unknown>;
  Object.defineProperty(collection, "snapshot", {
    value(this: unknown) {
      const me = inner<FakeSheet>(this);
      return { items: me.ctx.state.charts.filter((c) => c.sheet === me.bound()) };
    },
  });
  Object.defineProperty(collection, "items", {
    get(this: unknown) {
      const me = inner<FakeSheet>(this);
      const list = me.read<Chart[]>("items");
      const make = FakeChartProxy as unknown as new (
        c: FakeContext,
        r: () => Chart,
        b: number,
        i: boolean
      ) => FakeChartProxy;
      return list.map((c) => {
        const p = new make(me.ctx, () => c, 0, true);
        Object.defineProperty(p, "name", { value: c.name });
        return p;
      });
    },
  });
  // Range.formulas is readable in Excel (the fake only loads it).
  const rangeProto = Object.getPrototypeOf(ctx.workbook.worksheets.getItem("x").getRange("A1")) as object;
  const formulas = Object.getOwnPropertyDescriptor(rangeProto, "formulas");
  Object.defineProperty(rangeProto, "formulas", {
    get(this: unknown) {
      return inner<unknown>(this).read("formulas");
    },
    set: formulas?.set,
  });
  Object.defineProperty(FakeChartProxy.prototype, "delete", {
    value(this: unknown) {
      const me = inner<Chart>(this);
      me.set(0, (c) => {
        const all = me.ctx.state.charts;
        const i = all.indexOf(c);
        if (i >= 0) all.splice(i, 1);
      });
    },
  });
  const rows = Object.getOwnPropertyDescriptor(FakeTableProxy.prototype, "rows");
  Object.defineProperty(FakeTableProxy.prototype, "rows", {
    get(this: unknown) {
      const me = inner<FakeTable>(this);
      const base = rows?.get?.call(this) as object;
      return {
        ...base,
        getItemAt: (i: number) => ({
          delete: () =>
            me.set(0, (t) => {
              if (i < 0 || i >= t.rect.rows - 1) throw new Error("Fake: no such table row");
              shiftUp(t.sheet, t.rect.row + 1 + i, t.rect.col, t.rect.cols);
              t.rect = { ...t.rect, rows: t.rect.rows - 1 };
            }),
        }),
      };
    },
  });
}
