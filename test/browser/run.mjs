// npm run test:browser [-- <file filter>]: builds what is missing, then runs the browser suite with
// Node's test runner (one file at a time; each file starts its own harness and Chromium).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { ensureBuilt } from "./testing/ensureBuilt.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

try {
  ensureBuilt(root);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const filters = process.argv.slice(2);
const files = readdirSync(path.join(root, "test/browser"))
  .filter((name) => name.endsWith(".test.ts"))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()
  .map((name) => path.join("test/browser", name));
if (files.length === 0) {
  console.error(`No browser test file matches ${filters.join(", ")}.`);
  process.exit(1);
}

const reporter = process.env.CI ? ["--test-reporter=spec", "--test-reporter-destination=stdout"] : [];
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-timeout=180000", ...reporter, ...files],
  { cwd: root, stdio: "inherit", env },
);
process.exit(result.status ?? 1);
