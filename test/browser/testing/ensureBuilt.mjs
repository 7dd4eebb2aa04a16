// Builds the control and the form web resource when missing or older than their sources, so what
// the browser suite and the benchmarks measure is the current code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

export function ensureBuilt(root, log = console.log) {
  const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
  /** The newest modification time of the sources (tests left out) under `entries`. */
  function newestSource(entries) {
    let newest = 0;
    const visit = (entry) => {
      const full = path.join(root, entry);
      if (!existsSync(full)) return;
      const stat = statSync(full);
      if (stat.isDirectory()) for (const name of readdirSync(full)) visit(path.join(entry, name));
      else if (!/\.test\.tsx?$/.test(entry) && !entry.includes(`${path.sep}testing${path.sep}`))
        newest = Math.max(newest, stat.mtimeMs);
    };
    entries.forEach(visit);
    return newest;
  }

  // What the browser drives must be built from the current sources: missing or older outputs are rebuilt.
  const builds = [
    [
      "out/controls/JourneyControl/bundle.js",
      ["run", "build:control"],
      [
        "src/index.ts",
        "src/ui",
        "src/journey",
        "src/dataverse",
        "src/bridge",
        "src/strings",
        "JourneyControl",
        "webpack.config.js",
        "featureconfig.json",
      ],
    ],
    [
      "out/webresources/form.js",
      ["run", "build:form"],
      ["src/form", "src/journey", "src/bridge", "src/strings", "webpack.form.config.js"],
    ],
  ];
  for (const [file, args, sources] of builds) {
    const output = path.join(root, file);
    const stale = existsSync(output) && statSync(output).mtimeMs < newestSource(sources);
    if (existsSync(output) && !stale) continue;
    log(`${file} is ${stale ? "older than its sources" : "missing"}: npm ${args.join(" ")}`);
    const result = spawnSync("npm", args, { cwd: root, stdio: ["ignore", process.stderr, process.stderr], env });
    if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    // webpack leaves an unchanged output untouched; mark it as current so the next run does not build again.
    const now = new Date();
    utimesSync(output, now, now);
  }
}
