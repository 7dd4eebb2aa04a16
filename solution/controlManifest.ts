import { SolutionInputError } from "./solutionInputError";
import { attribute, children, parseXml } from "./xmlDocument";

export interface ControlManifestInfo {
  namespace: string;
  constructor: string;
  version: string;
  /** Files the manifest's <resources> name (code, css, resx, img, html ...), relative to the manifest. */
  resourcePaths: string[];
}

/** Reads what the packer needs from a built ControlManifest.xml; throws SolutionInputError when it is unusable. */
export async function parseControlManifest(xml: string, source: string): Promise<ControlManifestInfo> {
  const { name, root } = await parseXml(xml, source);
  const [control] = children(root, "control");
  if (name !== "manifest" || !control)
    throw new SolutionInputError(`Unusable ${source}`, ["expected <manifest><control ...>"]);
  const problems: string[] = [];
  const read = (key: string) => {
    const value = attribute(control, key);
    if (!value) problems.push(`<control> has no ${key} attribute`);
    return value ?? "";
  };
  const info: ControlManifestInfo = {
    namespace: read("namespace"),
    constructor: read("constructor"),
    version: read("version"),
    resourcePaths: [],
  };
  for (const resources of children(control, "resources")) {
    for (const [kind, list] of Object.entries(resources)) {
      if (kind === "$" || kind === "_" || !Array.isArray(list)) continue;
      for (const resource of children(resources, kind)) {
        const path = attribute(resource, "path");
        if (path !== undefined) info.resourcePaths.push(path);
      }
    }
  }
  if (problems.length > 0) throw new SolutionInputError(`Unusable ${source}`, problems);
  return info;
}

/** The languages (LCIDs) for which the manifest names no `<resx>` file ending in `.<lcid>.resx`. */
export function languagesWithoutResx(manifest: ControlManifestInfo, languages: readonly number[]): number[] {
  return languages.filter((code) => !manifest.resourcePaths.some((path) => path.endsWith(`.${code}.resx`)));
}
