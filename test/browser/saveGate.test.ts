import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  clearLog,
  eventually,
  harnessLog,
  journeyRow,
  useBrowserHarness,
  withScreenshots,
} from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();
/** The app's "Async save handler" setting off: the form does not wait for a promise OnSave returns. */
const ASYNC_SAVE_OFF = { asyncsave: "0" };

test("with the async save setting off, saving an invalid journey as Going live is refused and nothing is written", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample, ASYNC_SAVE_OFF);
    await journey.breakRecurrence();
    await journey.setField("statuscode", String(S.GoingLive));
    await clearLog(url);
    await journey.save();

    const refusal = journey
      .formNotifications()
      .filter({ hasText: /Not saved: 1 error stops this journey/ })
      .first();
    await refusal.waitFor();
    const writes = (await harnessLog(url)).filter((entry) => entry.method === "PATCH" || entry.method === "POST");
    assert.deepEqual(
      writes.map((entry) => entry.path),
      ["/api/data/v9.2/msdyncrm_CustomerJourneyValidate"],
      "only the check was asked; the journey was not written",
    );
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.statuscode, S.Draft);
    assert.equal(await journey.field("statuscode").inputValue(), String(S.Draft));
  }));

test("with the async save setting off, Save & Close of a valid journey into Going live closes after the gate's re-save", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.seedPatch, ASYNC_SAVE_OFF);
    await journey.setField("statuscode", String(S.GoingLive));
    await clearLog(url);
    await page.locator("#cmd-save-close").click();

    await page.waitForURL(`${url}/`);
    const requests = (await harnessLog(url)).map((entry) => `${entry.method} ${entry.path.split("?")[0]}`);
    const check = requests.indexOf("POST /api/data/v9.2/msdyncrm_CustomerJourneyValidate");
    const write = requests.findIndex((request) => request.startsWith("PATCH "));
    assert.ok(check >= 0 && write > check, `checked, then written: ${requests.join(", ")}`);
    await eventually(
      "the journey to be saved as Going live",
      async () => (await journeyRow(url, J.seedPatch))?.statuscode,
      (status) => status === S.GoingLive || status === S.Live,
    );
  }));
