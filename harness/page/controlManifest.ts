import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { attribute, children, parseXml } from "../../solution/xmlDocument";

/** A built control as the platform loads it: what its ControlManifest.xml names. */
export interface BuiltControl {
  /** `namespace.constructor`, the name the bundle registers with ComponentFramework.registerControl. */
  name: string;
  /** The control's folder in out/controls. */
  directory: string;
  /** `<css>` resources, as file names in that folder. */
  styles: string[];
  /** `<resx>` resources by language (`JourneysView.1031.resx` → 1031). */
  strings: Record<number, string>;
  /** The `<data-set>`s: name and `<property-set>`s (name and of-type). */
  dataSets: { name: string; propertySets: { name: string; ofType: string }[] }[];
}

/** Reads out/controls/<folder>/ControlManifest.xml; null while the control is not built. */
export async function readBuiltControl(controlsDir: string, folder: string): Promise<BuiltControl | null> {
  const directory = path.join(controlsDir, folder);
  const file = path.join(directory, "ControlManifest.xml");
  if (!existsSync(file) || !existsSync(path.join(directory, "bundle.js"))) return null;
  const { root } = await parseXml(readFileSync(file, "utf8"), file);
  const [control] = children(root, "control");
  const [resourceList] = children(control, "resources");
  const paths = (kind: string) =>
    children(resourceList, kind)
      .map((element) => attribute(element, "path") ?? "")
      .filter(Boolean)
      .map((resource) => path.basename(resource));
  const strings: Record<number, string> = {};
  for (const resx of paths("resx")) {
    const lcid = /\.(\d+)\.resx$/.exec(resx)?.[1];
    if (lcid) strings[Number(lcid)] = resx;
  }
  return {
    name: `${attribute(control, "namespace") ?? ""}.${attribute(control, "constructor") ?? ""}`,
    directory,
    styles: paths("css"),
    strings,
    dataSets: children(control, "data-set").map((dataSet) => ({
      name: attribute(dataSet, "name") ?? "",
      propertySets: children(dataSet, "property-set").map((set) => ({
        name: attribute(set, "name") ?? "",
        ofType: attribute(set, "of-type") ?? "",
      })),
    })),
  };
}
