// The solution's command line: pack the zips, verify them, bump the version. `node solution/cli.mjs --help`.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { require as load } from "tsx/cjs/api";

const SYNOPSIS = "Usage: node solution/cli.mjs pack|verify|bump <patch|minor|major|x.y.z> [options]";
const USAGE = `${SYNOPSIS}

Commands:
  pack                             pack the unmanaged and managed zips into solution/bin from the build output
  verify                           unpack both zips and check them (schema, references, content types,
                                   packed = built, sizes)
  bump <patch|minor|major|x.y.z>   raise the one version: package.json (+ package-lock.json) and every
                                   control's ControlManifest.Input.xml together

Options of pack and verify (bump takes --root and --definition too):
  --root <dir>           the tree to read and write (default: the current directory)
  --build-dir <dir>      build output (default: <root>/out)
  --bin-dir <dir>        where the zips are (default: <root>/solution/bin)
  --definition <file>    solution definition (default: <root>/solution/solution.json)
Option of verify:
  --schema <file>        CustomizationsSolution.xsd, its included schemas beside it
                         (default: Microsoft's set in solution/schemas)
Options of bump:
  --package <file>       package.json (default: <root>/package.json)
  --manifest <file>      a ControlManifest.Input.xml to bump, may be repeated (default: those of the
                         definition's controls that are in the tree)

npm scripts: npm run build (ends with pack), npm run verify, npm run version:bump -- <kind>.`;

const treeOptions = {
  root: { type: "string", default: process.cwd() },
  "build-dir": { type: "string" },
  "bin-dir": { type: "string" },
  definition: { type: "string" },
};

function treePaths(values) {
  const { solutionPaths } = load("./solutionPaths.ts", import.meta.url);
  return solutionPaths(values.root, {
    buildDir: values["build-dir"],
    binDir: values["bin-dir"],
    definitionFile: values.definition,
    packageFile: values.package,
  });
}

/** The ControlManifest.Input.xml of each of the definition's controls that is in the tree. */
function inputManifests(paths) {
  const { parseSolutionDefinitionText } = load("./solutionDefinition.ts", import.meta.url);
  const { controlsInTree, inputManifestFile } = load("./solutionPaths.ts", import.meta.url);
  const source = `solution definition ${paths.definitionFile}`;
  const definition = parseSolutionDefinitionText(readFileSync(paths.definitionFile, "utf8"), source);
  return controlsInTree(definition.controls, paths).present.map((control) => inputManifestFile(paths, control));
}

async function pack(values) {
  const { packSolution } = load("./packSolution.ts", import.meta.url);
  const { inputs, files } = await packSolution(treePaths(values));
  const names = inputs.controls.map((control) => control.name).join(", ");
  console.log(
    `Packed ${inputs.definition.uniqueName} ${inputs.solutionVersion} (${inputs.controls.length === 1 ? "control" : "controls"} ${names} ${inputs.releaseVersion}):`,
  );
  for (const file of files) console.log(`  ${file}`);
  for (const control of inputs.leftOut)
    console.log(`Left out ${control.directory}: ${control.inputManifest} is not in this tree.`);
}

async function verify(values) {
  const { locateCustomizationsSchema } = load("./schemaValidation.ts", import.meta.url);
  const { verifySolution } = load("./verifySolution.ts", import.meta.url);
  const { report, problems } = await verifySolution(treePaths(values), locateCustomizationsSchema(values.schema));
  for (const line of report) console.log(line);
  if (problems.length > 0) {
    console.error(`\nSolution verification failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("\nSolution verification passed: both zips are complete, consistent and match the build.");
  }
}

async function bump(values, [kind]) {
  const { bumpVersion } = load("./bumpVersion.ts", import.meta.url);
  const paths = treePaths(values);
  const manifests = values.manifest ?? inputManifests(paths);
  const { from, to, manifestsWere } = bumpVersion(paths.packageFile, manifests, kind);
  const shown = (file) => relative(paths.root, file) || file;
  for (const { file, version } of manifestsWere)
    console.log(`Note: ${shown(file)} had ${version}, package.json had ${from}; both now agree.`);
  console.log(
    `Version ${from} -> ${to} (package.json, package-lock.json, ${manifests.map(shown).join(", ")}; solution version ${to}.0).`,
  );
  console.log("Run `npm run build` to pack the solution with the new version.");
}

const COMMANDS = {
  pack: { run: pack, options: treeOptions, arguments: [] },
  verify: { run: verify, options: { ...treeOptions, schema: { type: "string" } }, arguments: [] },
  bump: {
    run: bump,
    options: {
      root: treeOptions.root,
      definition: treeOptions.definition,
      package: { type: "string" },
      manifest: { type: "string", multiple: true },
    },
    arguments: ["patch|minor|major|x.y.z"],
  },
};

function usageError(message) {
  console.error(`${message}\n${SYNOPSIS}  (--help lists the options)`);
  process.exit(2);
}

const [name, ...args] = process.argv.slice(2);
if (name === "--help" || name === "-h") {
  console.log(USAGE);
  process.exit(0);
}
if (name === undefined) usageError("No command given.");
if (!Object.hasOwn(COMMANDS, name)) usageError(`Unknown command "${name}".`);
const command = COMMANDS[name];
let parsed;
try {
  parsed = parseArgs({
    args,
    options: { ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
} catch (error) {
  usageError(`${name}: ${error.message}`);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.positionals.length !== command.arguments.length) {
  const expected = command.arguments.map((argument) => ` <${argument}>`).join("");
  usageError(`${name} takes${expected || " no arguments"}, got: ${parsed.positionals.join(" ") || "none"}.`);
}
try {
  await command.run(parsed.values, parsed.positionals);
} catch (error) {
  console.error(error.name === "SolutionInputError" ? error.message : error);
  process.exitCode = 1;
}
