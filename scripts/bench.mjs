// npm run bench: production sizes, round trips per action, bytes per go live, the fault matrix, local-check, panel- and outline-render ratios, the outline's render and filter times in Chromium, the finding merge, the typed-change latency in Chromium, the name lookups of a check, the journeys view's first render, scroll and bulk check in Chromium, as a
// Markdown table with each goal and whether it is met. Builds what is missing first. No timing here
// is asserted by a test; figures depend on the machine.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { ensureBuilt } from "../test/browser/testing/ensureBuilt.mjs";
import { bundleFile, measureControls } from "./controlSizes.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    ...options,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? "");
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return result.stdout;
}

// Sizes and behaviour of the current code: outputs missing or older than their sources are rebuilt.
ensureBuilt(root, (line) => console.error(line));

const measure = (task) => {
  console.error(`measuring ${task}…`);
  return JSON.parse(
    run(process.execPath, ["--import", "tsx", "scripts/bench/measure.ts", task]).trim().split("\n").pop(),
  );
};

const KiB = 1024;
const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;
const size = (file) => {
  const content = readFileSync(path.join(root, file));
  return { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
};

const rows = [];
const row = (measureName, value, goal, met) =>
  rows.push([measureName, value, goal, met === undefined ? "—" : met ? "yes" : "**no**"]);

const builtAt = (file) => statSync(path.join(root, file)).mtime.toISOString().slice(0, 16).replace("T", " ");
// A row per code component whose source is in the tree (the dataset control once its folder exists).
for (const { folder, label, minified, gzip, bytes, gzipBytes } of measureControls(root)) {
  row(
    `${label} (${bundleFile(folder)}, production)`,
    `${kib(bytes)} (${kib(gzipBytes)} gzip)`,
    `≤ ${minified / KiB} KiB${gzip === null ? " (gzip reported)" : ` (≤ ${gzip / KiB} KiB gzip)`}`,
    bytes <= minified && (gzip === null || gzipBytes <= gzip),
  );
}
const form = size("out/webresources/form.js");
row(
  "Form web resource (out/webresources/form.js, production)",
  `${kib(form.bytes)} (${kib(form.gzip)} gzip)`,
  "≤ 36 KiB",
  form.bytes <= 36 * KiB,
);
// The form script's strings ship beside it as String (RESX) web resources, read with Xrm.Utility.getResourceString.
for (const lcid of [1033, 1031]) {
  const resx = size(`out/webresources/strings/form.${lcid}.resx`);
  row(
    `Form strings, RESX web resource (out/webresources/strings/form.${lcid}.resx)`,
    `${kib(resx.bytes)} (${kib(resx.gzip)} gzip)`,
    "none set (reported)",
    undefined,
  );
}

const trips = measure("roundTrips");
row("Round trips: open a journey", String(trips.open), "≤ 1", trips.open <= 1);
row("Round trips: check for errors", String(trips.check), "= 1", trips.check === 1);
row("Round trips: go live (after a check)", String(trips.goLive), "= 2", trips.goLive === 2);
row(
  `Polling until Live (service took ${trips.lifecycleMs / 1000} s)`,
  `${trips.polls} reads in ${(trips.settleMs / 1000).toFixed(1)} s, shortest gap ${(trips.shortestGapMs / 1000).toFixed(2)} s`,
  "≤ 1 per 2 s",
  trips.shortestGapMs >= 2000,
);

const bytes = measure("goLiveBytes");
const perKind = Object.entries(bytes.traffic)
  .map(([kind, t]) => `${kind}${t.requests > 1 ? ` (${t.requests})` : ""} ${kib(t.sent + t.received)}`)
  .join(", ");
row(
  `Bytes, one go live of a ${bytes.tiles.toLocaleString("en-US")}-tile journey, open to Live (definition ${kib(bytes.definitionBytes)} as JSON; 5,000 tiles exceed the column)`,
  `${kib(bytes.total)} = ${bytes.ratio.toFixed(2)}× the definition: ${perKind}`,
  "≤ 2.1× the definition",
  bytes.ratio <= 2.1,
);

const matrix = measure("faultMatrix");
for (const mismatch of matrix.mismatches) console.error(`fault matrix mismatch: ${mismatch}`);
row(
  `Fault matrix (${matrix.operations} operations × ${matrix.faults} faults, emulated org; the hang runs last up to ${Math.ceil(matrix.longestHangMs / 1000)} s, the request timeout)`,
  `${matrix.runs} runs, ${matrix.clear} ended clear and matching`,
  "all",
  matrix.clear === matrix.runs,
);

const checks = measure("localChecks");
row(
  `Local checks, ${checks.tiles.toLocaleString("en-US")}-tile definition (${kib(checks.bytes)})`,
  `${checks.checkMs.toFixed(1)} ms vs JSON.parse ${checks.parseMs.toFixed(1)} ms = ${checks.ratio.toFixed(2)}×`,
  "≤ 3× JSON.parse",
  checks.ratio <= 3,
);

const panel = measure("panel");
row(
  `Validation panel, ${panel.entries.toLocaleString("en-US")} entries (${panel.engine}, React 16 render + unmount)`,
  `${panel.panelMs.toFixed(0)} ms vs 1,000 plain list items ${panel.listMs.toFixed(1)} ms = ${panel.ratio.toFixed(1)}×`,
  "none set (reported)",
  undefined,
);

const outline = measure("outline");
row(
  `Outline render, ${outline.depth.toLocaleString("en-US")}-deep chain (${outline.engine}, React 16 render + unmount)`,
  `${outline.deepMs.toFixed(0)} ms vs a ${outline.shortDepth}-deep chain ${outline.shortMs.toFixed(0)} ms = ${outline.ratio.toFixed(1)}×`,
  "none set (reported)",
  undefined,
);

const outlineSpeed = measure("outlineSpeed");
for (const size of outlineSpeed.sizes) {
  const goal = size.tiles === 300 ? 100 : undefined;
  row(
    `Outline of a ${size.tiles.toLocaleString("en-US")}-tile journey (Chromium, to the painted frame, with the control's CSS; median of ${outlineSpeed.runs}): first render (${size.rows} rows), filter "${outlineSpeed.filter}" (${size.filteredRows} rows)`,
    `${size.renderMs.toFixed(1)} ms, ${size.filterMs.toFixed(1)} ms`,
    goal === undefined ? "none set (reported)" : `≤ ${goal} ms each`,
    goal === undefined ? undefined : size.renderMs <= goal && size.filterMs <= goal,
  );
}

const merge = measure("findingMerge");
row(
  `Finding merge, ${merge.entries.toLocaleString("en-US")} entries (both checks, ${merge.tiles.toLocaleString("en-US")} tiles)`,
  `${merge.mergeMs.toFixed(1)} ms (${merge.findings.toLocaleString("en-US")} findings)`,
  "none set (reported)",
  undefined,
);

const latency = measure("typingLatency");
const latencyGoals = { 300: 16, 5000: 50 };
for (const size of latency.sizes) {
  const goal = latencyGoals[size.tiles];
  row(
    `Typed change to updated findings, ${size.tiles.toLocaleString("en-US")}-tile journey (Chromium; change event to panel DOM change, minus the ${latency.settleMs} ms debounce)`,
    `${latency.changes} changes: median ${size.medianMs.toFixed(1)} ms, p95 ${size.p95Ms.toFixed(1)} ms (from the debounce timer firing: ${size.sinceSettleMedianMs.toFixed(1)} / ${size.sinceSettleP95Ms.toFixed(1)} ms)`,
    `≤ ${goal} ms (median and p95)`,
    size.medianMs <= goal && size.p95Ms <= goal,
  );
}

const lookups = measure("nameLookups");
const { check } = lookups;
row(
  `Requests of a check, journey referring to ${lookups.segments} segments and ${lookups.emails} emails (Chromium, form page; ${lookups.findings} findings, each naming its record)`,
  `${check.validate} validate, name lookups: ${check.segmentLookups} segments, ${check.emailLookups} emails` +
    (check.other.length > 0 ? `; other: ${check.other.join(", ")}` : "") +
    ` (on open: ${lookups.onOpen.segmentLookups} + ${lookups.onOpen.emailLookups} lookups)`,
  "validate + at most 1 per table",
  check.validate === 1 && check.segmentLookups <= 1 && check.emailLookups <= 1 && check.other.length === 0,
);

const view = measure("journeysView");
const n = (count) => count.toLocaleString("en-US");
row(
  `Journeys view, first render of ${n(view.journeys)} journeys (Chromium, harness view page, page size ${n(view.records)}; median of ${view.runs} loads): the updateView with the journeys to the rows laid out (${view.rowsFilled} rows fill the list)`,
  `${view.filledMs.toFixed(0)} ms (from init, the ${n(view.journeys)} journeys read from the emulated org: ${view.fromInitMs.toFixed(0)} ms)`,
  "≤ 300 ms",
  view.filledMs <= 300,
);
const { scroll } = view;
row(
  `Journeys view, scroll through ${n(scroll.rows)} rows (one visible height per animation frame, to row ${n(scroll.lastIndex + 1)})`,
  `${(scroll.totalMs / 1000).toFixed(1)} s, ${scroll.frames} frames: longest ${scroll.longestFrameMs.toFixed(0)} ms, ${scroll.longFrames} over ${view.longFrameMs} ms` +
    (scroll.nudges ? `; at the bottom ${scroll.nudges} one-pixel scrolls up before the last row was drawn` : ""),
  "none set (reported)",
  undefined,
);
const bulkCheck = measure("journeysViewBulkCheck");
row(
  `Journeys view, bulk check of ${bulkCheck.journeys} journeys (Chromium, emulated org of ${bulkCheck.journeys}, all selected; request log)`,
  `${bulkCheck.succeeded} checked: ${bulkCheck.requests} requests = ${(bulkCheck.requests / bulkCheck.journeys).toFixed(1)} per journey (${bulkCheck.reads} reads, ${bulkCheck.validates} validate, ${bulkCheck.writes} writes; other: ${bulkCheck.other}, the list's refresh), ${(bulkCheck.wallMs / 1000).toFixed(1)} s (server ${(bulkCheck.serverMs / 1000).toFixed(1)} s), at most ${bulkCheck.mostInFlight} in flight`,
  "≤ 3 per journey, ≤ 2 in flight",
  bulkCheck.requests <= 3 * bulkCheck.journeys && bulkCheck.mostInFlight <= 2,
);

const header = ["Measure", "Result", "Goal", "Met"];
const lines = [header, ["---", "---", "---", "---"], ...rows].map((cells) => `| ${cells.join(" | ")} |`);
console.log(lines.join("\n"));
console.log(
  `\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}; sizes of the builds in out/ (control built ${builtAt("out/controls/JourneyControl/bundle.js")} UTC, ` +
    `web resource ${builtAt("out/webresources/form.js")} UTC, rebuilt when older than their sources); times are medians of interleaved runs on this machine.`,
);
