import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import { useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();
/** How soon after typing on the form the control shows what its own checks find, no button pressed. */
const FOLLOW_MS = 300;
/** Polling: the control reads at most once per 2 s, so a settle takes a few seconds. */
const SETTLE_MS = 15_000;

test("typing on the form: an empty name, then an end before the start, show in the control at once and go when fixed", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    const noName = journey.panel().getByText("The journey has no name.");
    const endBeforeStart = journey.panel().getByText(/^The start date .* is not before the end date/);

    await journey.setField("msdyncrm_name", "");
    await noName.waitFor({ timeout: FOLLOW_MS });
    assert.match((await journey.panel().textContent()) ?? "", /not yet checked by the server/);
    await journey.setField("msdyncrm_name", "Simple Email Sample, renamed");
    await noName.waitFor({ state: "detached", timeout: FOLLOW_MS });

    const end = await journey.field("msdyncrm_enddatetime").inputValue();
    await journey.setField("msdyncrm_enddatetime", "2000-01-01T09:00");
    await endBeforeStart.waitFor({ timeout: FOLLOW_MS });
    await journey.setField("msdyncrm_enddatetime", end);
    await endBeforeStart.waitFor({ state: "detached", timeout: FOLLOW_MS });
  }));

test("the form's own save into Going live: the control shows Going live, then Live, with no reload", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.seedPatch);
    assert.equal(await journey.statusCode(), S.Draft);
    // Set on this page only: a reload of the page would lose it.
    await page.evaluate(() => document.body.setAttribute("data-not-reloaded", "yes"));

    await journey.setField("statuscode", String(S.GoingLive));
    await journey.save();
    const seen = await journey.waitForStatus(S.Live, SETTLE_MS);
    assert.ok(seen.includes(S.GoingLive), `Going live was shown on the way (saw ${seen.join(" → ")})`);
    assert.equal(await page.evaluate(() => document.body.getAttribute("data-not-reloaded")), "yes");
    assert.equal(await journey.banners().count(), 0, "no banner: the form's save is not someone else's change");
  }));
