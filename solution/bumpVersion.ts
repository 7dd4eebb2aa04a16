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
  /** The Input manifests whose version disagreed with package.json before the bump, with that version. */
  manifestsWere: { file: string; version: string }[];
}

/**
 * Raises package.json "version" (and package-lock.json, through `npm version`) and the `version` attribute of
 * every control's ControlManifest.Input.xml together. Nothing is written when the spec or any file is unusable.
 */
export function bumpVersion(packageFile: string, inputManifestFiles: readonly string[], spec: BumpSpec): BumpResult {
  const current = parseReleaseVersion(
    JSON.parse(readFileSync(packageFile, "utf8")).version,
    `version in ${packageFile}`,
  );
  const manifests = inputManifestFiles.map((file) => {
    const xml = readFileSync(file, "utf8");
    return { file, xml, version: readControlVersion(xml) };
  });
  const unversioned = manifests.filter((manifest) => manifest.version === null);
  if (manifests.length === 0 || unversioned.length > 0) {
    throw new SolutionInputError(
      "Cannot bump the version",
      manifests.length === 0
        ? ["no ControlManifest.Input.xml to bump"]
        : unversioned.map(({ file }) => `${file} has no <control ... version="..."> attribute`),
    );
  }
  const from = formatReleaseVersion(current);
  const to = formatReleaseVersion(nextReleaseVersion(current, spec));
  const updated = manifests.map((manifest) => ({ file: manifest.file, xml: withControlVersion(manifest.xml, to) }));

  const npm = spawnSync("npm", ["version", to, "--no-git-tag-version", "--allow-same-version"], {
    cwd: dirname(packageFile),
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (npm.error || npm.status !== 0) {
    throw new SolutionInputError("npm version failed; nothing was changed in the manifests", [
      (npm.error?.message ?? npm.stderr).trim() || `exit ${npm.status}`,
    ]);
  }
  for (const { file, xml } of updated) writeFileSync(file, xml);
  return {
    from,
    to,
    manifestsWere: manifests.flatMap(({ file, version }) =>
      version !== null && version !== from ? [{ file, version }] : [],
    ),
  };
}
