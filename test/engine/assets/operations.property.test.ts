/**
 * Property: whatever sequence of operations is attempted (valid or not, any order, dates going back and forth),
 * applying the edits of those that succeed keeps the register consistent: never two open loans for one asset,
 * Assets' Status and Custodian agree with the open loans, the logs only grow, and a filled cell of Checkouts or
 * AssetLog never changes. Edits are applied to the raw cells and the tables re-read through the parser each step.
 */
import fc from "fast-check";
import { checkIn } from "../../../src/engine/assets/checkin";
import { checkOut } from "../../../src/engine/assets/checkout";
import { registerChecks } from "../../../src/engine/assets/checks";
import { dispose } from "../../../src/engine/assets/dispose";
import type { OperationResult } from "../../../src/engine/assets/guards";
import { markAudited } from "../../../src/engine/assets/mark-audited";
import { move } from "../../../src/engine/assets/move";
import type { AssetRegister } from "../../../src/engine/assets/register";
import { isEngineError, type EngineError } from "../../../src/engine/errors";
import type { Cell } from "../../../src/engine/schema";
import { Book, D, asset } from "./fixture";

const IDS = ["A-1", "A-2", "A-3", "a-1", "ZZ"]; // a-1 is A-1 typed in lower case; ZZ is not in the register
const PEOPLE = ["Ann", "Bob", "Cy"];
const PLACES = ["HQ", "Site B", "Depot"];

const id = fc.constantFrom(...IDS);
const person = fc.constantFrom(...PEOPLE);
const place = fc.option(fc.constantFrom(...PLACES), { nil: null });

// Weighted so loans get returned and assets are not all disposed of or lost early in a run.
const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("out" as const),
      id,
      to: person,
      due: fc.option(fc.integer({ min: -3, max: 30 }), { nil: null }),
      place,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("in" as const), id, place: fc.option(place, { nil: undefined }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      id,
      location: fc.option(place, { nil: undefined }),
      custodian: fc.option(fc.option(person, { nil: null }), { nil: undefined }),
      status: fc.option(fc.constantFrom("In service" as const, "In repair" as const, "Lost" as const), {
        nil: undefined,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("audit" as const), id, by: person, place }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("dispose" as const), id, proceeds: fc.integer({ min: 0, max: 2000 }) }),
  }
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const step = fc.record({ op, days: fc.integer({ min: -5, max: 15 }) });

function run(reg: AssetRegister, o: Op, date: number): OperationResult | EngineError {
  switch (o.kind) {
    case "out":
      return checkOut(reg, o.id, o.to, date, o.due === null ? null : date + o.due, o.place, null, "Max");
    case "in":
      return checkIn(reg, o.id, date, "ok", { location: o.place });
    case "move":
      return move(reg, o.id, date, { location: o.location, custodian: o.custodian, status: o.status });
    case "audit":
      return markAudited(reg, o.id, date, o.by, o.place);
    case "dispose":
      return dispose(reg, o.id, date, o.proceeds, () => 100);
  }
}

const snapshot = (rows: Cell[][]) => rows.map((r) => [...r]);

function assertConsistent(book: Book): void {
  const reg = book.register();
  const open = new Map<string, number>();
  for (const l of reg.checkouts) {
    if (l.ReturnedOn === null) open.set(l.AssetID.toLowerCase(), (open.get(l.AssetID.toLowerCase()) ?? 0) + 1);
    if (l.ReturnedOn !== null) expect(l.ReturnedOn).toBeGreaterThanOrEqual(l.CheckedOutOn);
  }
  for (const n of open.values()) expect(n).toBe(1);
  for (const a of reg.assets) {
    const loan = reg.checkouts.find(
      (l) => l.ReturnedOn === null && l.AssetID.toLowerCase() === a.AssetID.toLowerCase()
    );
    expect(a.Status === "Checked out").toBe(loan !== undefined);
    if (loan) expect(a.Custodian).toBe(loan.CheckedOutTo);
    if (a.Status === "Disposed") expect(loan).toBeUndefined();
  }
  // Nothing an auditor would flag either.
  expect(registerChecks(reg.assets, reg.checkouts)).toEqual([]);
}

function assertOnlyGrew(before: Cell[][], after: Cell[][], mayFill: number[]): void {
  expect(after.length).toBeGreaterThanOrEqual(before.length);
  before.forEach((row, i) =>
    row.forEach((cellBefore, c) => {
      if (cellBefore !== null) expect(after[i][c]).toEqual(cellBefore);
      else if (!mayFill.includes(c)) expect(after[i][c]).toBeNull();
    })
  );
}

describe("asset operations (property)", () => {
  it("keep the register consistent and the logs append-only under any sequence of operations", () => {
    const appliedByKind = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const book = new Book([
          asset("A-1", { LastAuditedOn: D("2024-01-10") }),
          asset("A-2", { Status: "In repair", Location: "Depot" }),
          asset("A-3", { Status: "Lost", Location: null }),
        ]);
        let date = D("2024-02-01");
        for (const s of steps) {
          date += s.days;
          const checkouts = snapshot(book.checkouts.rows);
          const log = snapshot(book.log.rows);
          const assetCount = book.assets.rows.length;
          const r = run(book.register(), s.op, date);
          if (isEngineError(r)) {
            expect(r.message.length).toBeGreaterThan(0);
            continue;
          }
          book.apply(r.edits);
          appliedByKind.set(s.op.kind, (appliedByKind.get(s.op.kind) ?? 0) + 1);
          // Every operation leaves a trace in the AssetLog; Assets never loses a row.
          expect(book.log.rows.length).toBeGreaterThan(log.length);
          expect(book.assets.rows.length).toBe(assetCount);
          // Check-in may fill the blank ReturnedOn (column 4) of a loan; nothing else in a log changes.
          assertOnlyGrew(checkouts, book.checkouts.rows, [book.checkouts.header.indexOf("ReturnedOn")]);
          assertOnlyGrew(log, book.log.rows, []);
          assertConsistent(book);
        }
      }),
      { numRuns: 300 }
    );
    // The runs exercised every operation, not only its refusals.
    for (const kind of ["out", "in", "move", "audit", "dispose"])
      expect(appliedByKind.get(kind) ?? 0).toBeGreaterThan(10);
  });

  it("records a typical asset life in the AssetLog", () => {
    // A fixed, realistic sequence: out, move while out, audit, in, out again, in, dispose.
    const book = new Book([asset("A-1")]);
    const seq: [Op, number][] = [
      [{ kind: "out", id: "A-1", to: "Ann", due: 7, place: "Site B" }, D("2024-02-01")],
      [{ kind: "move", id: "A-1", location: "Site C", custodian: undefined, status: undefined }, D("2024-02-03")],
      [{ kind: "audit", id: "a-1", by: "Bob", place: null }, D("2024-02-04")],
      [{ kind: "in", id: "A-1", place: undefined }, D("2024-02-10")],
      [{ kind: "out", id: "A-1", to: "Cy", due: null, place: null }, D("2024-02-10")],
      [{ kind: "in", id: "A-1", place: "Depot" }, D("2024-02-12")],
      [{ kind: "dispose", id: "A-1", proceeds: 300 }, D("2024-03-01")],
    ];
    for (const [o, date] of seq) {
      const r = run(book.register(), o, date);
      if (isEngineError(r)) throw new Error(r.message);
      book.apply(r.edits);
      assertConsistent(book);
    }
    expect(book.records("AssetLog").map((r) => [r.Action, r.From, r.To])).toEqual([
      ["CheckOut", "HQ", "Ann"],
      ["Move", "Site B", "Site C"],
      ["Audit", "Site C", "Site C"],
      ["CheckIn", "Ann", "HQ"],
      ["CheckOut", "HQ", "Cy"],
      ["CheckIn", "Cy", "Depot"],
      ["Dispose", "Depot", null],
    ]);
    expect(book.records("Assets")[0]).toMatchObject({
      Status: "Disposed",
      Location: "Depot",
      LastAuditedOn: D("2024-02-04"),
    });
  });
});
