import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SolutionInputError } from "./solutionInputError";
import {
  formatReleaseVersion,
  nextReleaseVersion,
  parseReleaseVersion,
  readControlVersion,
  withControlVersion,
  type BumpSpec,
} from "./version";

export interface BumpResult {
  from: string;
  to: string;
  /** The Input manifest's version before the bump, when it disagreed with package.json. */
  manifestWas: string | null;
}

/**
 * Raises package.json "version" (and package-lock.json, through `npm version`) and the `version` attribute of
 * ControlManifest.Input.xml together. Nothing is written when the spec or either file is unusable.
 */
export function bumpVersion(packageFile: string, inputManifestFile: string, spec: BumpSpec): BumpResult {
  const current = parseReleaseVersion(
    JSON.parse(readFileSync(packageFile, "utf8")).version,
    `version in ${packageFile}`,
  );
  const manifestXml = readFileSync(inputManifestFile, "utf8");
  const manifestVersion = readControlVersion(manifestXml);
  if (manifestVersion === null) {
    throw new SolutionInputError("Cannot bump the version", [
      `${inputManifestFile} has no <control ... version="..."> attribute`,
    ]);
  }
  const from = formatReleaseVersion(current);
  const to = formatReleaseVersion(nextReleaseVersion(current, spec));
  const updatedManifest = withControlVersion(manifestXml, to);

  const npm = spawnSync("npm", ["version", to, "--no-git-tag-version", "--allow-same-version"], {
    cwd: dirname(packageFile),
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (npm.error || npm.status !== 0) {
    throw new SolutionInputError("npm version failed; nothing was changed in the manifest", [
      (npm.error?.message ?? npm.stderr).trim() || `exit ${npm.status}`,
    ]);
  }
  writeFileSync(inputManifestFile, updatedManifest);
  return { from, to, manifestWas: manifestVersion === from ? null : manifestVersion };
}
