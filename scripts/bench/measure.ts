// Measurements for `npm run bench`: prints one JSON object on stdout (scripts/bench.mjs makes the table).
// Run with: node --import tsx scripts/bench/measure.ts <roundTrips|goLiveBytes|faultMatrix|localChecks|panel|outline|outlineSpeed|findingMerge|typingLatency|nameLookups|journeysView|journeysViewBulkCheck>
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { faultMatrix } from "./faultMatrix";
import { journeysViewBulkCheck, journeysViewRender } from "./journeysView";
import { nameLookups } from "./nameLookups";
import { outlineSpeed } from "./outlineSpeed";
import { typingLatency } from "./typingLatency";

const ROOT = path.resolve(__dirname, "../..");
const which = process.argv[2];

/** Median of `runs` timings of `work` (after `warmup` untimed runs). */
function median(work: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Medians of two pieces of work measured alternately, so both see the same machine load. */
function interleaved(a: () => void, b: () => void, runs: number): [number, number] {
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    timesA.push(median(a, 1, 0));
    timesB.push(median(b, 1, 0));
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [mid(timesA), mid(timesB)];
}

async function roundTrips(): Promise<unknown> {
  const { startHarness } = await import("../../harness/server");
  const { SEED_IDS } = await import("../../harness/seed/seedData");
  const { createWebApiClient } = await import("../../harness/xrm/webApiClient");
  const { createJourneyService } = await import("../../src/dataverse/journeyService");
  // Going live takes 7 s here, so the settle wait polls several times and its spacing shows.
  const lifecycleMs = 7_000;
  const harness = await startHarness({ port: 0, goLiveDelayMs: lifecycleMs, rootDir: ROOT });
  try {
    const apiLog = async () =>
      (
        (await (await fetch(`${harness.url}/_harness/log`)).json()) as { method: string; path: string; time: string }[]
      ).filter((e) => e.path.startsWith("/api/"));
    const clear = () => fetch(`${harness.url}/_harness/log`, { method: "DELETE" });
    const service = createJourneyService({ webApi: createWebApiClient({ baseUrl: `${harness.url}/api/data/v9.2/` }) });
    const id = SEED_IDS.journeys.seedPatch;

    await clear();
    const snapshot = await service.load(id);
    const open = (await apiLog()).length;

    await clear();
    await service.check(snapshot.record);
    const check = (await apiLog()).length;

    await clear();
    const outcome = await service.transition(snapshot, "goLive");
    if (!outcome.done) throw new Error(`go live was refused: ${outcome.reason}`);
    const goLive = (await apiLog()).length;

    await clear();
    const started = Date.now();
    const settled = await service.waitUntilSettled(id);
    const settleMs = Date.now() - started;
    const polls = (await apiLog()).map((e) => Date.parse(e.time));
    const gaps = polls.slice(1).map((t, i) => t - polls[i]);
    const firstGap = polls.length > 0 ? polls[0] - started : 0;
    return {
      open,
      check,
      goLive,
      polls: polls.length,
      settleMs,
      settledStatus: settled.status,
      shortestGapMs: Math.min(firstGap, ...gaps),
      lifecycleMs,
    };
  } finally {
    await harness.stop();
  }
}

interface Traffic {
  requests: number;
  sent: number;
  received: number;
}

/** The most tiles whose definition the column holds (msdyncrm_workflowdefinition: 1,048,576 characters at most). */
function largestStorableTiles(largeDefinition: (tiles: number) => string): number {
  let fits = 1;
  let tooMany = 5_000;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (largeDefinition(middle).length <= 1_048_576) fits = middle;
    else tooMany = middle;
  }
  return fits;
}

/**
 * Bytes on the wire for one go live of the largest journey the org stores (a 5,000-tile definition is
 * 1.7 MB, over the column's limit), from opening it to Live, by request kind: sent = request URL (path
 * and query) and body, received = response body (headers, alike for every request, are left out).
 */
async function goLiveBytes(): Promise<unknown> {
  const { startHarness } = await import("../../harness/server");
  const { SEED_IDS, largeDefinition } = await import("../../harness/seed/seedData");
  const { createWebApiClient } = await import("../../harness/xrm/webApiClient");
  const { createJourneyService } = await import("../../src/dataverse/journeyService");
  const { createIfMatchWrites } = await import("../../src/dataverse/ifMatchWrites");
  const harness = await startHarness({ port: 0, goLiveDelayMs: 3_000, rootDir: ROOT });
  try {
    const id = SEED_IDS.journeys.large;
    const tiles = largestStorableTiles(largeDefinition);
    const definition = largeDefinition(tiles);
    const base = `${harness.url}/api/data/v9.2/`;
    const prepared = await fetch(`${base}msdyncrm_customerjourneys(${id})`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ msdyncrm_workflowdefinition: definition }),
    });
    if (!prepared.ok) throw new Error(`could not store the ${tiles}-tile definition: HTTP ${prepared.status}`);

    let phase: "open" | "go live" | "follow" = "open";
    const traffic: Record<string, Traffic> = {};
    const kindOf = (method: string): string => {
      if (phase === "open") return "open";
      if (phase === "follow") return "follow";
      if (method === "POST") return "check";
      return method === "GET" ? "conflict re-read" : "status write";
    };
    const counting = (async (input: string | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      const received = (await response.clone().arrayBuffer()).byteLength;
      const url = new URL(String(input));
      const kind = kindOf(init?.method ?? "GET");
      const entry = (traffic[kind] ??= { requests: 0, sent: 0, received: 0 });
      entry.requests += 1;
      entry.sent +=
        Buffer.byteLength(url.pathname + url.search) + (init?.body ? Buffer.byteLength(String(init.body)) : 0);
      entry.received += received;
      return response;
    }) as typeof fetch;
    const webApi = createWebApiClient({ baseUrl: base, fetch: counting });
    const service = createJourneyService({
      webApi: { ...webApi, ifMatch: createIfMatchWrites(harness.url, counting) },
    });

    const snapshot = await service.load(id);
    phase = "go live";
    const outcome = await service.transition(snapshot, "goLive", { confirmWarnings: async () => true });
    if (!outcome.done) throw new Error(`go live was refused: ${outcome.reason}`);
    phase = "follow";
    const settled = await service.waitUntilSettled(id);
    if (settled.status !== 192350001) throw new Error(`settled as ${settled.status}, not Live`);
    const total = Object.values(traffic).reduce((sum, entry) => sum + entry.sent + entry.received, 0);
    // The definition as it travels: a JSON string, its quotes escaped.
    const definitionBytes = Buffer.byteLength(JSON.stringify(definition));
    return {
      tiles,
      definitionChars: definition.length,
      definitionBytes,
      total,
      ratio: total / definitionBytes,
      traffic,
    };
  } finally {
    await harness.stop();
  }
}

async function localChecks(): Promise<unknown> {
  const { largeDefinition } = await import("../../harness/seed/seedData");
  const { runLocalChecks } = await import("../../src/journey/localChecks");
  const definition = largeDefinition(5_000);
  const record = {
    msdyncrm_name: "Benchmark journey",
    statuscode: 192350000,
    msdyncrm_startdatetime: "2027-01-05T09:00:00Z",
    msdyncrm_enddatetime: "2027-06-05T09:00:00Z",
    msdyncrm_isrecurring: true,
    msdyncrm_recurrenceintervaldays: 30,
    msdyncrm_recurrencecount: 4,
    msdyncrm_workflowdefinition: definition,
  };
  const tiles = (JSON.parse(definition) as unknown[]).length;
  const findings = runLocalChecks(record).entries.length;
  const [checkMs, parseMs] = interleaved(
    () => runLocalChecks(record),
    () => JSON.parse(definition),
    25,
  );
  return { tiles, bytes: Buffer.byteLength(definition), findings, checkMs, parseMs, ratio: checkMs / parseMs };
}

/** A jsdom document as the global one, for React to render into; answers an empty container in it. */
async function jsdomContainer(): Promise<HTMLElement> {
  const { JSDOM } = await import("jsdom");
  // Fluent warns once per unregistered icon name; the real page registers them, jsdom does not need to.
  console.warn = () => undefined;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const globals = globalThis as Record<string, unknown>;
  for (const key of [
    "window",
    "document",
    "navigator",
    "HTMLElement",
    "Node",
    "getComputedStyle",
    "requestAnimationFrame",
    "cancelAnimationFrame",
  ]) {
    if (!(key in globals) || key === "navigator")
      Object.defineProperty(globals, key, {
        value: (dom.window as unknown as Record<string, unknown>)[key],
        configurable: true,
        writable: true,
      });
  }
  const container = dom.window.document.createElement("div");
  dom.window.document.body.append(container);
  return container as unknown as HTMLElement;
}

/** The shipped English strings, as the control's Localise. */
async function englishLocalise() {
  const { readResxStrings } = await import("../resx");
  const { localiserFor } = await import("../../src/ui/strings");
  const strings = readResxStrings(readFileSync(path.join(ROOT, "src/strings/JourneyControl.1033.resx"), "utf8"));
  return localiserFor((key: string) => strings[key] ?? "", 1033);
}

async function panel(): Promise<unknown> {
  const container = await jsdomContainer();
  const React = await import("react");
  const ReactDOM = await import("react-dom");
  const { ValidationPanel } = await import("../../src/ui/ValidationPanel");
  const { shownReport } = await import("../../src/ui/validationGroups");
  const { parseDefinition } = await import("../../src/journey/workflowDefinition");
  const { largeDefinition } = await import("../../harness/seed/seedData");
  const localise = await englishLocalise();

  const definition = parseDefinition(largeDefinition(300));
  const tileIds = definition.tiles.map((tile) => tile.activityId);
  const count = 1_000;
  const entries = Array.from({ length: count }, (_, i) => ({
    activityId: i % 10 === 0 ? "" : tileIds[i % tileIds.length],
    fault: i % 2 === 0 ? "ErrorEmailNotLive" : "ErrorSegmentNotFound",
    severity: (i % 3 === 0 ? "Warning" : "Error") as "Warning" | "Error",
    args: [`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`],
    source: "server" as const,
  }));
  const shown = shownReport({ verdict: "Error", entries }, "form", null);

  const panelElement = () =>
    React.createElement(ValidationPanel, {
      shown,
      about: ["Bench journey", "", "Draft", ""],
      formatDateTime: () => "",
      languageId: 1033,
      now: () => new Date(),
      definition,
      records: { names: new Map(), open: () => undefined },
      selectedId: null,
      onSelect: () => undefined,
      localise,
    });
  const renderPanel = () => {
    ReactDOM.render(panelElement(), container);
    ReactDOM.unmountComponentAtNode(container);
  };
  const renderList = () => {
    ReactDOM.render(
      React.createElement(
        "ul",
        null,
        entries.map((entry, i) => React.createElement("li", { key: i }, `${entry.fault} ${entry.args[0]}`)),
      ),
      container,
    );
    ReactDOM.unmountComponentAtNode(container);
  };
  ReactDOM.render(panelElement(), container);
  const shownEntries = container.querySelectorAll("li").length;
  ReactDOM.unmountComponentAtNode(container);
  const [panelMs, listMs] = interleaved(renderPanel, renderList, 9);
  return { entries: count, shownEntries, panelMs, listMs, ratio: panelMs / listMs, engine: "jsdom" };
}

/** The outline of a 20,000-deep chain against that of a 500-deep one (one page of rows): render + unmount, each. */
async function outline(): Promise<unknown> {
  const container = await jsdomContainer();
  const React = await import("react");
  const ReactDOM = await import("react-dom");
  const { JourneyOutline } = await import("../../src/ui/JourneyOutline");
  const { parseDefinition } = await import("../../src/journey/workflowDefinition");
  const localise = await englishLocalise();
  const chain = (depth: number) =>
    parseDefinition(
      JSON.stringify([
        { ActivityTypeId: "bpf_root", ActivityId: "01" },
        ...Array.from({ length: depth }, (_, i) => ({
          ActivityTypeId: "Email",
          ActivityId: `e${i}`,
          ParentActivityId: i === 0 ? "01" : `e${i - 1}`,
        })),
      ]),
    );
  const renderOutline = (definition: ReturnType<typeof chain>) => () => {
    ReactDOM.render(
      React.createElement(JourneyOutline, {
        definition,
        countsByTile: new Map(),
        records: { names: new Map(), open: () => undefined },
        selectedId: null,
        onSelect: () => undefined,
        localise,
      }),
      container,
    );
    ReactDOM.unmountComponentAtNode(container);
  };
  const [depth, shortDepth] = [20_000, 500];
  const [deepMs, shortMs] = interleaved(renderOutline(chain(depth)), renderOutline(chain(shortDepth)), 9);
  return { depth, shortDepth, deepMs, shortMs, ratio: deepMs / shortMs, engine: "jsdom" };
}

/** The findings of a large check: every entry reported by both checks, on 14,000 tiles, some tiles with two. */
async function findingMerge(): Promise<unknown> {
  const { mergeFindings } = await import("../../src/journey/findings");
  const count = 40_000;
  const tiles = 14_000;
  const entries = Array.from({ length: count }, (_, i) => {
    const finding = Math.floor(i / 2);
    return {
      activityId: `01_${finding % tiles}`,
      fault: finding % 3 === 0 ? "ErrorEmailNotLive" : "ErrorSegmentNotLive",
      severity: "Error" as const,
      args: [`00000000-0000-4000-8000-${String(finding).padStart(12, "0")}`],
      source: i % 2 === 0 ? ("local" as const) : ("server" as const),
    };
  });
  const findings = mergeFindings(entries).length;
  return { entries: count, tiles, findings, mergeMs: median(() => mergeFindings(entries), 15) };
}

const tasks: Record<string, () => Promise<unknown>> = {
  roundTrips,
  goLiveBytes,
  faultMatrix: () => faultMatrix(ROOT),
  localChecks,
  panel,
  outline,
  outlineSpeed: () => outlineSpeed(ROOT),
  findingMerge,
  typingLatency: () => typingLatency(ROOT),
  nameLookups: () => nameLookups(ROOT),
  journeysView: () => journeysViewRender(ROOT),
  journeysViewBulkCheck: () => journeysViewBulkCheck(ROOT),
};
const task = tasks[which ?? ""];
if (!task) {
  console.error(`Usage: measure.ts <${Object.keys(tasks).join("|")}>`);
  process.exit(2);
}
task().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
