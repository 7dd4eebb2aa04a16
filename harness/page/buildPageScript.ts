import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { controlEventNames } from "./manifestEvents";
import { WEB_RESOURCE_PREFIX, stringResourcesOf, type StringResources } from "./resx";

/**
 * The form script's String (RESX) web resources: the built out/webresources/strings/*.resx, or, before
 * the form script is built, the same files as webpack.form.config.js derives them from src/strings.
 */
export function formStringResources(rootDir: string): StringResources {
  const builtDir = path.join(rootDir, "out", "webresources", "strings");
  const built = existsSync(builtDir) ? readdirSync(builtDir).filter((file) => file.endsWith(".resx")) : [];
  if (built.length > 0) {
    return stringResourcesOf(
      WEB_RESOURCE_PREFIX,
      Object.fromEntries(built.map((file) => [`strings/${file}`, readFileSync(path.join(builtDir, file), "utf8")])),
    );
  }
  const config = createRequire(path.join(rootDir, "package.json"))("./webpack.form.config.js") as {
    plugins: { resxFiles?: () => Record<string, string> }[];
  };
  return stringResourcesOf(WEB_RESOURCE_PREFIX, config.plugins.find((plugin) => plugin.resxFiles)?.resxFiles?.() ?? {});
}

const cache = new Map<string, Promise<string>>();

/** The pages' scripts: the form page (form host, PCF context, Xrm) and the journeys view page. */
export type PageScript = "formPage" | "viewPage";

/** A page's script, bundled for the browser once per root. */
export function buildPageScript(rootDir: string, entry: PageScript = "formPage"): Promise<string> {
  const key = `${rootDir}\0${entry}`;
  let script = cache.get(key);
  if (!script) {
    script = controlEventNames(rootDir).then((eventNames) => bundlePageScript(rootDir, entry, eventNames));
    script.catch(() => cache.delete(key));
    cache.set(key, script);
  }
  return script;
}

function bundlePageScript(rootDir: string, entry: PageScript, eventNames: string[]): Promise<string> {
  return build({
    entryPoints: [path.join(rootDir, `harness/page/${entry}.ts`)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2019",
    sourcemap: "inline",
    logLevel: "silent",
    define: {
      // What Xrm.Utility.getResourceString answers from: the RESX web resources form.js depends on.
      HARNESS_STRING_RESOURCES: JSON.stringify(formStringResources(rootDir)),
      // What context.events is built from: the control manifest's <event> names.
      HARNESS_CONTROL_EVENTS: JSON.stringify(eventNames),
    },
  }).then((result) => result.outputFiles[0].text);
}
