import { readResxStrings } from "../../scripts/resx";

/** The one RESX reader (scripts/resx.js): the harness serves the control's strings as PCF's resources.getString sees them. */
export { readResxStrings };

/** out/webresources/<path> ships as the web resource cjt_/customerjourney/<path> (solution/solution.json). */
export const WEB_RESOURCE_PREFIX = "cjt_/customerjourney/";

/** RESX web resources by name without the language suffix (`cjt_/customerjourney/strings/form`) → LCID → strings. */
export type StringResources = Record<string, Record<number, Record<string, string>>>;

/**
 * The String (RESX) web resources of built files named `<path>.<lcid>.resx` (e.g. `strings/form.1033.resx`
 * → `<namePrefix>strings/form`, language 1033).
 */
export function stringResourcesOf(namePrefix: string, files: Record<string, string>): StringResources {
  const resources: StringResources = {};
  for (const [file, xml] of Object.entries(files)) {
    const match = /^(.+)\.(\d+)\.resx$/.exec(file);
    if (!match) continue;
    const name = namePrefix + match[1];
    resources[name] = { ...resources[name], [Number(match[2])]: readResxStrings(xml) };
  }
  return resources;
}

/**
 * Xrm.Utility.getResourceString as the platform answers it: the user's language, then the org's base
 * language, then null; "<name> does not exist." when no RESX web resource of that name is a dependency,
 * or none for the user's language (*inferred*, see README).
 */
export function resourceStringReader(resources: StringResources, userLanguage: number, baseLanguage: number) {
  return (webResourceName: string, key: string): string | null => {
    const languages = resources[webResourceName];
    if (!languages?.[userLanguage]) throw new Error(`${webResourceName}.${userLanguage}.resx does not exist.`);
    return languages[userLanguage][key] ?? languages[baseLanguage]?.[key] ?? null;
  };
}
