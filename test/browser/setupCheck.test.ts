import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Locator } from "playwright-core";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import { harnessSettings, ROOT, sleep, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

// The maker's set-up check: each piece left out of the form shows its own line to a user who may customize
// the form, and nothing to a marketer. The README's install section shows the screenshots taken here.

const suite = useBrowserHarness();
const JOURNEY = SEED_IDS.journeys.simpleEmailSample;
/** A marketer: every privilege on journeys, none to customize forms. */
const MARKETER = { privileges: "create,read,write,delete" };
/** Longer than the control waits for the form script to answer (400 ms), with room for a slow machine. */
const CONNECT_SETTLED_MS = 1_500;
const SCREENSHOTS = path.join(ROOT, "docs/screenshots");

const setupCheck = (journey: JourneyPage): Locator => journey.control.locator("[data-setup-check]");

/** The set-up check's lines, once it shows. */
async function setupLines(journey: JourneyPage): Promise<string[]> {
  await setupCheck(journey).locator("li").first().waitFor();
  return setupCheck(journey).locator("li").allTextContents();
}

/** Nothing shows once the control has had time to hear from the form. */
async function assertNoSetupCheck(journey: JourneyPage): Promise<void> {
  await sleep(CONNECT_SETTLED_MS);
  assert.equal(await setupCheck(journey).count(), 0, "no set-up check");
}

/** Keeps a picture of the control with its set-up check for the README. */
async function keepScreenshot(journey: JourneyPage, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await journey.control.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: "disabled" });
}

test("the fully set-up form shows no set-up check, after a save and a status change too", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY);
    await assertNoSetupCheck(journey);
    await journey.setField("msdyncrm_name", "Renamed by the maker");
    await journey.save();
    await journey.setField("statuscode", String(S.GoingLive));
    await assertNoSetupCheck(journey);
  }));

test("without the form script: one line naming the library, OnLoad's function and the execution context", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { formscript: "0" });
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /cjt_\/customerjourney\/form\.js/);
    assert.match(lines[0], /CustomerJourneyForm\.onLoad/);
    assert.match(lines[0], /Pass execution context as first parameter/);
    await keepScreenshot(journey, "setup-check-no-form-script");
  }));

test("without OnSave: its line once a save went by without it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { onsave: "0" });
    await assertNoSetupCheck(journey);
    await journey.setField("msdyncrm_name", "Renamed by the maker");
    await journey.save();
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /OnSave is not registered/);
    assert.match(lines[0], /CustomerJourneyForm\.onSave/);
    await keepScreenshot(journey, "setup-check-no-onsave");
  }));

test("without Status Reason's OnChange: its line once the status changed without it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { onstatuschange: "0" });
    await journey.setField("statuscode", String(S.GoingLive));
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /CustomerJourneyForm\.onStatusChange/);
    assert.match(lines[0], /OnChange event of Status Reason \(statuscode\)/);
  }));

test("without Status Reason on the form: its line at once", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { statusreason: "0" });
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /Status Reason \(statuscode\) is not on the form/);
  }));

test("a language without the form's RESX: its line, naming Publish all", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { lang: "1040" });
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /cjt_\/customerjourney\/strings\/form\./);
    assert.match(lines[0], /Publish all customizations/);
  }));

test("no validate action: its line once a check could not reach it", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await harnessSettings(url, { validateAction: false });
    const journey = await JourneyPage.open(page, url, JOURNEY);
    await journey.action("check").click();
    await journey.idle();
    const lines = await setupLines(journey);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.match(lines[0], /msdyncrm_CustomerJourneyValidate/);
  }));

test("several pieces missing: one line each; dismissed, it stays away for the session", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, JOURNEY, { statusreason: "0", lang: "1040" });
    assert.equal((await setupLines(journey)).length, 2);
    await keepScreenshot(journey, "setup-check-two-pieces");
    await setupCheck(journey).page().getByRole("button", { name: "Dismiss the set-up check for this session" }).click();
    assert.equal(await setupCheck(journey).count(), 0);
  }));

test("a marketer sees no set-up check, whatever is missing", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const omissions: Record<string, string>[] = [
      { formscript: "0" },
      { statusreason: "0" },
      { lang: "1040" },
      { onsave: "0" },
    ];
    for (const omission of omissions) {
      const journey = await JourneyPage.open(page, url, JOURNEY, { ...MARKETER, ...omission });
      if (omission.onsave) {
        await journey.setField("msdyncrm_name", "Renamed by a marketer");
        await journey.save();
      }
      await assertNoSetupCheck(journey);
    }
  }));
