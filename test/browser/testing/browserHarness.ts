import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, afterEach, before, beforeEach, type TestContext } from "node:test";
import { chromium, type Browser, type BrowserContext, type Dialog, type Page } from "playwright-core";
import type { FaultSpec, LogEntry } from "../../../harness/faults";
import { startHarness, type Harness } from "../../../harness/server";

export const ROOT = path.resolve(__dirname, "../../..");
export const RESULTS_DIR = path.join(ROOT, "test-results");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Every wait in the suite is bounded by this unless a step says otherwise. */
export const WAIT_MS = 10_000;
/** Going live / Stopping take this long in the emulated org during the suite; the control polls every ≥ 2 s. */
export const LIFECYCLE_DELAY_MS = 300;

/** What a test sees: the harness, a fresh page, and what the page did that nobody asked for. */
export interface Session {
  url: string;
  page: Page;
  context: BrowserContext;
  /** JavaScript dialogs (alert/confirm/prompt) the page opened. Must stay empty: the product uses none. */
  dialogs: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Requests to anything but the harness (blocked). */
  offsiteRequests: string[];
}

export interface SuiteHandle {
  readonly url: string;
  session(): Session;
  /** Opens a fresh page (a second client, say); closed with the test. */
  newPage(): Promise<Page>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

function safeName(text: string): string {
  return (
    text
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "test"
  );
}

/**
 * One harness (ephemeral 127.0.0.1 port) and one Chromium per test file; before every test the
 * org is reseeded (POST /_harness/reset) and a new browser context opened. A failing test leaves a
 * full-page screenshot in test-results/.
 */
export function useBrowserHarness(options: { lifecycleDelayMs?: number } = {}): SuiteHandle {
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  let current: Session | undefined;
  const extraPages: Page[] = [];

  before(async () => {
    harness = await startHarness({
      port: 0,
      goLiveDelayMs: options.lifecycleDelayMs ?? LIFECYCLE_DELAY_MS,
      rootDir: ROOT,
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await harness?.stop();
  });
  beforeEach(async () => {
    if (!harness || !browser) throw new Error("The harness or the browser did not start.");
    const reset = await fetch(`${harness.url}/_harness/reset`, { method: "POST" });
    if (!reset.ok) throw new Error(`Reset failed: ${reset.status}`);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      locale: "en-US",
      timezoneId: "UTC",
    });
    context.setDefaultTimeout(WAIT_MS);
    const session: Session = {
      url: harness.url,
      page: undefined as unknown as Page,
      context,
      dialogs: [],
      pageErrors: [],
      offsiteRequests: [],
    };
    await watchContext(context, harness.url, session);
    session.page = await context.newPage();
    current = session;
  });
  afterEach(async () => {
    const session = current;
    current = undefined;
    if (!session) return;
    for (const page of extraPages.splice(0)) await page.close().catch(() => undefined);
    await session.context.close().catch(() => undefined);
  });

  return {
    get url() {
      if (!harness) throw new Error("The harness did not start.");
      return harness.url;
    },
    session() {
      if (!current) throw new Error("No session: call inside a test.");
      return current;
    },
    async newPage() {
      if (!current) throw new Error("No session: call inside a test.");
      const page = await current.context.newPage();
      extraPages.push(page);
      return page;
    },
  };
}

async function watchContext(context: BrowserContext, harnessUrl: string, session: Session): Promise<void> {
  const origin = new URL(harnessUrl).origin;
  await context.route(
    (url) => url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      session.offsiteRequests.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  context.on("page", (page) => {
    page.on("dialog", (dialog: Dialog) => {
      session.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on("pageerror", (error) => session.pageErrors.push(error.message));
  });
}

/** Runs a test body; on failure saves a screenshot of every open page into test-results/ and rethrows. */
export async function withScreenshots(
  t: TestContext,
  suite: SuiteHandle,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  const session = suite.session();
  try {
    await body(session);
  } catch (error) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const pages = session.context.pages();
    for (const [index, page] of pages.entries()) {
      const file = path.join(RESULTS_DIR, `${safeName(t.name)}${pages.length > 1 ? `-${index}` : ""}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).catch(() => undefined);
    }
    throw error;
  }
}

// ---- the harness's side doors ---------------------------------------------------------------

export async function harnessLog(url: string): Promise<LogEntry[]> {
  const response = await fetch(`${url}/_harness/log`);
  return ((await response.json()) as LogEntry[]).filter((entry) => entry.path.startsWith("/api/"));
}

export async function clearLog(url: string): Promise<void> {
  await fetch(`${url}/_harness/log`, { method: "DELETE" });
}

export type { FaultSpec, LogEntry };

export async function injectFault(url: string, fault: FaultSpec): Promise<void> {
  const response = await fetch(`${url}/_harness/faults`, {
    method: "POST",
    body: JSON.stringify(fault),
    headers: { "Content-Type": "application/json" },
  });
  if (response.status !== 201)
    throw new Error(
      `The harness refused the fault ${JSON.stringify(fault)}: ${response.status} ${await response.text()}`,
    );
}

export async function pendingFaults(url: string): Promise<unknown[]> {
  return (await (await fetch(`${url}/_harness/faults`)).json()) as unknown[];
}

export async function harnessSettings(
  url: string,
  changes: { validateAction?: boolean; goLiveDelayMs?: number },
): Promise<void> {
  const response = await fetch(`${url}/_harness/settings`, { method: "POST", body: JSON.stringify(changes) });
  if (!response.ok) throw new Error(`Settings refused: ${response.status}`);
}

export const API = "/api/data/v9.2/";

export async function journeyRow(url: string, id: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${url}${API}msdyncrm_customerjourneys(${id})`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Reading journey ${id}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Creates a draft journey through the emulated org's Web API, as another client would; answers its id. */
export async function createJourney(url: string, name: string, tiles: unknown[]): Promise<string> {
  const response = await fetch(`${url}${API}msdyncrm_customerjourneys`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      msdyncrm_name: name,
      statuscode: 192350000,
      msdyncrm_startdatetime: "2027-01-05T09:00:00Z",
      msdyncrm_enddatetime: "2027-02-05T09:00:00Z",
      msdyncrm_workflowdefinition: JSON.stringify(tiles),
    }),
  });
  if (response.status !== 204)
    throw new Error(`Creating journey ${name}: HTTP ${response.status} ${await response.text()}`);
  const id = /\(([0-9a-f-]+)\)$/.exec(response.headers.get("OData-EntityId") ?? "")?.[1];
  if (!id) throw new Error(`Creating journey ${name}: no id in OData-EntityId`);
  return id;
}

/** Another client's PATCH over plain HTTP (not through the page). */
export async function patchJourney(url: string, id: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${url}${API}msdyncrm_customerjourneys(${id})`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.status;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds; throws with the last value when the time is up. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > until)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await sleep(50);
    value = await read();
  }
  return value;
}

/** axe on the control (and Fluent's layers: dialogs and tooltips render outside its container). */
export async function axeViolations(page: Page): Promise<string[]> {
  const layers = await page.locator(".ms-Layer").count();
  // The form page has no frames: axe runs in it directly (legacy mode) instead of opening a blank page to merge
  // the frames' results, and lists one node per passed rule; the same verdicts in half the time.
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .include("#control-field");
  if (layers > 0) builder = builder.include(".ms-Layer");
  const result = await builder.analyze();
  if (result.passes.length === 0) throw new Error("axe checked nothing: is the control on the page?");
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
