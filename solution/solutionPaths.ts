import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ControlDefinition } from "./solutionDefinition";

/** Where the packer and verifier read and write; everything defaults to the repository layout under `root`. */
export interface SolutionPaths {
  root: string;
  definitionFile: string;
  packageFile: string;
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
    buildDir: resolve(base, overrides.buildDir ?? "out"),
    binDir: resolve(base, overrides.binDir ?? join("solution", "bin")),
  };
}

/** `<UniqueName>_<major>_<minor>_<build>_<revision>.zip`, or `..._managed.zip`. */
export function zipFileName(uniqueName: string, solutionVersion: string, managed: boolean): string {
  return `${uniqueName}_${solutionVersion.replace(/\./g, "_")}${managed ? "_managed" : ""}.zip`;
}

export function inputManifestFile(paths: SolutionPaths, control: ControlDefinition): string {
  return resolve(paths.root, control.inputManifest);
}

/**
 * The definition's controls whose ControlManifest.Input.xml is in the tree, and those whose is not: a control
 * whose source folder is absent is not part of this tree (pcf-scripts builds only the folders that hold one).
 */
export function controlsInTree(controls: readonly ControlDefinition[], paths: SolutionPaths) {
  const inTree = (control: ControlDefinition) => existsSync(inputManifestFile(paths, control));
  return { present: controls.filter(inTree), absent: controls.filter((control) => !inTree(control)) };
}
