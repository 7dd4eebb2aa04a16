import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  axeViolations,
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

test("the web resource's gate: saving an invalid journey as Going live is cancelled with notifications; typed values stay", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    await journey.setField("msdyncrm_name", "Simple Email Sample, typed");
    await journey.breakRecurrence();
    await journey.setField("statuscode", String(S.GoingLive));
    await clearLog(url);
    await journey.save();

    const error = journey
      .formNotifications()
      .filter({ hasText: /Not saved/ })
      .first();
    await error.waitFor();
    assert.match((await error.textContent()) ?? "", /Not saved: 1 error stops this journey from going live/);
    const all = (await journey.formNotifications().allTextContents()).join("\n");
    assert.match(all, /The recurrence does not fit between the start and end dates/);

    assert.deepEqual(
      (await harnessLog(url)).filter((e) => e.method === "PATCH"),
      [],
      "the save was cancelled before any write",
    );
    const row = await journeyRow(url, J.simpleEmailSample);
    assert.equal(row?.statuscode, S.Draft);
    assert.equal(row?.msdyncrm_name, "Simple Email Sample");
    assert.equal(await journey.field("msdyncrm_name").inputValue(), "Simple Email Sample, typed");
    assert.equal(await journey.field("msdyncrm_isrecurring").isChecked(), true);
    assert.equal(await journey.field("msdyncrm_recurrenceintervaldays").inputValue(), "30");
    assert.equal(await journey.field("msdyncrm_recurrencecount").inputValue(), "3");
  }));

test("the web resource's gate lets a valid journey saved as Going live through, and it goes live", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.seedPatch);
    await journey.setField("statuscode", String(S.GoingLive));
    await journey.save();
    await eventually(
      "the journey to be saved as Going live",
      async () => (await journeyRow(url, J.seedPatch))?.statuscode,
      (status) => status !== S.Draft,
    );
    assert.deepEqual(
      await journey
        .formNotifications()
        .filter({ hasText: /cancelled|Not saved/ })
        .allTextContents(),
      [],
    );
    await eventually(
      "the journey to go live",
      async () => (await journeyRow(url, J.seedPatch))?.statuscode,
      (status) => status === S.Live,
    );
  }));

const STATUS_JOURNEYS: [string, string][] = [
  ["Draft", J.seedPatch],
  ["Live", J.live],
  ["Stopped", J.stopped],
  ["Live, editable", J.liveEditable],
  ["Expired", J.expired],
  ["Error", J.error],
  ["Going live", J.goingLive],
  ["Stopping", J.stopping],
];

test("axe: no violations in the control in each status", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const failures: string[] = [];
    for (const [label, id] of STATUS_JOURNEYS) {
      await suite.session().page.goto("about:blank");
      await fetch(`${url}/_harness/reset`, { method: "POST" });
      const journey = await JourneyPage.open(page, url, id);
      assert.equal(await journey.statusLabel(), label);
      for (const violation of await axeViolations(page)) failures.push(`${label}: ${violation}`);
    }
    assert.deepEqual(failures, []);
  }));

test("axe: no violations with the panel open (findings listed), with the confirm dialog open, in German", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    await journey.breakRecurrence();
    await journey.action("check").click();
    await journey.idle();
    assert.match((await journey.verdict().textContent()) ?? "", /Errors found/);
    assert.deepEqual(await axeViolations(page), [], "panel with findings");

    const failing = await JourneyPage.open(page, url, J.error);
    await failing.control.locator("button[data-activity-id]").first().click();
    assert.deepEqual(await axeViolations(page), [], "stored failing result, entry selected");

    const live = await JourneyPage.open(page, url, J.live);
    await live.action("stop").click();
    await page.locator(".ms-Dialog-main").waitFor();
    assert.deepEqual(await axeViolations(page), [], "stop confirm dialog");
    await live.confirm("Cancel");

    await JourneyPage.open(page, url, J.seedValidate, { lang: "1031" });
    assert.deepEqual(await axeViolations(page), [], "German");
  }));

test("Go live with the keyboard alone", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.seedPatch);
    await page.locator("body").focus();
    let reached = false;
    for (let presses = 0; presses < 80 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.getAttribute("data-action") === "goLive");
    }
    assert.ok(reached, "Tab reaches Go live");
    const focusVisible = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element, "::after");
      return element.matches(":focus-visible") || style.outlineStyle !== "none" || style.borderStyle !== "none";
    });
    assert.ok(focusVisible, "the focused button shows focus");
    await page.keyboard.press("Enter");
    await journey.waitForStatus(S.Live, 15_000);
    assert.equal((await journeyRow(url, J.seedPatch))?.statuscode, S.Live);
  }));

test("Stop with the keyboard: the confirm starts on Cancel, so Enter right away stops nothing", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    await journey.action("stop").focus();
    await page.keyboard.press("Enter");
    await page.locator(".ms-Dialog-main").waitFor();
    await eventually(
      "focus inside the dialog",
      () => page.evaluate(() => document.activeElement?.textContent ?? ""),
      (text) => text === "Cancel",
    );
    await page.keyboard.press("Enter");
    await page.locator(".ms-Dialog-main").waitFor({ state: "detached" });
    assert.equal((await journeyRow(url, J.live))?.statuscode, S.Live);
  }));

test("German: with user language 1031 the control speaks German", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.seedPatch, { lang: "1031" });
    assert.equal(await journey.statusLabel(), "Entwurf");
    assert.equal(await journey.actionLabel("check"), "Auf Fehler überprüfen");
    assert.equal(await journey.actionLabel("goLive"), "Live schalten");
    assert.equal(await journey.actionLabel("copy"), "Kopieren");
    assert.match((await journey.control.textContent()) ?? "", /Zuletzt geändert von Alex Rivera am/);
    await journey.action("check").click();
    await journey.idle();
    assert.equal(await journey.verdict().textContent(), "Keine Fehler gefunden");
  }));
