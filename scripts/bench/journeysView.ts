// The journeys view's figures for `npm run bench`, in Chromium against the emulated org's view page: the first
// render of 5,000 journeys and a scroll through them, and the requests and time of a bulk check of 100.
import { mostInFlight, type LogEntry } from "../../harness/faults";
import { seedData } from "../../harness/seed/seedData";
import { startHarness } from "../../harness/server";
import { launchChromium } from "./chromium";
import type { Page } from "playwright-core";

const JOURNEYS = 5_000;
const RUNS = 7;
const WARMUP_RUNS = 1;
const CHECKED = 100;
/** A frame longer than this is a visible stutter. */
const LONG_FRAME_MS = 50;
const VALIDATE = "msdyncrm_CustomerJourneyValidate";

/**
 * In the page before its scripts (a string: the page has none of tsx's helpers): wraps the control class the
 * bundle registers, noting when init ran and when the first updateView carrying the journeys came, then, right
 * after the host's synchronous render of it (a microtask), when the rows were laid out; and the first animation
 * frame in which the rows fill the list's visible height. The bench's own instrument, not the product's.
 */
const INSTRUMENT = `(() => {
  const bench = (window.viewBench = {});
  let framework;
  Object.defineProperty(window, "ComponentFramework", {
    configurable: true,
    get: () => framework,
    set: (platform) => {
      framework = {
        registerControl: (name, Control) =>
          platform.registerControl(name, class extends Control {
            init(...args) {
              bench.initAt = performance.now();
              return super.init(...args);
            }
            updateView(context) {
              const dataset = Object.values(context.parameters).find((value) => value && value.sortedRecordIds);
              if (bench.dataAt === undefined && dataset && !dataset.loading && dataset.sortedRecordIds.length) {
                bench.dataAt = performance.now();
                bench.records = dataset.sortedRecordIds.length;
                queueMicrotask(() => {
                  const list = document.querySelector(".cjv-list");
                  list.getBoundingClientRect();
                  bench.laidOutAt = performance.now();
                  bench.rowsAtFirst = list.querySelectorAll(".ms-DetailsRow").length;
                  const filled = () => {
                    const rows = list.querySelectorAll(".ms-DetailsRow");
                    const last = rows[rows.length - 1];
                    if (last && last.getBoundingClientRect().bottom >= list.getBoundingClientRect().bottom) {
                      bench.filledAt = performance.now();
                      bench.rowsFilled = rows.length;
                    } else requestAnimationFrame(filled);
                  };
                  filled();
                });
              }
              return super.updateView(context);
            }
          }),
      };
    },
  });
})();`;

interface RenderTiming {
  initAt: number;
  dataAt: number;
  laidOutAt: number;
  filledAt: number;
  records: number;
  rowsAtFirst: number;
  rowsFilled: number;
}

interface ScrollTiming {
  totalMs: number;
  frames: number;
  longestFrameMs: number;
  longFrames: number;
  rows: number;
  lastIndex: number;
  /** Frames at the bottom of the list before its last row was drawn, each after a one-pixel scroll up. */
  nudges: number;
}

/**
 * In the page: scrolls the list down one visible height per animation frame until it is at the bottom with its
 * last row rendered; answers the total time, the frames and the longest of them, and the rows the list holds.
 * No local functions: tsx would wrap them in a helper the page does not have.
 */
async function scrollThrough(longFrameMs: number): Promise<ScrollTiming> {
  const list = document.querySelector(".cjv-list") as HTMLElement;
  const rows = Number(document.querySelector("[role=grid]")?.getAttribute("aria-rowcount") ?? 0) - 1;
  const started = performance.now();
  const frames: number[] = [];
  let last = started;
  let nudges = 0;
  for (;;) {
    list.scrollTop += list.clientHeight;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    const shown = list.querySelectorAll(".ms-DetailsRow[data-item-index]");
    const lastIndex = Number(shown[shown.length - 1]?.getAttribute("data-item-index") ?? -1);
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
    if (atBottom && lastIndex === rows - 1) {
      const longFrames = frames.filter((frame) => frame > longFrameMs).length;
      const longestFrameMs = Math.max(...frames);
      return { totalMs: now - started, frames: frames.length, longestFrameMs, longFrames, rows, lastIndex, nudges };
    }
    if (now - started > 120_000)
      throw new Error(`The list did not reach its last row in 120 s (at row ${lastIndex} of ${rows}).`);
    // At the bottom before the last rows are drawn (the list drew them at its estimated heights): a scroll of
    // one pixel up, as a wheel would, makes it draw again; counted.
    if (atBottom) {
      list.scrollTop -= 1;
      nudges += 1;
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function openView(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/journeys`);
  await page.locator("#view-root[aria-busy=false]").waitFor();
  await page.locator("[data-journey]").first().waitFor({ timeout: 60_000 });
}

/** The first render of the view with 5,000 generated journeys (median of RUNS page loads), then a scroll through them. */
export async function journeysViewRender(root: string): Promise<unknown> {
  const harness = await startHarness({ port: 0, rootDir: root, journeys: JOURNEYS });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: "UTC" });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const timings: RenderTiming[] = [];
    for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
      await openView(page, harness.url);
      await page.waitForFunction(() => (window as unknown as { viewBench: RenderTiming }).viewBench.filledAt);
      const timing = await page.evaluate(() => (window as unknown as { viewBench: RenderTiming }).viewBench);
      if (run >= WARMUP_RUNS) timings.push(timing);
    }
    const [first] = timings;
    if (timings.some((timing) => timing.records !== JOURNEYS))
      throw new Error(`The view got ${timings.map((t) => t.records).join(", ")} journeys, not ${JOURNEYS}.`);
    const scroll = await page.evaluate(scrollThrough, LONG_FRAME_MS);
    if (scroll.rows !== JOURNEYS) throw new Error(`The list holds ${scroll.rows} rows, not ${JOURNEYS}.`);
    return {
      journeys: JOURNEYS,
      runs: RUNS,
      records: first.records,
      rowsAtFirst: first.rowsAtFirst,
      rowsFilled: first.rowsFilled,
      laidOutMs: median(timings.map((t) => t.laidOutAt - t.dataAt)),
      filledMs: median(timings.map((t) => t.filledAt - t.dataAt)),
      fromInitMs: median(timings.map((t) => t.filledAt - t.initAt)),
      longFrameMs: LONG_FRAME_MS,
      scroll,
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}

/**
 * A bulk check of 100 journeys through the view, in a window of the usual size: an org of 100 (the seed and
 * generated ones), all selected from the list's header. The requests it made (the harness's log), its time and
 * concurrency.
 */
export async function journeysViewBulkCheck(root: string): Promise<unknown> {
  const seeded = seedData().msdyncrm_customerjourneys.length;
  const harness = await startHarness({ port: 0, rootDir: root, journeys: CHECKED - seeded });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: "UTC" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await openView(page, harness.url);
    await page.getByRole("checkbox", { name: "Select all journeys" }).click();
    const selected = (await page.locator("#view-control").textContent()) ?? "";
    if (!selected.includes(`${CHECKED} journeys selected`)) throw new Error(`Not ${CHECKED} selected: ${selected}`);
    await fetch(`${harness.url}/_harness/log`, { method: "DELETE" });
    const started = Date.now();
    await page.locator('button[data-bulk="check"]').click();
    await page.locator('[data-progress="finished"]').waitFor({ timeout: 300_000 });
    const wallMs = Date.now() - started;
    const finished = (await page.locator('[data-progress="finished"]').textContent()) ?? "";
    // The list's refresh after the run reads the view's page; the rest are the journeys' own requests.
    await page.waitForTimeout(500);
    const log = ((await (await fetch(`${harness.url}/_harness/log`)).json()) as LogEntry[]).filter((entry) =>
      entry.path.startsWith("/api/"),
    );
    const own = log.filter((entry) => entry.path.includes(VALIDATE) || /\([0-9a-f-]{36}\)/.test(entry.path));
    const kinds = (method: string) => own.filter((entry) => entry.method === method && !entry.path.includes(VALIDATE));
    return {
      journeys: CHECKED,
      succeeded: /Finished: (\d+) of/.exec(finished)?.[1],
      requests: own.length,
      reads: kinds("GET").length,
      validates: own.filter((entry) => entry.path.includes(VALIDATE)).length,
      writes: kinds("PATCH").length,
      other: log.length - own.length,
      wallMs,
      /** How long the server spent answering them, all told. */
      serverMs: own.reduce((total, entry) => total + entry.durationMs, 0),
      mostInFlight: mostInFlight(own),
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}
