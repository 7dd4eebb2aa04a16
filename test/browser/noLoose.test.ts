import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import { axeViolations, eventually, journeyRow, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

// Keyboard only: Tab, Shift+Tab, Enter and Escape; no clicks.
const J = SEED_IDS.journeys;
const suite = useBrowserHarness();

/** What has focus: "heading", "action:<id>", "dialog:<button label>", or where else it is. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "body";
    if (active.closest(".ms-Dialog-main")) return `dialog:${active.textContent ?? ""}`;
    if (!active.closest("#control-field")) return `outside:${active.tagName}`;
    if (active.tagName === "H2") return "heading";
    const action = active.getAttribute("data-action");
    return action ? `action:${action}` : `control:${active.tagName}`;
  });
}

/** Tabs from the top of the page until the action's button has focus. */
async function tabTo(page: Page, action: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press("Tab");
    if ((await focused(page)) === `action:${action}`) return;
  }
  throw new Error(`Tab never reached ${action}`);
}

/** In the open dialog, Shift+Tab from Cancel (where focus starts) to `label`, then Enter. */
async function choose(page: Page, label: string, cancel = "Cancel"): Promise<void> {
  await eventually(
    "focus on the dialog's Cancel",
    () => focused(page),
    (where) => where === `dialog:${cancel}`,
  );
  for (let presses = 0; presses < 4 && (await focused(page)) !== `dialog:${label}`; presses += 1)
    await page.keyboard.press("Shift+Tab");
  assert.equal(await focused(page), `dialog:${label}`);
  await page.keyboard.press("Enter");
}

async function focusSettlesOn(page: Page, expected: string): Promise<void> {
  await eventually(
    `focus on ${expected}`,
    () => focused(page),
    (where) => where === expected,
  );
}

test("Stop confirmed with the keyboard: focus lands on the journey's heading; a cancelled dialog gives it back to Stop", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.live);
    await tabTo(page, "stop");
    await page.keyboard.press("Enter");
    await choose(page, "Cancel");
    await focusSettlesOn(page, "action:stop");
    await page.keyboard.press("Enter");
    await eventually(
      "focus on the dialog's Cancel",
      () => focused(page),
      (where) => where === "dialog:Cancel",
    );
    await page.keyboard.press("Escape");
    await focusSettlesOn(page, "action:stop");

    await page.keyboard.press("Enter");
    await choose(page, "Stop");
    await journey.waitForStatus(S.Stopping);
    await journey.idle();
    await focusSettlesOn(page, "heading");
  }));

for (const [name, id, action, status] of [
  // Going live passes quickly in the emulated org: the test waits for Live.
  ["Go live", J.simpleEmailSample, "goLive", S.Live],
  ["Edit", J.live, "edit", S.LiveEditable],
  ["Restart", J.stopped, "restart", S.Live],
] as const)
  test(`${name} with the keyboard: focus stays in the control, on the heading once the button is gone`, (t) =>
    withScreenshots(t, suite, async ({ page, url }) => {
      const journey = await JourneyPage.open(page, url, id);
      await tabTo(page, action);
      await page.keyboard.press("Enter");
      // Going live may ask about warnings first.
      const asked = await journey
        .confirmDialog()
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (asked) await choose(page, "Go live anyway");
      await journey.waitForStatus(status, 15_000);
      await journey.idle();
      await focusSettlesOn(page, "heading");
    }));

test("Copy with a typed name: Save and copy saves it and copies it; the dialog passes axe", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    await journey.setField("msdyncrm_name", "Simple Email Sample (typed)");
    await tabTo(page, "copy");
    await page.keyboard.press("Enter");
    const dialog = journey.confirmDialog();
    await dialog.getByText("Copy with unsaved changes?").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await choose(page, "Save and copy");
    await eventually(
      "the copy's form",
      async () => page.url(),
      (href) => !href.includes(J.simpleEmailSample),
    );
    const landed = new JourneyPage(page);
    await landed.loaded();
    assert.match(await landed.title(), /^Copy of Simple Email Sample \(typed\) · Draft$/);
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.msdyncrm_name, "Simple Email Sample (typed)");
  }));

test("Copy with a typed name: Copy the saved journey leaves the typed name unsaved on the form", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const saved = String((await journeyRow(url, J.simpleEmailSample))?.msdyncrm_name);
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample);
    await journey.setField("msdyncrm_name", "Simple Email Sample (typed)");
    await tabTo(page, "copy");
    await page.keyboard.press("Enter");
    await choose(page, "Copy the saved journey");
    await eventually(
      "the copy's form",
      async () => page.url(),
      (href) => !href.includes(J.simpleEmailSample),
    );
    await new JourneyPage(page).loaded();
    assert.equal(await new JourneyPage(page).title(), `Copy of ${saved} · Draft`);
    assert.equal((await journeyRow(url, J.simpleEmailSample))?.msdyncrm_name, saved);
  }));

test("Cancel edit with unsaved changes: Discard and cancel edit drops them and goes back to Live; axe passes", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const saved = String((await journeyRow(url, J.live))?.msdyncrm_name);
    const journey = await JourneyPage.open(page, url, J.live);
    await tabTo(page, "edit");
    await page.keyboard.press("Enter");
    await journey.waitForStatus(S.LiveEditable);
    await journey.idle();
    await eventually("the name field to unlock", () => journey.field("msdyncrm_name").isEnabled(), Boolean);
    await journey.setField("msdyncrm_name", "Monthly newsletter (not wanted)");
    await tabTo(page, "cancelEdit");
    await page.keyboard.press("Enter");
    await journey.confirmDialog().getByText("Discard your changes?").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await choose(page, "Discard and cancel edit");
    await journey.waitForStatus(S.Live);
    await journey.idle();
    assert.equal(await journey.field("msdyncrm_name").inputValue(), saved);
    assert.equal((await journeyRow(url, J.live))?.msdyncrm_name, saved);
    await focusSettlesOn(page, "heading");
  }));

for (const formScript of ["1", "0"])
  test(`Delete (form script ${formScript === "1" ? "on" : "off"}): the journeys list opens in place of the form`, (t) =>
    withScreenshots(t, suite, async ({ page, url }) => {
      await JourneyPage.open(page, url, J.stopped, { formscript: formScript });
      await tabTo(page, "delete");
      await page.keyboard.press("Enter");
      await choose(page, "Delete");
      await eventually(
        "the journeys list",
        async () => page.url(),
        (href) => new URL(href).pathname === "/",
      );
      assert.equal(new URL(page.url()).searchParams.get("pagetype"), "entitylist");
      await page.getByRole("heading", { name: "Customer journeys" }).waitFor();
      assert.equal(await journeyRow(url, J.stopped), null);
    }));

test("German: the unsaved-changes dialog's words", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, J.simpleEmailSample, { lang: "1031" });
    await journey.setField("msdyncrm_name", "Getippt");
    await tabTo(page, "copy");
    await page.keyboard.press("Enter");
    const dialog = journey.confirmDialog();
    await dialog.getByText("Mit ungespeicherten Änderungen kopieren?").waitFor();
    for (const label of ["Speichern und kopieren", "Gespeicherte Customer Journey kopieren", "Abbrechen"])
      assert.equal(await dialog.getByRole("button", { name: label, exact: true }).count(), 1, label);
    await choose(page, "Abbrechen", "Abbrechen");
    await focusSettlesOn(page, "action:copy");
  }));
