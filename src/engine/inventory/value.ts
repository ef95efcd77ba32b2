/**
 * valueLedger: the one pass over the ledger. Each item's rows are read contiguously in date order (see
 * compile.ts) by the kernel of its method; items never affect each other, so an error stops only its item.
 */
import { addMonths } from "../dates";
import { inventoryMessages as M } from "../messages/inventory";
import type { ItemRow, LedgerRow } from "../schema/rows";
import { compileLedger, methodOf, type CompiledLedger } from "./compile";
import { valueLots } from "./lots";
import { valueMoving } from "./moving";
import { Acc, Run } from "./run";
import { valueService } from "./service";
import { methodCode, W_LIFO, W_NOT_IN_ITEMS } from "./results";
import type { InventoryIssue, SkuResult, ValuationResult, ValueOptions } from "./types";
import { periodTable, valueWeighted } from "./weighted";

/**
 * Values every item of the ledger: on hand, value, flows of the span [from, to], per-location quantities and,
 * on request, remaining lots and the cost of each row. `ledger` is typed rows (compiled on the way) or a
 * CompiledLedger (compile once with compileLedger, then value under several methods or dates). `items` is used
 * only with typed rows (a CompiledLedger already holds its Items rows).
 */
export function valueLedger(
  ledger: readonly LedgerRow[] | CompiledLedger,
  options: ValueOptions = {},
  items: readonly ItemRow[] = []
): ValuationResult {
  const L = isCompiled(ledger) ? ledger : compileLedger(ledger, items);
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  // Reorder and ABC windows end at `to`, or at the ledger's last day when every row counts.
  const windowEnd = Number.isFinite(to) ? to : L.maxDate;
  const w90 = windowEnd - 89;
  const w12 = addMonths(Math.max(windowEnd, 1), -12) + 1;
  const run = new Run(
    L,
    to,
    options.allowNegativeStock === true,
    options.lineCosts ? new Float64Array(L.n).fill(NaN) : null
  );
  // A plain valuation leaves out the reorder/ABC windows and the per-location quantities (see ValueOptions.needs).
  const full = options.needs !== "value";
  // One accumulator for the run, emptied per item (an object per item was 10,000 allocations a run).
  valueItems(L, run, new Acc(from, w90, w12), options, to, full);
  // Result objects and messages are built when first read (see results.ts); the figures are all computed.
  const { store, log } = run;
  let built: SkuResult[] | null = null;
  let issues: InventoryIssue[] | null = null;
  return {
    get items() {
      return (built ??= store.all());
    },
    get: (sku: string) => {
      const s = L.skuIndex.get(sku.trim().toLowerCase());
      return s === undefined ? undefined : store.item(s);
    },
    get issues() {
      return (issues ??= log.build());
    },
    lineCost: run.lineCost,
    from,
    to,
  };
}

function isCompiled(x: readonly LedgerRow[] | CompiledLedger): x is CompiledLedger {
  return !Array.isArray(x);
}

/**
 * Every item of the ledger by its method. A function of its own: the engine optimises this loop while it runs
 * (10,000 items), and code after a loop that has not run yet would send the whole function back to the
 * interpreter on every call, the next call then starting the loop there again.
 */
function valueItems(L: CompiledLedger, run: Run, acc: Acc, options: ValueOptions, to: number, full: boolean): void {
  const byYear = options.weightedPeriod === "year";
  const fyEnd = options.fiscalYearEndMonth ?? 12;
  const dflt = options.defaultMethod ?? "FIFO";
  let periods: Int32Array | null = null;
  for (let s = 0; s < L.skus.length; s++) {
    run.begin(s);
    acc.reset();
    if (L.itemRows[s]?.Kind === "Service") {
      valueService(run, s, acc);
      continue;
    }
    const method = methodOf(L, s, options.method, dflt);
    if (L.itemsGiven && L.itemRows[s] === null) {
      // Every used row of an item the Items table does not list: the row is valued, but probably a typo.
      const code = methodCode(method);
      for (let i = L.skuStart[s]; i < L.skuStart[s + 1] && L.date[i] <= to; i++) {
        if (code > 0) run.log.add(W_NOT_IN_ITEMS, s, i, 0, code);
        else run.warn(i, M.skuNotInItems(L.skus[s], L.sheetRow[i], method));
      }
    }
    switch (method) {
      case "FIFO":
        valueLots(run, s, acc, false, options.lots === true, full);
        break;
      case "LIFO":
        valueLots(run, s, acc, true, options.lots === true, full);
        if (L.skuStart[s + 1] > L.skuStart[s]) run.log.add(W_LIFO, s, -1, 0, 0);
        break;
      case "MOVING":
        valueMoving(run, s, acc, full);
        break;
      default:
        periods ??= periodTable(L.minDate, L.maxDate, byYear, fyEnd);
        valueWeighted(run, s, acc, periods);
    }
  }
}
