import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const suite = useBrowserHarness();
const ID = SEED_IDS.journeys.simpleEmailSample;

for (const [lang, justNow, oneMinute] of [
  ["1033", "Checked just now, with the values on the form.", "Checked 1 minute ago, with the values on the form."],
  ["1031", "Geprüft gerade eben, mit den Werten im Formular.", "Geprüft vor 1 Minute, mit den Werten im Formular."],
] as const) {
  test(`language ${lang}: the time since the check ages with the page's clock`, (t) =>
    withScreenshots(t, suite, async ({ page, url }) => {
      await page.clock.install({ time: new Date("2026-12-01T10:00:00Z") });
      const journey = await JourneyPage.open(page, url, ID, { lang });
      await journey.action("check").click();
      await journey.idle();
      await page.waitForFunction(([text]) => document.body.textContent?.includes(text), [justNow]);
      await page.clock.fastForward(61_000);
      // The line under the verdict: where the result came from, how long ago; the exact time on hover.
      const origin = journey.control.getByText(oneMinute);
      await origin.waitFor();
      assert.match((await origin.getAttribute("title")) ?? "", /2026/);
    }));
}

test("Copy details holds the journey's name, id and the org's URL", (t) =>
  withScreenshots(t, suite, async ({ page, url, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    const journey = await JourneyPage.open(page, url, ID);
    await journey.action("check").click();
    await journey.idle();
    await journey.panel().getByRole("button", { name: "Copy details" }).click();
    await journey.panel().getByText("The details are on the clipboard.").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split("\n");
    assert.equal(lines[1], "Journey: \u2068Simple Email Sample\u2069");
    assert.equal(lines[2], `Id: ${ID}`);
    assert.equal(lines[3], "Status: Draft");
    assert.equal(lines[4], `Organization: ${url}`);
    assert.match(lines[5], /^Checked: \w{3} \d{1,2}, \d{4}/);
  }));
