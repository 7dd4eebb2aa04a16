import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  clearLog,
  harnessLog,
  harnessSettings,
  journeyRow,
  sleep,
  useBrowserHarness,
  withScreenshots,
  type LogEntry,
} from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
const suite = useBrowserHarness();

/** The control's status polls of the journey (the light read: status, state, when it last changed). */
const polls = (log: LogEntry[], id: string) =>
  log.filter(
    (entry) =>
      entry.method === "GET" &&
      entry.path.includes(`msdyncrm_customerjourneys(${id})`) &&
      decodeURIComponent(entry.path).endsWith("$select=statuscode,statecode,modifiedon"),
  );
const patches = (log: LogEntry[]) => log.filter((entry) => entry.method === "PATCH");

test('"Holiday greetings", Going live since Nov 1, opens as not processed at once; Check again reads once, then nothing more', (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await clearLog(url);
    const journey = await JourneyPage.open(page, url, J.goingLive);
    const banner = journey.banner("notProcessed");
    await banner.waitFor();
    const text = (await banner.textContent()) ?? "";
    assert.match(
      text,
      /The marketing service has not processed this journey: its status has not changed since Nov 1, 2026/,
    );
    assert.match(text, /Outbound marketing services may have been removed from this environment/);
    assert.match(text, /The journey and its data are kept/);
    assert.match((await journey.control.textContent()) ?? "", /Last changed by Morgan Lee on Nov 1, 2026/);
    assert.doesNotMatch((await journey.control.textContent()) ?? "", /Waiting for the status to change/);
    assert.equal(await journey.banner("timeout").count(), 0, "no timeout error");

    // Decided on opening: no poll then, and none while it stays open.
    await sleep(5000);
    assert.deepEqual(polls(await harnessLog(url), J.goingLive), [], "no poll after it decided");

    await banner.getByRole("button", { name: "Check again" }).click();
    await banner.waitFor({ state: "detached" });
    await journey.banner("notProcessed").waitFor();
    await sleep(5000);
    const checked = polls(await harnessLog(url), J.goingLive);
    assert.equal(checked.length, 1, "Check again is one light read, then it decided again");
    assert.equal(await journey.statusLabel(), "Going live");
    assert.equal((await journeyRow(url, J.goingLive))?.statuscode, S.GoingLive, "nothing written");
  }));

test("a journey that goes live is polled no more than once per 2 s and none after it settled", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await harnessSettings(url, { goLiveDelayMs: 5000 });
    const journey = await JourneyPage.open(page, url, J.seedPatch);
    await clearLog(url);
    await journey.action("goLive").click();
    await journey.waitForStatus(S.Live, 20_000);
    await journey.idle();
    await sleep(4000);
    const times = polls(await harnessLog(url), J.seedPatch).map((entry) => Date.parse(entry.time));
    assert.ok(times.length >= 2, `polled while going live (${times.length})`);
    const gaps = times.slice(1).map((time, index) => time - times[index]);
    assert.ok(
      gaps.every((gap) => gap >= 1990),
      `gaps ${JSON.stringify(gaps)}`,
    );
    assert.equal(await journey.banner("notProcessed").count(), 0);
  }));

test("validate action off: Go live warns the journey may stay in Going live; Cancel writes nothing, asked again, confirming writes Going live once", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await harnessSettings(url, { validateAction: false });
    const journey = await JourneyPage.open(page, url, J.seedPatch);
    await clearLog(url);

    // Fluent's dialog surface: it goes (detached) with each answer.
    const dialog = page.locator(".ms-Dialog-main");
    await journey.action("goLive").click();
    await dialog.waitFor();
    const warning = (await dialog.textContent()) ?? "";
    assert.match(warning, /Go live without the marketing service\?/);
    assert.match(warning, /outbound marketing services may have been removed/);
    assert.match(warning, /it would stay in Going live for good/);
    // The environment's state is shown once, beside the question.
    const missing = journey.banner("actionMissing");
    await missing.waitFor();
    assert.match((await missing.textContent()) ?? "", /no marketing error check for journeys/);
    await journey.confirm("Cancel");
    await journey.idle();
    assert.deepEqual(patches(await harnessLog(url)), [], "Cancel: nothing written");
    assert.equal((await journeyRow(url, J.seedPatch))?.statuscode, S.Draft);

    // Remembered for nothing: asked again.
    await journey.action("goLive").click();
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? "", /stay in Going live/);
    await journey.confirm("Go live anyway");
    await journey.waitForStatus(S.GoingLive);
    const written = patches(await harnessLog(url));
    assert.equal(written.length, 1, "one status write");
    assert.equal(written[0].status, 204);
    assert.equal(await journey.banners().filter({ hasText: "no marketing error check" }).count(), 1, "shown once");
  }));
