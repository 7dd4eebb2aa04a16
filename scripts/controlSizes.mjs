// The code components' bundle size limits, checked by the build (pcf-scripts owns the controls' webpack, so
// webpack cannot check them) and reported by the benchmarks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const KiB = 1024;
/** Per control folder, built to out/controls/<folder>/bundle.js; a gzip limit of null: reported, not limited. */
export const CONTROL_SIZE_LIMITS = [
  // 40 KiB until issue 13 (the PCF-events bridge and robustness work), 48 KiB / 18 KiB gzip until issue 16 (record
  // names and links, the outline's branches, collapse and filter, the three-way dialogs and focus, provenance):
  // README's benchmarks section says what each added.
  { folder: "JourneyControl", label: "Control bundle", minified: 52 * KiB, gzip: 20 * KiB },
  { folder: "JourneysView", label: "Journeys view bundle (dataset control)", minified: 40 * KiB, gzip: null },
];

export const bundleFile = (folder) => `out/controls/${folder}/bundle.js`;

/**
 * The limits of each control whose source (<folder>/ControlManifest.Input.xml) is in the tree, with its bundle's
 * sizes in bytes (null when it is not built).
 */
export function measureControls(root) {
  return CONTROL_SIZE_LIMITS.filter(({ folder }) =>
    existsSync(path.join(root, folder, "ControlManifest.Input.xml")),
  ).map((limits) => {
    const file = path.join(root, bundleFile(limits.folder));
    if (!existsSync(file)) return { ...limits, bytes: null, gzipBytes: null };
    const bundle = readFileSync(file);
    return { ...limits, bytes: bundle.length, gzipBytes: gzipSync(bundle, { level: 9 }).length };
  });
}

/** A missing bundle, one over a limit, or a built control that has no limit here. */
export function sizeProblems(root, measured) {
  const known = new Set(CONTROL_SIZE_LIMITS.map(({ folder }) => folder));
  const controlsDir = path.join(root, "out", "controls");
  const built = existsSync(controlsDir) ? readdirSync(controlsDir, { withFileTypes: true }) : [];
  return [
    ...built
      .filter((entry) => entry.isDirectory() && !known.has(entry.name))
      .map((entry) => `out/controls/${entry.name} has no size limit: add one to scripts/controlSizes.mjs`),
    ...measured.flatMap(({ folder, minified, gzip, bytes, gzipBytes }) => {
      if (bytes === null)
        return [`${bundleFile(folder)} is missing although ${folder}/ControlManifest.Input.xml exists`];
      return [
        ...(bytes > minified
          ? [`${bundleFile(folder)} is too large: ${bytes} bytes, over its limit of ${minified}`]
          : []),
        ...(gzip !== null && gzipBytes > gzip
          ? [`${bundleFile(folder)} is too large: ${gzipBytes} bytes gzip (level 9), over its limit of ${gzip}`]
          : []),
      ];
    }),
  ];
}
