// Raises the one version: package.json (+ package-lock.json) and ControlManifest.Input.xml together.
// Usage: npm run version:bump -- patch|minor|major|x.y.z   (then `npm run build` packs <UniqueName>_x_y_z_0.zip)
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    package: { type: "string", default: "package.json" },
    manifest: { type: "string", default: "ControlManifest.Input.xml" },
  },
});
if (positionals.length !== 1) {
  console.error("Usage: npm run version:bump -- patch|minor|major|x.y.z");
  process.exit(2);
}
const { bumpVersion } = await tsImport("./bumpVersion.ts", import.meta.url);
try {
  const { from, to, manifestWas } = bumpVersion(values.package, values.manifest, positionals[0]);
  if (manifestWas)
    console.log(`Note: ${values.manifest} had ${manifestWas}, package.json had ${from}; both now agree.`);
  console.log(
    `Version ${from} -> ${to} (package.json, package-lock.json, ${values.manifest}; solution version ${to}.0).`,
  );
  console.log("Run `npm run build` to pack the solution with the new version.");
} catch (error) {
  console.error(error.name === "SolutionInputError" ? error.message : error);
  process.exitCode = 1;
}
