// Office add-in lint rules (eslint-plugin-office-addins: Office.js call patterns, React, Prettier) plus strict
// TypeScript: no `any` at module boundaries. The plugin's own config covers .ts; the same plugins and parser are
// extended to .tsx here.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const base = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["@typescript-eslint"]);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.config.js", "**/*.config.mjs"] },
  ...officeAddins.configs.react,
  { ...base, files: ["**/*.tsx"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      globals: {
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
        console: "readonly",
        process: "readonly",
        globalThis: "readonly",
        window: "readonly",
        document: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
      },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // Node scripts (icons, report pictures) are ES modules run by node directly.
    files: ["scripts/**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { console: "readonly", process: "readonly", URL: "readonly", Buffer: "readonly" },
    },
  },
];
