// Builds the code components and the form web resource when missing or older than their sources, so what
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

  // What the browser drives must be built from the current sources: missing or older outputs are rebuilt. One
  // pcf-scripts build makes every code component, so it runs when any of their bundles is missing or stale; the
  // dataset control counts once its folder (JourneysView/ControlManifest.Input.xml) is in the tree.
  const sharedControlSources = [
    "src/ui",
    "src/journey",
    "src/dataverse",
    "src/strings",
    "webpack.config.js",
    "featureconfig.json",
  ];
  const builds = [
    {
      args: ["run", "build:control"],
      outputs: [
        [
          "out/controls/JourneyControl/bundle.js",
          ["src/index.ts", "src/bridge", "JourneyControl", ...sharedControlSources],
        ],
        ...(existsSync(path.join(root, "JourneysView", "ControlManifest.Input.xml"))
          ? [["out/controls/JourneysView/bundle.js", ["src/journeysView.ts", "JourneysView", ...sharedControlSources]]]
          : []),
      ],
    },
    {
      args: ["run", "build:form"],
      outputs: [
        [
          "out/webresources/form.js",
          ["src/form", "src/journey", "src/bridge", "src/strings", "webpack.form.config.js"],
        ],
      ],
    },
  ];
  for (const { args, outputs } of builds) {
    const reasons = outputs.flatMap(([file, sources]) => {
      const output = path.join(root, file);
      if (!existsSync(output)) return [`${file} is missing`];
      return statSync(output).mtimeMs < newestSource(sources) ? [`${file} is older than its sources`] : [];
    });
    if (reasons.length === 0) continue;
    log(`${reasons.join(", ")}: npm ${args.join(" ")}`);
    const result = spawnSync("npm", args, { cwd: root, stdio: ["ignore", process.stderr, process.stderr], env });
    if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    // webpack leaves an unchanged output untouched; mark it as current so the next run does not build again.
    const now = new Date();
    for (const [file] of outputs) utimesSync(path.join(root, file), now, now);
  }
}
