import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { attribute, children, parseXml } from "../../solution/xmlDocument";

/**
 * The names of the control's custom events, from which the platform builds context.events: the <event>
 * elements of the source manifest (the build copies them as they are; a stale out/ must not hide new ones).
 */
export async function controlEventNames(rootDir: string): Promise<string[]> {
  const manifest = path.join(rootDir, "JourneyControl", "ControlManifest.Input.xml");
  if (!existsSync(manifest)) return [];
  const { root } = await parseXml(readFileSync(manifest, "utf8"), manifest);
  return children(root, "control")
    .flatMap((control) => children(control, "event"))
    .map((event) => attribute(event, "name") ?? "")
    .filter(Boolean);
}
