import eslintJs from "@eslint/js";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Microsoft's Power Apps checker configuration, every rule raised to an error (the checker reports its warnings too).
const checker = powerApps.configs.paCheckerHosted;
const checkerRules = Object.fromEntries(Object.keys(checker.rules).map((rule) => [rule, "error"]));

/** Shipped code: the control, the form script and what they import (tests and their helpers excluded). */
const PRODUCT = ["src/**/*.{ts,tsx}"];
const NOT_PRODUCT = ["**/*.test.{ts,tsx}", "**/testing/**"];

/** Test helpers live in testing/ folders and the emulated org in harness/: nothing that ships may import them. */
const fences = [
  { group: ["**/testing", "**/testing/**"], message: "Test helpers (testing/ folders) never ship." },
  { group: ["**/harness/**"], message: "The emulated org (harness/) never ships." },
];

export default [
  {
    ignores: ["node_modules/**", "out/**", "obj/**", "**/generated/**", "solution/bin/**", "**/*.d.ts"],
  },
  eslintJs.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "@microsoft/power-apps": powerApps, "react-hooks": reactHooks },
    settings: checker.settings,
    languageOptions: {
      globals: { ...globals.browser, ComponentFramework: "readonly", Xrm: "readonly" },
      // tsconfig.json sets jsxFactory/jsxFragmentFactory to these names: the JSX uses the imports.
      parserOptions: { jsxPragma: "createElement", jsxFragmentName: "Fragment" },
    },
    rules: {
      ...checkerRules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: PRODUCT,
    ignores: [...NOT_PRODUCT, "src/ui/platform.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "react",
              message: "Import React's runtime from src/ui/platform (types may come from react).",
              allowTypeImports: true,
            },
            {
              name: "@fluentui/react",
              message: "Import Fluent's runtime from src/ui/platform (types may come from @fluentui/react).",
              allowTypeImports: true,
            },
          ],
          patterns: fences,
        },
      ],
    },
  },
  {
    files: ["harness/**/*.{ts,tsx}", "scripts/**/*.ts", "solution/**/*.ts"],
    ignores: NOT_PRODUCT,
    rules: { "no-restricted-imports": ["error", { patterns: [fences[0]] }] },
  },
  {
    files: [
      "harness/**/*.{ts,mjs,js}",
      "scripts/**/*.{ts,mjs,js}",
      "solution/**/*.{ts,mjs,js}",
      "test/**/*.{ts,tsx,mjs,js}",
      "*.{js,mjs}",
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.test.{ts,tsx}", "**/testing/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
];
