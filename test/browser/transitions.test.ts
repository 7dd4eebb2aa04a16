import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import type { Page } from "playwright-core";
import { eventually, journeyRow, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();
/** Polling: the control reads at most once per 2 s, so a settle takes a few seconds. */
const SETTLE_MS = 15_000;

const SAVED_SINCE_EDIT =
  "Cancel edit is not offered: the journey was saved since Edit, and going back to Live without going live would leave what was saved unpublished. Save and go live checks the journey and publishes it.";

/** Collects the status writes the page sends from now on (requests whose body carries a statuscode), in order. */
function recordStatusWrites(page: Page): number[] {
  const written: number[] = [];
  page.on("request", (request) => {
    if (request.method() !== "PATCH") return;
    const status = (JSON.parse(request.postData() ?? "{}") as { statuscode?: number }).statuscode;
    if (status !== undefined) written.push(status);
  });
  return written;
}

test("an org whose TransitionData lets a live journey only be edited: Stop is not offered", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live, { transitions: `${S.Live}:${S.LiveEditable}` });
    await eventually(
      "the org's transitions to apply",
      () => journey.actionIds(),
      (ids) => !ids.includes("stop"),
    );
    assert.deepEqual(await journey.actionIds(), ["check", "edit", "copy"]);

    // The same journey on an org with the documented TransitionData, and on a host without the call.
    for (const transitions of [null, "none"]) {
      const other = await JourneyPage.open(page, url, J.live, transitions ? { transitions } : {});
      await page.waitForTimeout(300);
      assert.deepEqual(await other.actionIds(), ["check", "stop", "edit", "copy"], `transitions=${transitions}`);
    }
  }));

test("Edit, a saved change on the form, then no Cancel edit: Save and go live, with the reason shown", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    await journey.action("edit").click();
    await journey.waitForStatus(S.LiveEditable);
    await journey.idle();
    assert.deepEqual(await journey.actionIds(), ["check", "republish", "cancelEdit", "copy"]);
    assert.equal(await journey.control.getByText(SAVED_SINCE_EDIT).count(), 0);

    await eventually("the name field to unlock", () => journey.field("msdyncrm_name").isEnabled(), Boolean);
    await journey.setField("msdyncrm_name", "Monthly newsletter (edited)");
    await journey.save();
    const reason = journey.control.getByText(SAVED_SINCE_EDIT);
    await reason.waitFor();
    assert.ok(await reason.isVisible(), "the reason is visible text");
    assert.deepEqual(await journey.actionIds(), ["check", "republish", "copy"]);
    assert.equal(await journey.action("republish").getAttribute("aria-describedby"), await reason.getAttribute("id"));

    const written = recordStatusWrites(page);
    await journey.action("republish").click();
    await journey.waitForStatus(S.Live, SETTLE_MS);
    assert.deepEqual(written, [S.GoingLive], "it went live through Going live, not straight to Live");
    assert.equal((await journeyRow(url, J.live))?.msdyncrm_name, "Monthly newsletter (edited)");
  }));

test("Edit then Cancel edit with nothing saved goes straight back to Live", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    await journey.action("edit").click();
    await journey.waitForStatus(S.LiveEditable);
    await journey.idle();
    const written = recordStatusWrites(page);
    await journey.action("cancelEdit").click();
    await journey.waitForStatus(S.Live);
    await journey.idle();
    assert.deepEqual(written, [S.Live]);
  }));
