/**
 * Invariants that must hold for any register and any period (ACCOUNTING.md): the fixed-asset roll-forwards close
 * (opening + additions − disposals = closing, for cost and for accumulated depreciation) and the journal balances.
 */
import fc from "fast-check";
import { buildDepreciation } from "../../../src/engine/reports/depreciation";
import { buildJournal } from "../../../src/engine/reports/journal";
import { JOURNAL_SOURCES } from "../../../src/engine/reports/registry";
import { createContext } from "../../../src/engine/reports/context";
import { d, makeInput, summaryRows } from "./fixture";

const START = d(2020, 1, 1);
const asset = fc.record({
  acquired: fc.integer({ min: 0, max: 6 * 365 }),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  salvagePct: fc.integer({ min: 0, max: 50 }),
  life: fc.integer({ min: 1, max: 10 }),
  method: fc.constantFrom("SL", "SYD", "DDB", "150DB", "DB", "VDB", "MACRS"),
  convention: fc.constantFrom("FM", "MM", "HY", "MQ", "DAYS"),
  disposedAfter: fc.option(fc.integer({ min: 1, max: 8 * 365 }), { nil: null }),
  proceedsCents: fc.integer({ min: 0, max: 5_000_000 }),
  tax: fc.boolean(),
});

describe("report invariants", () => {
  it("roll-forward checks are zero and debits equal credits for any register and period", () => {
    fc.assert(
      fc.property(
        fc.array(asset, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 6 * 365 }),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 1, max: 12 }),
        (list, fromOff, len, fyEnd) => {
          const recs = list.map((a, i) => {
            const cost = a.cents / 100;
            const disposed = a.disposedAfter === null ? null : START + a.acquired + a.disposedAfter;
            return {
              AssetID: `A-${i}`,
              Category: ["IT", "Vehicles", "Plant"][i % 3],
              AcquiredOn: START + a.acquired,
              Cost: cost,
              Salvage: Math.round(a.cents * a.salvagePct) / 10000,
              LifeYears: a.method === "MACRS" ? [3, 5, 7][a.life % 3] : a.life,
              Method: a.method,
              Convention: a.method === "MACRS" ? "HY" : a.convention,
              TaxMethod: a.tax ? "MACRS" : null,
              TaxLifeYears: a.tax ? 7 : null,
              DisposedOn: disposed,
              DisposalProceeds: disposed === null ? null : a.proceedsCents / 100,
              Status: disposed === null ? "In service" : "Disposed",
            };
          });
          const from = START + fromOff;
          const input = makeInput({ Assets: recs }, { from, to: from + len, fiscalYearEndMonth: fyEnd });
          const ctx = createContext(input);
          const sheet = buildDepreciation(ctx)!;
          for (const title of ["Fixed assets at cost", "Accumulated depreciation"]) {
            for (const r of summaryRows(sheet, title)) expect(r["Check (must be 0)"]).toBe(0);
          }
          // NBV by category at the period end (disposals excluded) = closing cost − closing accumulated.
          const nbv = summaryRows(sheet, "Net book value check");
          expect(nbv[nbv.length - 1].Amount).toBe(0);
          const journal = buildJournal(ctx, JOURNAL_SOURCES)!;
          const bal = summaryRows(journal, "Debits = credits");
          expect(bal[bal.length - 1]["Check (must be 0)"]).toBe(0);
        }
      ),
      { numRuns: 150 }
    );
  });
});
