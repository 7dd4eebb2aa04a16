// Production build of everything that ships: the code components, the form web resource, then the solution zips.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { bundleFile, measureControls, sizeProblems } from "./controlSizes.mjs";

const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
const steps = [
  // pcf-scripts builds every folder that holds a ControlManifest.Input.xml into out/controls/<folder>/.
  ["controls", "npx", ["pcf-scripts", "build", "--buildMode", "production"]],
  ["form web resource", "npx", ["webpack", "--config", "webpack.form.config.js"]],
  ["solution", "node", ["solution/cli.mjs", "pack"]],
];

/** Prints each control bundle's sizes and stops the build when one is missing or over its limit. */
function checkControlSizes() {
  const measured = measureControls(".");
  for (const { folder, minified, gzip, bytes, gzipBytes } of measured) {
    if (bytes === null) continue;
    const gzipLimit = gzip === null ? "not limited" : `limit ${gzip}`;
    console.log(`${bundleFile(folder)}: ${bytes} bytes (limit ${minified}), ${gzipBytes} gzip (${gzipLimit})`);
  }
  const problems = sizeProblems(".", measured);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
}

for (const [name, command, args] of steps) {
  console.log(`\n== build: ${name}`);
  // pcf-scripts can exit 0 after a failed compile, leaving the last build's bundles in place: without them, a
  // failed compile shows as a missing bundle instead of packing stale ones.
  if (name === "controls") rmSync("out/controls", { recursive: true, force: true });
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`Build step "${name}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  if (name === "controls") checkControlSizes();
}
