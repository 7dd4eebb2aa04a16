// Packs the unmanaged and managed solution zips into solution/bin from the build output.
// Usage: node solution/pack.mjs [--root dir] [--build-dir out] [--bin-dir solution/bin] [--definition solution/solution.json]
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: process.cwd() },
    "build-dir": { type: "string" },
    "bin-dir": { type: "string" },
    definition: { type: "string" },
  },
});
const { solutionPaths } = await tsImport("./solutionPaths.ts", import.meta.url);
const { packSolution } = await tsImport("./packSolution.ts", import.meta.url);
const paths = solutionPaths(values.root, {
  buildDir: values["build-dir"],
  binDir: values["bin-dir"],
  definitionFile: values.definition,
});
try {
  const { inputs, files } = await packSolution(paths);
  console.log(
    `Packed ${inputs.definition.uniqueName} ${inputs.solutionVersion} (control ${inputs.controlName} ${inputs.releaseVersion}):`,
  );
  for (const file of files) console.log(`  ${file}`);
} catch (error) {
  console.error(error.name === "SolutionInputError" ? error.message : error);
  process.exitCode = 1;
}
