import fc from "fast-check";
import { round, roundByText } from "../../src/engine/money";

// Expected values are Excel's ROUND results as documented by Microsoft (ROUND function page:
// ROUND(2.15,1)=2.2, ROUND(2.149,1)=2.1, ROUND(-1.475,2)=-1.48, ROUND(21.5,-1)=20) and the classic
// binary-floating-point cases Excel still rounds as the decimal it shows.
describe("ROUND as Excel does it", () => {
  it.each([
    [2.15, 1, 2.2],
    [2.149, 1, 2.1],
    [-1.475, 2, -1.48],
    [21.5, -1, 20],
    [626.3, -3, 1000],
    [1.98, -1, 0],
    [-50.55, -2, -100],
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-2.675, 2, -2.68],
    [0.285, 2, 0.29],
    [1234.5, 0, 1235],
    [-0.5, 0, -1],
    [1e-9, 2, 0],
    [1e22, 2, 1e22],
  ])("ROUND(%p, %p) = %p", (x, d, want) => {
    expect(round(x, d)).toBe(want);
  });

  it("never moves a value by more than half a unit of the last kept decimal", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        expect(Math.abs(round(x, d) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15);
      })
    );
  });

  it("never returns negative zero", () => {
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
  });

  it("is odd-symmetric: ROUND(-x) = -ROUND(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(round(-x, 2)).toBe(0 - round(x, 2));
      })
    );
  });

  // The arithmetic fast path must give what the decimal-text way gives, to the bit, wherever it answers: on any
  // double, on cents and their halves (x.xx5, where binary noise decides), and around the 1e15 edge of the path.
  it("answers as the decimal-text rounding does, on any value, halves included", () => {
    const same = (x: number, d: number) => expect(Object.is(round(x, d), roundByText(x, d))).toBe(true);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 15 }), same), {
      numRuns: 5000,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (k, d, ulps) => {
          const half = (k + 0.5) / 10 ** d;
          let x = half;
          for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : -nextUp(-x);
          same(x, d);
        }
      ),
      { numRuns: 5000 }
    );
    for (const x of [1.005, 2.675, 0.285, -1.475, 1e15 / 100 - 0.005, 123456789.125, 0.125, 0.375])
      for (let d = 0; d <= 4; d++) same(x, d);
  });
});

/** The next double above x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] += x > 0 ? 1n : -1n;
  return b[0];
}
