import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  clearLog,
  eventually,
  harnessLog,
  journeyRow,
  patchJourney,
  useBrowserHarness,
  withScreenshots,
  type LogEntry,
} from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();
const SEED_FAULT = "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations";
/** Polling: the control reads at most once per 2 s, so a settle takes a few seconds. */
const SETTLE_MS = 15_000;

/** Requests that change something (the validate action only reads). */
const writes = (log: LogEntry[]) =>
  log.filter(
    (entry) => entry.method !== "GET" && !(entry.method === "POST" && /CustomerJourneyValidate/.test(entry.path)),
  );

test("the seed's Simple Email Sample: check, break the recurrence, see the fault, fix it, go live, stop, restart", (t) =>
  withScreenshots(t, suite, async ({ page, url, dialogs }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    assert.equal(await journey.statusLabel(), "Draft");
    assert.deepEqual(await journey.actionIds(), ["check", "goLive", "copy", "delete"]);

    await journey.action("check").click();
    await journey.idle();
    assert.equal(await journey.verdict().textContent(), "No errors found");
    assert.match((await journey.panel().textContent()) ?? "", /with the values on the form/);

    await journey.breakRecurrence();
    await journey.action("check").click();
    await journey.idle();
    const panelText = (await journey.panel().textContent()) ?? "";
    assert.match((await journey.verdict().textContent()) ?? "", /Errors found/);
    assert.match(panelText, /The recurrence does not fit between the start and end dates\./);
    assert.match(panelText, /Move the end date later/);
    assert.match(panelText, new RegExp(`Code: ${SEED_FAULT}`));

    // Go live is refused while the fault is there, and nothing is written.
    await clearLog(url);
    await journey.action("goLive").click();
    await journey.idle();
    await journey.banner("blocked").waitFor();
    assert.deepEqual(writes(await harnessLog(url)), [], "a blocked go-live writes nothing");
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.statuscode, S.Draft);

    // The fix: the end date on the form moved to the earliest end that fits (start + 90 days).
    // (The control's one-click "Set end date to …" fix is covered by its own test below.)
    await journey.setField("msdyncrm_enddatetime", "2027-05-10T11:29");
    await journey.action("check").click();
    await journey.idle();
    assert.equal(await journey.verdict().textContent(), "No errors found");

    // Go live: the unsaved form is saved first, then Going live, then Live (the control follows it).
    await journey.action("goLive").click();
    await journey.control.getByText("Waiting for the status to change…").waitFor();
    // The form shows Going live at once, its fields locked: nothing can be typed that the settled refresh would drop.
    await page.waitForFunction(
      (goingLive) => (document.querySelector("#field-statuscode") as HTMLSelectElement | null)?.value === goingLive,
      String(S.GoingLive),
    );
    assert.equal(await journey.field("msdyncrm_name").isDisabled(), true, "the name is locked while going live");
    const seen = await journey.waitForStatus(S.Live, SETTLE_MS);
    assert.ok(seen.includes(S.GoingLive), `Going live was shown on the way (saw ${seen.join(" → ")})`);
    await journey.control.getByText("Waiting for the status to change…").waitFor({ state: "detached" });
    const live = await journeyRow(url, J.simpleEmailSample);
    assert.equal(live?.statuscode, S.Live);
    assert.equal(live?.msdyncrm_isrecurring, true);
    assert.equal(live?.msdyncrm_enddatetime, "2027-05-10T11:29:00Z");
    assert.match((await journey.liveRegion().textContent()) ?? "", /Journey status: Live/);
    assert.equal(
      await journey.page.locator("#record-title").textContent(),
      "Simple Email Sample · Live",
      "the form was refreshed",
    );

    // Stop asks first; Cancel leaves it Live, Stop stops it.
    await journey.idle();
    await journey.action("stop").click();
    await journey.confirm("Cancel");
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.statuscode, S.Live);
    await journey.idle();
    await journey.action("stop").click();
    await journey.confirm("Stop");
    const stopping = await journey.waitForStatus(S.Stopped, SETTLE_MS);
    assert.ok(stopping.includes(S.Stopping), `Stopping was shown on the way (saw ${stopping.join(" → ")})`);
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.statuscode, S.Stopped);

    await journey.idle();
    assert.deepEqual(await journey.actionIds(), ["check", "restart", "copy", "delete"]);
    await journey.action("restart").click();
    await journey.waitForStatus(S.Live, SETTLE_MS);
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.statuscode, S.Live);
    assert.deepEqual(dialogs, []);
  }));

test('the recurrence fix: after a check of the form\'s broken recurrence, "Set end date to …" writes the end date on the form', (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    await journey.breakRecurrence();
    await journey.action("check").click();
    await journey.idle();
    assert.match(
      (await journey.panel().textContent()) ?? "",
      /The recurrence does not fit between the start and end dates\./,
    );

    const fix = journey.control.locator('[data-testid="recurrence-fix"]');
    await fix.waitFor();
    assert.match((await fix.textContent()) ?? "", /Set end date to .*2027/);
    await fix.click();
    await eventually(
      "the end date on the form",
      () => journey.field("msdyncrm_enddatetime").inputValue(),
      (v) => v === "2027-05-10T11:29",
    );
    await journey.action("check").click();
    await journey.idle();
    assert.equal(await journey.verdict().textContent(), "No errors found");
    assert.equal(
      (await journeyRow(url, J.simpleEmailSample))?.msdyncrm_enddatetime,
      "2027-03-09T11:29:00Z",
      "nothing saved by the fix itself",
    );
  }));

test("Live → Edit → change → Save and go live → Live, with the change saved", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    assert.deepEqual(await journey.actionIds(), ["check", "stop", "edit", "copy"]);
    await journey.action("edit").click();
    await journey.waitForStatus(S.LiveEditable);
    await journey.idle();
    assert.deepEqual(await journey.actionIds(), ["check", "republish", "cancelEdit", "copy"]);
    assert.equal((await journeyRow(url, J.live))?.statuscode, S.LiveEditable);

    await eventually(
      "the name field to unlock",
      () => journey.field("msdyncrm_name").isEnabled(),
      (enabled) => enabled,
    );
    await journey.setField("msdyncrm_name", "Monthly newsletter (edited)");
    await journey.action("republish").click();
    await journey.waitForStatus(S.Live, SETTLE_MS);
    const row = await journeyRow(url, J.live);
    assert.equal(row?.statuscode, S.Live);
    assert.equal(row?.msdyncrm_name, "Monthly newsletter (edited)");
  }));

test("Error → Retry go live: refused while the segment is not live, goes live once the design is fixed", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    let journey = await JourneyPage.open(page, url, J.error);
    assert.deepEqual(await journey.actionIds(), ["check", "retry", "stop", "copy"]);
    await journey.action("retry").click();
    await journey.idle();
    await journey.banner("blocked").waitFor();
    assert.match(
      (await journey.panel().textContent()) ?? "",
      // The segment by its name (looked up once per check), not its id.
      /The segment \u2068New prospects \(draft\)\u2069 is not live/,
    );
    assert.equal((await journeyRow(url, J.error))?.statuscode, S.Error);

    // The design is fixed elsewhere (points at a live segment); after a reload the retry goes through.
    const fixedDesign = (await journeyRow(url, J.live))?.msdyncrm_workflowdefinition;
    assert.equal(await patchJourney(url, J.error, { msdyncrm_workflowdefinition: fixedDesign }), 204);
    journey = await JourneyPage.open(page, url, J.error);
    await journey.action("retry").click();
    const seen = await journey.waitForStatus(S.Live, SETTLE_MS);
    assert.ok(seen.includes(S.GoingLive), `Going live was shown (saw ${seen.join(" → ")})`);
    assert.equal((await journeyRow(url, J.error))?.statuscode, S.Live);
  }));

test("Copy creates a Draft copy and the form lands on it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    await journey.action("copy").click();
    await page.waitForURL(
      (target) => target.searchParams.get("id") !== null && target.searchParams.get("id") !== J.live,
    );
    const copyId = new URL(page.url()).searchParams.get("id")?.replace(/[{}]/g, "").toLowerCase() ?? "";
    const landed = new JourneyPage(page);
    await landed.loaded();
    assert.equal(await landed.statusLabel(), "Draft");
    assert.match(await landed.title(), /^Copy of Monthly newsletter · Draft$/);
    const [original, copy] = [await journeyRow(url, J.live), await journeyRow(url, copyId)];
    assert.equal(copy?.statuscode, S.Draft);
    assert.equal(copy?.msdyncrm_workflowdefinition, original?.msdyncrm_workflowdefinition);
    assert.equal(copy?._msdyncrm_contentsettingsid_value, original?._msdyncrm_contentsettingsid_value);
    assert.equal(original?.statuscode, S.Live, "the original is untouched");
  }));

test("Delete: a stopped journey is deleted after the confirm; a live one offers no Delete and the org refuses it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const stopped = await JourneyPage.open(page, url, J.stopped);
    await stopped.action("delete").click();
    await stopped.confirm("Cancel");
    assert.ok(await journeyRow(url, J.stopped), "Cancel keeps the journey");
    await stopped.idle();
    await stopped.action("delete").click();
    await stopped.confirm("Delete");
    // The form of a journey that is gone gives way to the journeys list (noLoose.test.ts).
    await eventually(
      "the journeys list",
      async () => new URL(page.url()).pathname,
      (path) => path === "/",
    );
    assert.equal(await journeyRow(url, J.stopped), null);

    const live = await JourneyPage.open(page, url, J.live);
    assert.ok(!(await live.actionIds()).includes("delete"), "a live journey offers no Delete");
    const refused = await fetch(`${url}/api/data/v9.2/msdyncrm_customerjourneys(${J.live})`, { method: "DELETE" });
    assert.equal(refused.status, 400);
    assert.ok(await journeyRow(url, J.live));
  }));
