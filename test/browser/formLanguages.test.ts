import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import { useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const suite = useBrowserHarness();
/** A resource key as the form script names its strings: what a user must never read. */
const RESOURCE_KEY = /\b(form|fault|status)\.[A-Za-z0-9]/;

test("a French user, for whom no RESX exists, reads the form script's notifications in English, never keys", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, SEED_IDS.journeys.simpleEmailSample, { lang: "1036" });
    await journey.breakRecurrence();
    await journey.setField("statuscode", String(S.GoingLive));
    await journey.save();

    await journey
      .formNotifications()
      .filter({ hasText: /Not saved/ })
      .first()
      .waitFor();
    const texts = await journey.formNotifications().allTextContents();
    assert.match(texts.join("\n"), /Not saved: 1 error\(s\) stop this journey from going live/);
    assert.match(texts.join("\n"), /The recurrence does not fit between the start and end dates/);
    assert.deepEqual(
      texts.filter((text) => RESOURCE_KEY.test(text)),
      [],
      "no notification shows a resource key",
    );
  }));
