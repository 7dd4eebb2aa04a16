// Production build of everything that ships: the control, the form web resource, then the solution zips.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";

const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
/** The control's size goal. pcf-scripts owns the control's webpack, so the limit is checked here (the form's webpack checks its own). */
const CONTROL_LIMIT_BYTES = 40 * 1024;
const CONTROL_BUNDLE = "out/controls/bundle.js";
const steps = [
  ["control", "npx", ["pcf-scripts", "build", "--buildMode", "production"]],
  ["form web resource", "npx", ["webpack", "--config", "webpack.form.config.js"]],
  ["solution", "node", ["solution/cli.mjs", "pack"]],
];

for (const [name, command, args] of steps) {
  console.log(`\n== build: ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`Build step "${name}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  if (name === "control" && statSync(CONTROL_BUNDLE).size > CONTROL_LIMIT_BYTES) {
    console.error(
      `${CONTROL_BUNDLE} is ${statSync(CONTROL_BUNDLE).size} bytes, over the control's limit of ${CONTROL_LIMIT_BYTES} (40 KiB).`,
    );
    process.exit(1);
  }
}
