const fs = require("node:fs");
const path = require("node:path");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Component tests render Fluent in jsdom; on a busy 2-core machine one can take longer than jest's 5 s default.
  testTimeout: 20_000,
  roots: ["src", "harness", "test", "solution"]
    .filter((dir) => fs.existsSync(path.join(__dirname, dir)))
    .map((dir) => `<rootDir>/${dir}`),
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/out/", "<rootDir>/test/browser/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", isolatedModules: true }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "json"],
};
