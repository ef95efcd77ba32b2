/* eslint-disable no-undef */
// Two projects: engine, adapters and functions run in node; the React task pane runs in jsdom.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2020",
    },
    module: { type: "commonjs" },
  },
];

const common = {
  transform: { "^.+\\.(t|j)sx?$": swc },
  // office-addin-manifest (used by office-addin-mock) pulls ESM-only modules; map them to their CJS builds.
  moduleNameMapper: {},
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
    },
  ],
};
