// Production build of everything that ships: the control, the form web resource, then the solution zips.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
const steps = [
  ["control", "npx", ["pcf-scripts", "build", "--buildMode", "production"]],
  ["form web resource", "npx", ["webpack", "--config", "webpack.form.config.js"]],
];
if (existsSync("solution/pack.mjs")) steps.push(["solution", "node", ["solution/pack.mjs"]]);

for (const [name, command, args] of steps) {
  console.log(`\n== build: ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`Build step "${name}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
