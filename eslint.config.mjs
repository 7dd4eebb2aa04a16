import eslintJs from "@eslint/js";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";
import tseslint from "typescript-eslint";

const powerAppsRules = Object.fromEntries(
  Object.keys(powerApps.rules).map((rule) => [`@microsoft/power-apps/${rule}`, "error"]),
);

export default [
  {
    ignores: ["node_modules/**", "out/**", "obj/**", "generated/**", "solution/bin/**", "**/*.d.ts"],
  },
  eslintJs.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "@microsoft/power-apps": powerApps },
    languageOptions: { globals: { ...globals.browser, ComponentFramework: "readonly", Xrm: "readonly" } },
    rules: {
      ...powerAppsRules,
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // The components name createElement and Fragment in their @jsx / @jsxFrag pragma: the JSX uses those imports.
    files: ["src/ui/**/*.tsx"],
    ignores: ["**/*.test.tsx", "src/ui/testing/**"],
    languageOptions: { parserOptions: { jsxPragma: "createElement", jsxFragmentName: "Fragment" } },
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
    files: ["**/*.test.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
];
