// Unpacks both solution zips in solution/bin and checks them (schema, references, content types, build output, sizes).
// Usage: node solution/verify.mjs [--root dir] [--build-dir out] [--bin-dir solution/bin] [--definition file] [--schema file]
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: process.cwd() },
    "build-dir": { type: "string" },
    "bin-dir": { type: "string" },
    definition: { type: "string" },
    schema: { type: "string" },
  },
});
const { solutionPaths } = await tsImport("./solutionPaths.ts", import.meta.url);
const { locateCustomizationsSchema } = await tsImport("./schemaValidation.ts", import.meta.url);
const { verifySolution } = await tsImport("./verifySolution.ts", import.meta.url);
const paths = solutionPaths(values.root, {
  buildDir: values["build-dir"],
  binDir: values["bin-dir"],
  definitionFile: values.definition,
});
try {
  const { report, problems } = await verifySolution(paths, locateCustomizationsSchema(paths.root, values.schema));
  for (const line of report) console.log(line);
  if (problems.length > 0) {
    console.error(`\nSolution verification failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("\nSolution verification passed: both zips are complete, consistent and match the build.");
  }
} catch (error) {
  console.error(error.name === "SolutionInputError" ? error.message : error);
  process.exitCode = 1;
}
