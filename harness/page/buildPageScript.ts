import { build } from "esbuild";
import path from "node:path";

const cache = new Map<string, Promise<string>>();

/** The form page's script (form host, PCF context, Xrm), bundled for the browser once per root. */
export function buildPageScript(rootDir: string): Promise<string> {
  let script = cache.get(rootDir);
  if (!script) {
    script = build({
      entryPoints: [path.join(rootDir, "harness/page/formPage.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2019",
      sourcemap: "inline",
      logLevel: "silent",
    }).then((result) => result.outputFiles[0].text);
    script.catch(() => cache.delete(rootDir));
    cache.set(rootDir, script);
  }
  return script;
}
