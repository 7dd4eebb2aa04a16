import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  clearLog,
  harnessLog,
  harnessSettings,
  injectFault,
  journeyRow,
  patchJourney,
  pendingFaults,
  useBrowserHarness,
  withScreenshots,
  type FaultSpec,
  type LogEntry,
} from "./testing/browserHarness";
import type { Page } from "playwright-core";
import { JourneyPage } from "./testing/journeyPage";

const J = SEED_IDS.journeys;
/** A valid Draft ("Spring newsletter"): Go live = validate, re-read, PATCH. */
const DRAFT = J.seedPatch;
const suite = useBrowserHarness();

const patches = (log: LogEntry[]) => log.filter((entry) => entry.method === "PATCH");
const succeeded = (entries: LogEntry[]) => entries.filter((entry) => entry.status >= 200 && entry.status < 300);
/** The PATCHes the page sends from now on, one per fetch (the browser's own resends of one are not counted). */
function sentPatches(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH") sent.push(request.url());
  });
  return sent;
}
const onPatch: FaultSpec["match"] = { method: "PATCH", pathContains: DRAFT };
const onReread: FaultSpec["match"] = { method: "GET", pathContains: `msdyncrm_customerjourneys(${DRAFT})` };

interface Drill {
  name: string;
  fault: FaultSpec;
  banner: string;
  message: RegExp;
  /** How many times the control may send the PATCH (throttling is retried, bounded); none may succeed. */
  maxPatchAttempts: number;
}

const DRILLS: Drill[] = [
  {
    name: "401",
    fault: { match: onPatch, status: 401 },
    banner: "unauthorized",
    message: /Your sign-in has expired\. Sign in again, then retry\./,
    maxPatchAttempts: 1,
  },
  {
    name: "403",
    fault: { match: onPatch, status: 403 },
    banner: "forbidden",
    message: /You don't have the privilege to do this with customer journeys/,
    maxPatchAttempts: 1,
  },
  {
    name: "404 (row gone)",
    fault: { match: onReread, status: 404 },
    banner: "notFound",
    message: /This journey no longer exists/,
    maxPatchAttempts: 0,
  },
  {
    name: "412",
    fault: { match: onPatch, status: 412 },
    banner: "conflict",
    message: /Someone changed this journey after you opened it, so nothing was changed/,
    maxPatchAttempts: 1,
  },
  {
    name: "500",
    fault: { match: onPatch, status: 500 },
    banner: "server",
    message: /The server could not complete the request/,
    maxPatchAttempts: 1,
  },
  {
    name: "503 (keeps failing)",
    fault: { match: onPatch, status: 503, retryAfter: 1, times: 10 },
    banner: "throttled",
    message: /The server is busy right now, so nothing was changed/,
    maxPatchAttempts: 3,
  },
  // Chromium's network stack sends a request again by itself when a connection it reused closes without
  // an answer: on every idle keep-alive connection of its pool (6 per server) and then on a new one, so up
  // to 7 tries of the one fetch, as many as the pool holds idle connections. The drill keeps the connection
  // down for every try (more than 7); the control sends the PATCH once (the single drop is the test after these).
  {
    name: "dropped connection",
    fault: { match: onPatch, drop: true, times: 10 },
    banner: "network",
    message: /The server could not be reached/,
    maxPatchAttempts: 1,
  },
  {
    name: "malformed JSON",
    fault: { match: onReread, malformed: true },
    banner: "malformed",
    message: /The server's answer could not be read/,
    maxPatchAttempts: 0,
  },
];

for (const drill of DRILLS) {
  test(`fault drill ${drill.name}: Go live shows its clear message and writes nothing`, (t) =>
    withScreenshots(t, suite, async ({ page, url, dialogs }) => {
      const journey = await JourneyPage.open(page, url, DRAFT);
      const before = await journeyRow(url, DRAFT);
      await clearLog(url);
      await injectFault(url, drill.fault);
      const sent = sentPatches(page);
      await journey.action("goLive").click();
      const banner = journey.banner(drill.banner);
      await banner.waitFor({ timeout: 15_000 });
      assert.match((await banner.textContent()) ?? "", drill.message);
      await journey.idle();

      const log = await harnessLog(url);
      assert.ok(
        sent.length <= drill.maxPatchAttempts,
        `PATCH sent ${sent.length} times (at most ${drill.maxPatchAttempts})`,
      );
      assert.deepEqual(succeeded(patches(log)), [], "no PATCH went through");
      assert.deepEqual(
        log.filter((e) => e.method === "POST" && !/CustomerJourneyValidate/.test(e.path)),
        [],
        "nothing created",
      );
      const after = await journeyRow(url, DRAFT);
      assert.equal(after?.statuscode, S.Draft);
      assert.equal(after?.modifiedon, before?.modifiedon, "the row is untouched");
      assert.equal(await journey.statusLabel(), "Draft");
      assert.deepEqual(dialogs, []);
    }));
}

test("fault drill: one dropped connection on the PATCH → the browser's own retry goes through, exactly one write", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, DRAFT);
    await clearLog(url);
    await injectFault(url, { match: onPatch, drop: true });
    await journey.action("goLive").click();
    await journey.waitForStatus(S.Live, 15_000);
    const tried = patches(await harnessLog(url));
    assert.ok(tried.length <= 2, `PATCH tried ${tried.length} times`);
    assert.equal(succeeded(tried).length, 1, "exactly one PATCH went through");
  }));

// A real network can lose the answer of a write the server made. The browser then sends the PATCH again on
// another idle connection, whose If-Match the write has moved on (412), or gives up when there is none
// (a network error): either way the control reads the journey back and shows what is true.
test("fault drill: the PATCH is made but its answer is lost → the control reads the journey back and shows it Live", (t) =>
  withScreenshots(t, suite, async ({ page, url, dialogs }) => {
    const journey = await JourneyPage.open(page, url, DRAFT);
    await clearLog(url);
    await injectFault(url, { match: onPatch, dropAnswer: true });
    const sent = sentPatches(page);
    await journey.action("goLive").click();
    await journey.waitForStatus(S.Live, 15_000);
    await journey.idle();
    assert.equal(await journey.banners().count(), 0, "no error shown: the change was made");
    assert.equal(await journey.statusLabel(), "Live");
    assert.equal(sent.length, 1, "the control sent the write once");
    const tried = patches(await harnessLog(url));
    assert.deepEqual(
      tried.filter((entry) => entry.status !== 412).map((entry) => [entry.status, entry.answerDropped]),
      [[204, true]],
      "one write made (its answer lost); any resend of it refused by its If-Match",
    );
    assert.equal((await journeyRow(url, DRAFT))?.statuscode, S.Live);
    assert.deepEqual(dialogs, []);
  }));

test("fault drill 429 with Retry-After: the write is retried after the wait and goes through once", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, DRAFT);
    await clearLog(url);
    await injectFault(url, { match: onPatch, status: 429, retryAfter: 1 });
    await journey.action("goLive").click();
    await journey.waitForStatus(S.Live, 15_000);
    const tried = patches(await harnessLog(url));
    assert.deepEqual(
      tried.map((e) => e.status),
      [429, 204],
      "one throttled PATCH, then one that went through",
    );
    assert.equal(await journey.banners().count(), 0, "no error shown");
    assert.equal((await journeyRow(url, DRAFT))?.statuscode, S.Live);
  }));

test("fault drill: the validate action missing from the org → a clear banner, local checks only, go live asks first", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await harnessSettings(url, { validateAction: false });
    const journey = await JourneyPage.open(page, url, DRAFT);
    await journey.action("check").click();
    await journey.idle();
    const banner = journey.banner("actionMissing");
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? "", /no marketing error check for journeys/);
    // Never "No errors found" when the server's check did not run: the verdict says so, and why.
    assert.equal(
      await journey.verdict().textContent(),
      "The server's error check did not run: this environment has no server error check for journeys. " +
        "Only this product's own checks ran: no errors",
    );

    await clearLog(url);
    await journey.action("goLive").click();
    const dialog = page.locator(".ms-Dialog-main");
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? "", /Go live without the marketing service\?/);
    await journey.confirm("Cancel");
    await journey.idle();
    assert.deepEqual(patches(await harnessLog(url)), [], "declined: nothing written");
    assert.equal((await journeyRow(url, DRAFT))?.statuscode, S.Draft);
  }));

test("concurrency: another client changed the journey after the page loaded → refused with Reload, nothing overwritten", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, DRAFT);
    await journey.setField("msdyncrm_name", "Typed on this form");
    assert.equal(await patchJourney(url, DRAFT, { msdyncrm_name: "Changed elsewhere" }), 204);
    const changed = await journeyRow(url, DRAFT);
    await clearLog(url);

    await journey.action("goLive").click();
    const banner = journey.banner("conflict");
    await banner.waitFor();
    assert.match(
      (await banner.textContent()) ?? "",
      /Someone changed this journey after you opened it, so nothing was changed\. Reload it/,
    );
    assert.ok(await banner.getByRole("button", { name: "Reload" }).isVisible(), "a Reload is offered");
    await journey.idle();

    assert.deepEqual(patches(await harnessLog(url)), [], "no PATCH was sent");
    const row = await journeyRow(url, DRAFT);
    assert.equal(row?.msdyncrm_name, "Changed elsewhere", "the other client's change stays");
    assert.equal(row?.statuscode, S.Draft);
    assert.equal(row?.modifiedon, changed?.modifiedon);
    assert.equal(
      await journey.field("msdyncrm_name").inputValue(),
      "Typed on this form",
      "what the user typed is still on the form",
    );

    await banner.getByRole("button", { name: "Reload" }).click();
    await banner.waitFor({ state: "detached" });
    assert.equal(await journey.control.locator("h2").first().textContent(), "Changed elsewhere");
  }));

test("a rapid double click on Go live writes exactly one PATCH", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, DRAFT);
    await clearLog(url);
    // Two clicks in the same task (before React can re-render the disabled button), then a real double click.
    await journey.action("goLive").evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await journey
      .action("goLive")
      .dblclick({ force: true })
      .catch(() => undefined);
    await journey.waitForStatus(S.Live, 15_000);
    const tried = patches(await harnessLog(url));
    assert.equal(tried.length, 1, `PATCHes: ${JSON.stringify(tried)}`);
    assert.equal(succeeded(tried).length, 1);
  }));

test("markup in a journey name and in a fault argument renders as text; no dialog opens", (t) =>
  withScreenshots(t, suite, async ({ page, url, dialogs }) => {
    const journey = await JourneyPage.open(page, url, J.scriptName);
    assert.equal(await journey.control.locator("h2").first().textContent(), "<img src=x onerror=alert(1)>");

    const markup = '<img src=x onerror=alert(2)><b id="injected">bold</b>';
    const validationResult = JSON.stringify({
      ActivityValidationResults: [
        { ActivityId: "01_0", Fault: "ErrorSegmentNotLive", Result: "Error", ErrorMessageArguments: [markup] },
        { ActivityId: "", Fault: "<script>alert(3)</script>", Result: "Warning", ErrorMessageArguments: [markup] },
      ],
      Result: "Error",
    });
    await injectFault(url, {
      match: { method: "POST", pathContains: "msdyncrm_CustomerJourneyValidate" },
      status: 200,
      body: {
        "@odata.context": `${url}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.msdyncrm_CustomerJourneyValidateResponse`,
        ValidationResult: validationResult,
      },
    });
    await journey.action("check").click();
    await journey.idle();
    assert.deepEqual(await pendingFaults(url), [], "the check asked the server");
    const panel = (await journey.panel().textContent()) ?? "";
    assert.ok(panel.includes(`The segment ${markup} is not live.`), panel);
    assert.ok(panel.includes("<script>alert(3)</script>"), "the unknown code is shown as text");
    assert.equal(await page.locator('img[src="x"], #injected').count(), 0, "no element came from the data");
    assert.equal(await page.locator("#control-field script").count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
  }));
