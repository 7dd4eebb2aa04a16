// The typed-change latency for `npm run bench`: in Chromium, against the emulated org, the time from a change of
// the journey's name on the form to the control's panel showing (or dropping) the missing-name finding.
import { seedData, SEED_IDS, largeDefinition } from "../../harness/seed/seedData";
import { startHarness } from "../../harness/server";
import { launchChromium } from "./chromium";

/** The control re-runs its checks this long after the form's last change: CHANGE_SETTLE_MS in src/ui/useJourney.ts. */
const CHANGE_SETTLE_MS = 150;
const CHANGES = 50;
const WARMUP_CHANGES = 5;
/** A pause after each change, so no re-render of the one before is still pending. */
const PAUSE_MS = 250;

/** The seed with the large journey's definition at `tiles` tiles, put straight into the store: 5,000 exceed the column's limit, which only a write enforces. */
function seedWithTiles(tiles: number) {
  const data = seedData();
  const row = data.msdyncrm_customerjourneys.find(
    (journey) => journey.msdyncrm_customerjourneyid === SEED_IDS.journeys.large,
  );
  if (!row) throw new Error("The seed has no large journey.");
  row.msdyncrm_workflowdefinition = largeDefinition(tiles);
  return data;
}

interface Timing {
  sinceChangeMs: number;
  /** Since the control's settle timer fired: its own work alone, without the timer's lateness. */
  sinceSettleMs: number;
}

interface SettleTimerWindow {
  settleTimerFiredAt?: number;
}

/** In the page before its scripts: notes when a timer of the settle delay last fired (the bench's own instrument, not the product's). */
function noteSettleTimer(settleMs: number): void {
  const setTimer = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    setTimer(
      typeof handler === "function" && delay === settleMs
        ? (...given: unknown[]) => {
            (window as unknown as SettleTimerWindow).settleTimerFiredAt = performance.now();
            (handler as (...a: unknown[]) => void)(...given);
          }
        : handler,
      delay,
      ...args,
    )) as typeof window.setTimeout;
}

/**
 * In the page: sets the name (empty, then back), fires the form's change, and resolves with the time from
 * that change event to the DOM mutation (MutationObserver, performance.now) after which the control's panel
 * shows the missing-name finding exactly when the name is empty.
 */
function changeNameAndTime(empty: boolean): Promise<Timing> {
  const control = document.querySelector("#control-field") as HTMLElement;
  const input = document.querySelector("#field-msdyncrm_name") as HTMLInputElement;
  return new Promise((resolve, reject) => {
    let started = 0;
    const observer = new MutationObserver(() => {
      // No local function here: tsx would wrap it in a helper the page does not have.
      const panelText = control.querySelector('section[aria-label="Error check"]')?.textContent ?? "";
      if (panelText.includes("The journey has no name.") !== empty) return;
      observer.disconnect();
      const now = performance.now();
      const fired = (window as unknown as SettleTimerWindow).settleTimerFiredAt ?? NaN;
      resolve({ sinceChangeMs: now - started, sinceSettleMs: now - fired });
    });
    observer.observe(control, { childList: true, subtree: true, characterData: true, attributes: true });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error("The panel did not follow the change within 5 s."));
    }, 5_000);
    input.value = empty ? "" : "Large journey, renamed";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    started = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function latencyAt(tiles: number, root: string): Promise<Record<string, number>> {
  const harness = await startHarness({ port: 0, rootDir: root, seed: seedWithTiles(tiles) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: "UTC" });
    await context.addInitScript(noteSettleTimer, CHANGE_SETTLE_MS);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const query = new URLSearchParams({
      pagetype: "entityrecord",
      etn: "msdyncrm_customerjourney",
      id: SEED_IDS.journeys.large,
    });
    await page.goto(`${harness.url}/main.aspx?${query.toString()}`);
    // Loaded: the form has the row and the control shows its actions.
    await page.locator('#form-root[aria-busy="false"]').waitFor({ state: "attached" });
    await page.locator('#control-field [role="group"] [data-action]').first().waitFor();
    const beyondSettle: number[] = [];
    const sinceSettle: number[] = [];
    for (let change = 0; change < WARMUP_CHANGES + CHANGES; change++) {
      const timing = await page.evaluate(changeNameAndTime, change % 2 === 0);
      if (change >= WARMUP_CHANGES) {
        beyondSettle.push(timing.sinceChangeMs - CHANGE_SETTLE_MS);
        sinceSettle.push(timing.sinceSettleMs);
      }
      await page.waitForTimeout(PAUSE_MS);
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const [beyond, since] = [sorted(beyondSettle), sorted(sinceSettle)];
    return {
      tiles,
      medianMs: percentile(beyond, 0.5),
      p95Ms: percentile(beyond, 0.95),
      sinceSettleMedianMs: percentile(since, 0.5),
      sinceSettleP95Ms: percentile(since, 0.95),
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}

export async function typingLatency(root: string): Promise<unknown> {
  return {
    changes: CHANGES,
    settleMs: CHANGE_SETTLE_MS,
    sizes: [await latencyAt(300, root), await latencyAt(5_000, root)],
  };
}
