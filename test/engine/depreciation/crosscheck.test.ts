import { HyperFormula } from "hyperformula";
import { db, ddb, sln, syd } from "../../../src/engine/depreciation";
import { isEngineError } from "../../../src/engine/errors";

/**
 * Secondary reference: HyperFormula (an Excel-compatible engine whose financial functions are tested against
 * Excel) on a fixed-seed sample of arguments. Microsoft's printed examples stay the primary reference
 * (excel.test.ts). Left out where HyperFormula shows its own rules: it requires whole numbers for DB's and DDB's
 * life and period, and returns 0 instead of #NUM! for period 0. (HyperFormula has no VDB, AMORLINC or AMORDEGRC.)
 */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function evaluate(formulas: string[]): unknown[] {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId(hf.addSheet("s")) as number;
  hf.setSheetContent(
    sheet,
    formulas.map((f) => [f])
  );
  const out = formulas.map((_, row) => hf.getCellValue({ sheet, row, col: 0 }));
  hf.destroy();
  return out;
}

function same(theirs: unknown, ours: unknown): boolean {
  if (typeof theirs === "number" && typeof ours === "number") {
    return Math.abs(theirs - ours) <= 1e-9 * Math.max(1, Math.abs(ours));
  }
  const code = (theirs as { value?: string }).value;
  return isEngineError(ours) && ours.code === code;
}

describe("cross-check against HyperFormula", () => {
  it("DB, DDB, SYD and SLN agree on 400 whole-number cases, errors included", () => {
    const rnd = rng(9);
    const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
    const formulas: string[] = [];
    const ours: unknown[] = [];
    for (let i = 0; i < 400; i++) {
      const cost = pick([-5, 1000, 2400, 1e6, Math.round(rnd() * 90000)]);
      const salvage = pick([0, -1, 300, 100000, Math.round(rnd() * 1000)]);
      const life = pick([1, 6, 10, 3 + Math.floor(rnd() * 10)]);
      const per = pick([1, 2, 6, 7, 8, 11, 1 + Math.floor(rnd() * 12)]);
      const month = pick([1, 7, 12, 13, 0]);
      const factor = pick([0, 1.5, 2, 3]);
      formulas.push(`=DB(${cost},${salvage},${life},${per},${month})`);
      ours.push(db(cost, salvage, life, per, month));
      formulas.push(`=DDB(${cost},${salvage},${life},${per},${factor})`);
      ours.push(ddb(cost, salvage, life, per, factor));
      formulas.push(`=SYD(${cost},${salvage},${life},${per})`);
      ours.push(syd(cost, salvage, life, per));
      formulas.push(`=SLN(${cost},${salvage},${life})`);
      ours.push(sln(cost, salvage, life));
    }
    const theirs = evaluate(formulas);
    const differ = formulas.filter((_formula, i) => !same(theirs[i], ours[i]));
    expect(differ).toEqual([]);
  });
});
