import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { launchChromium, RESULTS_DIR, ROOT, WAIT_MS } from "./testing/browserHarness";
import { startPcfStartServer } from "./testing/pcfStartServer";

// The production bundle in Microsoft's own test page (node_modules/pcf-start), React and Fluent from
// pcf-start's local copies. That page has no record and no global Xrm, as in a canvas app or the CLI harness.

let server: Awaited<ReturnType<typeof startPcfStartServer>>;
let browser: Browser;

before(async () => {
  server = await startPcfStartServer(
    path.join(ROOT, "node_modules/pcf-start"),
    path.join(ROOT, "out/controls/JourneyControl"),
  );
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

interface Visit {
  page: Page;
  pageErrors: string[];
  offsite: string[];
  consoleErrors: string[];
}

async function visit(setup?: (page: Page) => Promise<void>): Promise<Visit> {
  const context = await browser.newContext({ locale: "en-US" });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const visit: Visit = { page, pageErrors: [], offsite: [], consoleErrors: [] };
  page.on("pageerror", (error) => visit.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") visit.consoleErrors.push(message.text());
  });
  await page.route(
    (url) => !url.href.startsWith(server.url),
    (route) => {
      visit.offsite.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  if (setup) await setup(page);
  await page.goto(`${server.url}/`);
  await page.getByText("PowerApps component framework Test Environment").waitFor();
  await page.waitForFunction(
    () => document.querySelector("[data-status]") || document.body.innerText.includes("Error loading control"),
    null,
    { timeout: WAIT_MS },
  );
  return visit;
}

/** Runs the checks on a visited page; on failure keeps a screenshot in test-results/. */
async function checking(visit: Visit, name: string, checks: () => Promise<void>): Promise<void> {
  try {
    await checks();
  } catch (error) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await visit.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await visit.page.context().close();
  }
}

const controlText = (page: Page) => page.evaluate(() => document.body.innerText);

test("pcf-start: the production bundle renders in Microsoft's test page without page errors", async () => {
  const visited = await visit();
  const { page, pageErrors, offsite } = visited;
  await checking(visited, "pcf-start-without-Xrm", async () => {
    const text = await controlText(page);
    assert.ok(!text.includes("Error loading control"), "pcf-start reports: Error loading control");
    assert.equal((await page.locator("[data-status]").count()) > 0, true, "the control's view is on the page");
    assert.deepEqual(pageErrors, []);
    // Fluent's default fonts and icons point at Microsoft's CDN in this page (blocked here); nothing else leaves the machine.
    assert.deepEqual(
      offsite.filter((url) => !/^https:\/\/res(-1)?\.cdn\.office\.net\/files\/fabric-cdn-prod/.test(url)),
      [],
    );
  });
});

test("pcf-start with a global Xrm present (as on a model-driven form): the control renders", async () => {
  const visited = await visit(async (p) => {
    await p.addInitScript(() => {
      Object.assign(window, { Xrm: { WebApi: {}, Navigation: {} } });
    });
  });
  const { page, pageErrors } = visited;
  await checking(visited, "pcf-start-with-Xrm", async () => {
    const text = await controlText(page);
    assert.ok(!text.includes("Error loading control"));
    assert.equal((await page.locator("[data-status]").count()) > 0, true, "the control's view is on the page");
    assert.deepEqual(pageErrors, []);
  });
});
