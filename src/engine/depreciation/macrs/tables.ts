/**
 * MACRS percentage tables as published in IRS Publication 946, "How to Depreciate Property", Appendix A
 * (percent of the unadjusted basis per recovery year). The IRS rounds each column so it totals 100%; a value
 * recomputed from the 200%/150% declining-balance formula differs from these in places, so they are stored,
 * never recomputed.
 */

/** GDS personal-property classes (years). */
export type PersonalClass = 3 | 5 | 7 | 10 | 15 | 20;
export const PERSONAL_CLASSES: readonly PersonalClass[] = [3, 5, 7, 10, 15, 20];

/** Table A-1: 3-, 5-, 7-, 10-, 15- and 20-year property, half-year convention. */
export const TABLE_A1: Readonly<Record<PersonalClass, readonly number[]>> = {
  3: [33.33, 44.45, 14.81, 7.41],
  5: [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
  7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  10: [10.0, 18.0, 14.4, 11.52, 9.22, 7.37, 6.55, 6.55, 6.56, 6.55, 3.28],
  15: [5.0, 9.5, 8.55, 7.7, 6.93, 6.23, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.95],
  20: [
    3.75, 7.219, 6.677, 6.177, 5.713, 5.285, 4.888, 4.522, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461,
    4.462, 4.461, 4.462, 4.461, 2.231,
  ],
};

/** Tables: mid-quarter convention, indexed by the quarter of the tax year placed in service (1-4). */
export const TABLES_A2_A5: Readonly<Record<1 | 2 | 3 | 4, Readonly<Record<PersonalClass, readonly number[]>>>> = {
  // Table A-2, placed in service in the first quarter.
  1: {
    3: [58.33, 27.78, 12.35, 1.54],
    5: [35.0, 26.0, 15.6, 11.01, 11.01, 1.38],
    7: [25.0, 21.43, 15.31, 10.93, 8.75, 8.74, 8.75, 1.09],
    10: [17.5, 16.5, 13.2, 10.56, 8.45, 6.76, 6.55, 6.55, 6.56, 6.55, 0.82],
    15: [8.75, 9.13, 8.21, 7.39, 6.65, 5.99, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 0.74],
    // As printed: year 2 is 7.000 and year 21 0.565, although 93.437 × 7.5% is 7.008 and the printed year 3 follows
    // from 7.008; the column still totals 100 (see the test for the sources).
    20: [
      6.563, 7.0, 6.482, 5.996, 5.546, 5.13, 4.746, 4.459, 4.459, 4.459, 4.459, 4.46, 4.459, 4.46, 4.459, 4.46, 4.459,
      4.46, 4.459, 4.46, 0.565,
    ],
  },
  // Table A-3, second quarter.
  2: {
    3: [41.67, 38.89, 14.14, 5.3],
    5: [25.0, 30.0, 18.0, 11.37, 11.37, 4.26],
    7: [17.85, 23.47, 16.76, 11.97, 8.87, 8.87, 8.87, 3.34],
    10: [12.5, 17.5, 14.0, 11.2, 8.96, 7.17, 6.55, 6.55, 6.56, 6.55, 2.46],
    15: [6.25, 9.38, 8.44, 7.59, 6.83, 6.15, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 2.21],
    20: [
      4.688, 7.148, 6.612, 6.116, 5.658, 5.233, 4.841, 4.478, 4.463, 4.463, 4.463, 4.463, 4.463, 4.463, 4.462, 4.463,
      4.462, 4.463, 4.462, 4.463, 1.673,
    ],
  },
  // Table A-4, third quarter.
  3: {
    3: [25.0, 50.0, 16.67, 8.33],
    5: [15.0, 34.0, 20.4, 12.24, 11.3, 7.06],
    7: [10.71, 25.51, 18.22, 13.02, 9.3, 8.85, 8.86, 5.53],
    10: [7.5, 18.5, 14.8, 11.84, 9.47, 7.58, 6.55, 6.55, 6.56, 6.55, 4.1],
    15: [3.75, 9.63, 8.66, 7.8, 7.02, 6.31, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 3.69],
    20: [
      2.813, 7.289, 6.742, 6.237, 5.769, 5.336, 4.936, 4.566, 4.46, 4.46, 4.46, 4.46, 4.461, 4.46, 4.461, 4.46, 4.461,
      4.46, 4.461, 4.46, 2.788,
    ],
  },
  // Table A-5, fourth quarter.
  4: {
    3: [8.33, 61.11, 20.37, 10.19],
    5: [5.0, 38.0, 22.8, 13.68, 10.94, 9.58],
    7: [3.57, 27.55, 19.68, 14.06, 10.04, 8.73, 8.73, 7.64],
    10: [2.5, 19.5, 15.6, 12.48, 9.98, 7.99, 6.55, 6.55, 6.56, 6.55, 5.74],
    15: [1.25, 9.88, 8.89, 8.0, 7.2, 6.48, 5.9, 5.9, 5.9, 5.91, 5.9, 5.91, 5.9, 5.91, 5.9, 5.17],
    20: [
      0.938, 7.43, 6.872, 6.357, 5.88, 5.439, 5.031, 4.654, 4.458, 4.458, 4.458, 4.458, 4.458, 4.458, 4.458, 4.458,
      4.458, 4.459, 4.458, 4.459, 3.901,
    ],
  },
};

/**
 * Table A-6: residential rental property, 27.5 years, straight line, mid-month convention. Column = month of the
 * tax year placed in service (1-12), rows = recovery years 1-29. The publication prints every row; they follow
 * this pattern exactly: year 1 below, years 2-9 3.636, from year 10 on the even years carry 3.637 in months 1-6
 * and 3.636 in months 7-12 and the odd years the reverse, up to year 27; years 28 and 29 below.
 */
const A6_YEAR1 = [3.485, 3.182, 2.879, 2.576, 2.273, 1.97, 1.667, 1.364, 1.061, 0.758, 0.455, 0.152];
const A6_YEAR28 = [1.97, 2.273, 2.576, 2.879, 3.182, 3.485, 3.636, 3.636, 3.636, 3.636, 3.636, 3.636];
const A6_YEAR29 = [0, 0, 0, 0, 0, 0, 0.152, 0.455, 0.758, 1.061, 1.364, 1.667];

function a6Column(month: number): number[] {
  const col = [A6_YEAR1[month - 1]];
  for (let year = 2; year <= 9; year++) col.push(3.636);
  for (let year = 10; year <= 27; year++) {
    const firstHalf = month <= 6;
    col.push((year % 2 === 0) === firstHalf ? 3.637 : 3.636);
  }
  col.push(A6_YEAR28[month - 1], A6_YEAR29[month - 1]);
  return col;
}
export const TABLE_A6: readonly (readonly number[])[] = Array.from({ length: 12 }, (_, i) => a6Column(i + 1));

/**
 * Table A-7a: nonresidential real property, 39 years, straight line, mid-month convention (property placed in
 * service after May 12, 1993). Year 1 by month, years 2-39 2.564, year 40 by month.
 */
const A7A_YEAR1 = [2.461, 2.247, 2.033, 1.819, 1.605, 1.391, 1.177, 0.963, 0.749, 0.535, 0.321, 0.107];
const A7A_YEAR40 = [0.107, 0.321, 0.535, 0.749, 0.963, 1.177, 1.391, 1.605, 1.819, 2.033, 2.247, 2.461];
export const TABLE_A7A: readonly (readonly number[])[] = Array.from({ length: 12 }, (_, i) => [
  A7A_YEAR1[i],
  ...Array.from({ length: 38 }, () => 2.564),
  A7A_YEAR40[i],
]);
