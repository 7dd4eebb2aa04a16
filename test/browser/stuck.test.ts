import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { eventually, injectFault, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { formUrl, JourneyPage } from "./testing/journeyPage";

const DRAFT = SEED_IDS.journeys.seedPatch;
const suite = useBrowserHarness();

async function clearFaults(url: string): Promise<void> {
  const response = await fetch(`${url}/_harness/faults`, { method: "DELETE" });
  assert.ok(response.ok, `clearing the faults: ${response.status}`);
}

test("a 500 on opening the journey shows why with a Reload; once the server is back, Reload opens it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    // The control's read (it selects its columns); the form's own read of the record still succeeds.
    await injectFault(url, {
      match: { method: "GET", pathContains: `msdyncrm_customerjourneys(${DRAFT})?$select=` },
      status: 500,
      times: 50,
    });
    await page.goto(formUrl(url, DRAFT));
    const journey = new JourneyPage(page);
    const banner = journey.banner("server");
    await banner.waitFor({ timeout: 15_000 });
    assert.match((await banner.textContent()) ?? "", /The server could not complete the request/);
    assert.equal(await journey.control.locator("button[data-action]").count(), 0, "no actions without a journey");
    const reload = banner.getByRole("button", { name: "Reload" });
    assert.ok(await reload.isVisible(), "a Reload is offered");

    await clearFaults(url);
    await reload.click();
    await journey.loaded();
    assert.equal(await journey.statusLabel(), "Draft");
    assert.equal(await journey.banners().count(), 0, "the error went with the load that succeeded");
  }));

test("a throttled open says the server is busy while it waits, then shows the journey", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await injectFault(url, {
      match: { method: "GET", pathContains: `msdyncrm_customerjourneys(${DRAFT})?$select=` },
      status: 429,
      retryAfter: 2,
    });
    await page.goto(formUrl(url, DRAFT));
    const journey = new JourneyPage(page);
    const busy = journey.banner("serverBusy");
    await busy.waitFor({ timeout: 15_000 });
    await eventually(
      "the busy message's text",
      async () => (await busy.textContent()) ?? "",
      (text) => /The server is busy\. Trying again in \d+ seconds/.test(text),
    );
    assert.equal(await busy.getByRole("button").count(), 0, "it cannot be dismissed");
    await journey.loaded();
    await busy.waitFor({ state: "detached" });
    assert.equal(await journey.statusLabel(), "Draft");
  }));
