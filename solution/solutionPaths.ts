import { join, resolve } from "node:path";

/** Where the packer and verifier read and write; everything defaults to the repository layout under `root`. */
export interface SolutionPaths {
  root: string;
  definitionFile: string;
  packageFile: string;
  inputManifestFile: string;
  /** Build output: `<buildDir>/controls/...` and `<buildDir>/webresources/form.js` (as the definition names them). */
  buildDir: string;
  binDir: string;
}

export function solutionPaths(root: string, overrides: Partial<Omit<SolutionPaths, "root">> = {}): SolutionPaths {
  const base = resolve(root);
  return {
    root: base,
    definitionFile: resolve(base, overrides.definitionFile ?? join("solution", "solution.json")),
    packageFile: resolve(base, overrides.packageFile ?? "package.json"),
    inputManifestFile: resolve(base, overrides.inputManifestFile ?? "JourneyControl/ControlManifest.Input.xml"),
    buildDir: resolve(base, overrides.buildDir ?? "out"),
    binDir: resolve(base, overrides.binDir ?? join("solution", "bin")),
  };
}

/** `<UniqueName>_<major>_<minor>_<build>_<revision>.zip`, or `..._managed.zip`. */
export function zipFileName(uniqueName: string, solutionVersion: string, managed: boolean): string {
  return `${uniqueName}_${solutionVersion.replace(/\./g, "_")}${managed ? "_managed" : ""}.zip`;
}
