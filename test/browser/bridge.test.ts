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
  type LogEntry,
} from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

// The control reaches the form script through its own PCF custom events: a control talks to the form
// it sits on and to no other, whichever tabs show the same journey and however they were opened.

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();
const SAVED_NAME = "Simple Email Sample";
const TYPED_NAME = "Typed in the first tab, not saved";
/** Polling: the control reads at most once per 2 s, so a settle takes a few seconds. */
const SETTLE_MS = 15_000;

const patches = (log: LogEntry[]) => log.filter((entry) => entry.method === "PATCH");

/** Types a name and a recurrence that does not fit into the first tab's form, without saving. */
async function typeUnsaved(journey: JourneyPage): Promise<void> {
  await journey.setField("msdyncrm_name", TYPED_NAME);
  await journey.breakRecurrence();
}

async function check(journey: JourneyPage): Promise<{ verdict: string; panel: string }> {
  await journey.action("check").click();
  await journey.idle();
  return { verdict: (await journey.verdict().textContent()) ?? "", panel: (await journey.panel().textContent()) ?? "" };
}

/** What the first tab still shows: the typed values, unsaved. */
async function assertStillTyped(journey: JourneyPage): Promise<void> {
  assert.equal(await journey.field("msdyncrm_name").inputValue(), TYPED_NAME);
  assert.equal(await journey.field("msdyncrm_recurrencecount").inputValue(), "3");
  assert.equal(await journey.page.locator(".field.dirty #field-msdyncrm_name").count(), 1, "still unsaved");
}

test("a tab opened from the first without the form script never reads or saves the first tab's form", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const first = await JourneyPage.open(page, url, J.simpleEmailSample);
    await typeUnsaved(first);
    // window.open copies the opener's session storage: the old bridge took it for the same tab.
    const opened = await JourneyPage.openFrom(page, url, J.simpleEmailSample, { formscript: "0" });

    const checked = await check(opened);
    assert.equal(checked.verdict, "No errors found", "the saved values, not the first tab's broken recurrence");
    assert.match(checked.panel, /with the saved values \(the form did not answer\)/);

    await clearLog(url);
    await opened.action("goLive").click();
    await opened.waitForStatus(S.Live, SETTLE_MS);
    const row = await journeyRow(url, J.simpleEmailSample);
    assert.equal(row?.statuscode, S.Live);
    assert.equal(row?.msdyncrm_name, SAVED_NAME, "nothing typed in the first tab was saved");
    assert.equal(row?.msdyncrm_isrecurring, false);
    assert.equal(patches(await harnessLog(url)).length, 1, "one write: the status, by the opened tab's control");
    await assertStillTyped(first);
    assert.deepEqual(await first.formNotifications().allTextContents(), []);
  }));

test("two tabs on one journey and a tab opened from the first: each control works on its own form only", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const first = await JourneyPage.open(page, url, J.simpleEmailSample);
    await typeUnsaved(first);
    const second = await JourneyPage.open(await suite.newPage(), url, J.simpleEmailSample);
    const opened = await JourneyPage.openFrom(page, url, J.simpleEmailSample);

    for (const [name, journey] of [
      ["second tab", second],
      ["opened tab", opened],
    ] as const) {
      const checked = await check(journey);
      assert.equal(checked.verdict, "No errors found", `${name}: its own form, not the first tab's`);
      assert.match(checked.panel, /with the values on the form/, name);
    }
    const firstChecked = await check(first);
    assert.match(firstChecked.verdict, /Errors found/, "the first tab's control reads the first tab's form");
    assert.match(firstChecked.panel, /The recurrence does not fit between the start and end dates\./);

    // The second tab goes live: its control saves and refreshes its own form, nobody else's.
    await clearLog(url);
    await second.action("goLive").click();
    await second.waitForStatus(S.Live, SETTLE_MS);
    await eventually(
      "the second tab's form to be refreshed to Live",
      () => second.title(),
      (title) => title.endsWith("· Live"),
      SETTLE_MS,
    );
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.msdyncrm_name, SAVED_NAME);
    assert.ok(patches(await harnessLog(url)).length >= 1);
    assert.equal(await opened.title(), `${SAVED_NAME} · Draft`, "the opened tab's form was not refreshed");
    assert.equal(await opened.field("msdyncrm_name").isDisabled(), false, "nor locked as Live");
    await assertStillTyped(first);
  }));

test("without the form script the control works on the saved journey and says so once", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample, { formscript: "0" });
    await typeUnsaved(journey);

    await check(journey);
    const checked = await check(journey);
    assert.equal(checked.verdict, "No errors found");
    assert.equal(await journey.control.getByText(/the form did not answer/).count(), 1);

    await clearLog(url);
    await journey.action("goLive").click();
    await journey.waitForStatus(S.Live, SETTLE_MS);
    const row = await journeyRow(url, J.simpleEmailSample);
    assert.equal(row?.msdyncrm_name, SAVED_NAME, "what was typed is not saved behind the user's back");
    assert.equal(patches(await harnessLog(url)).length, 1);
    assert.equal(await journey.field("msdyncrm_name").inputValue(), TYPED_NAME);
  }));

test("the control in the form's header and the one in its body both work on the form", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const body = await JourneyPage.open(page, url, J.simpleEmailSample, { header: "1" });
    const inHeader = new JourneyPage(page, "#header-control-field");
    await inHeader.loaded();
    await body.breakRecurrence();

    for (const journey of [body, inHeader]) {
      const checked = await check(journey);
      assert.match(checked.verdict, /Errors found/);
      assert.match(checked.panel, /with the values on the form/);
    }
  }));
