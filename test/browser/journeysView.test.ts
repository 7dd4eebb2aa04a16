import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { Download, Page } from "playwright-core";
import { parseValidationResponse } from "../../src/journey";
import { seedData } from "../../harness/seed/seedData";
import {
  clearLog,
  eventually,
  injectFault,
  journeyRow,
  patchJourney,
  sleep,
  useBrowserHarness,
  withScreenshots,
} from "./testing/browserHarness";
import {
  allJourneys,
  JourneysViewPage,
  mostInFlight,
  reseed,
  timedLog,
  type Journey,
} from "./testing/journeysViewPage";

const suite = useBrowserHarness();

const LIVE = 192350001;
const STOPPING = 192350007;
const STOPPED = 192350002;
const TRANSITIONAL = [192350006, STOPPING];
const NOT_PROCESSED_AFTER_MS = 600_000;
const DAY_MS = 86_400_000;
const VALIDATE = "msdyncrm_CustomerJourneyValidate";

const storedVerdict = (journey: Journey) =>
  typeof journey.msdyncrm_validationresults === "string" && journey.msdyncrm_validationresults.trim()
    ? parseValidationResponse(journey.msdyncrm_validationresults).verdict
    : "none";
const notProcessed = (journey: Journey, now: number) =>
  TRANSITIONAL.includes(journey.statuscode) && now - Date.parse(String(journey.modifiedon)) >= NOT_PROCESSED_AFTER_MS;

/** What each quick filter keeps, worked out from the rows as the issue defines the chips. */
const CHIPS: Record<string, (journey: Journey, now: number) => boolean> = {
  live: (journey) => journey.statuscode === LIVE,
  endingSoon: (journey, now) => {
    const left = Date.parse(String(journey.msdyncrm_enddatetime)) - now;
    return journey.statuscode === LIVE && left > 0 && Math.ceil(left / DAY_MS) <= 30;
  },
  stuck: notProcessed,
  hasErrors: (journey) => storedVerdict(journey) === "Error",
  notChecked: (journey) => storedVerdict(journey) === "none",
};

const sortedIds = (journeys: readonly Journey[]) => journeys.map((j) => j.msdyncrm_customerjourneyid).sort();

test("the view shows every seeded journey with its status, its last check and the not-processed mark", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const view = new JourneysViewPage(page);
    await view.open(url);
    const seeded = seedData().msdyncrm_customerjourneys as Journey[];
    assert.deepEqual([...(await view.shownIds())].sort(), sortedIds(seeded));
    const now = Date.now();
    for (const journey of seeded) {
      const row = view.row(journey.msdyncrm_customerjourneyid);
      const name = String(journey.msdyncrm_name);
      assert.equal(await row.locator("[data-status]").getAttribute("data-status"), String(journey.statuscode), name);
      assert.equal(await row.locator("[data-verdict]").getAttribute("data-verdict"), storedVerdict(journey), name);
      assert.equal(await row.locator('[data-flag="notProcessed"]').count(), notProcessed(journey, now) ? 1 : 0, name);
    }
    // The name with markup is shown as text.
    assert.ok(await page.getByText("<img src=x onerror=alert(1)>").isVisible());
    assert.deepEqual(pageErrors, []);
  }));

test("each quick filter chip shows its count and only the journeys it names; pressed again, all come back", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    const journeys = await allJourneys(url);
    const now = Date.now();
    for (const [chip, keeps] of Object.entries(CHIPS)) {
      const expected = sortedIds(journeys.filter((journey) => keeps(journey, now)));
      assert.ok(expected.length > 0, `the generated journeys give the ${chip} chip something to show`);
      assert.match((await view.chip(chip).textContent()) ?? "", new RegExp(`\\(${expected.length}\\)`), chip);
      await view.chip(chip).click();
      assert.equal(await view.chip(chip).getAttribute("aria-pressed"), "true");
      await eventually(
        `the ${chip} rows`,
        async () => [...(await view.shownIds())].sort(),
        (ids) => ids.every((id, i) => id === expected[i]) && ids.length === expected.length,
      );
      await view.chip(chip).click();
      await eventually(
        `all rows after ${chip}`,
        () => view.shownIds(),
        (ids) => ids.length === journeys.length,
      );
    }
  }));

test("bulk check of 20: progress, a verdict per row, results stored, never more than 2 requests at a time", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    const chosen = (await view.shownIds()).slice(0, 20);
    await view.select(chosen);
    assert.match((await view.control.textContent()) ?? "", /20 journeys selected/);
    await clearLog(url);
    await view.bulk("check").click();
    await page.locator('[data-progress="running"]').waitFor();
    assert.match(
      (await page.locator('[data-progress="running"]').textContent()) ?? "",
      /Checking for errors: \d+ of 20/,
    );
    await view.waitFinished();
    assert.match(
      (await page.locator('[data-progress="finished"]').textContent()) ?? "",
      /Finished: 20 of 20 succeeded/,
    );
    for (const id of chosen) {
      assert.equal(await view.result(id).getAttribute("data-result"), "checked", id);
      const stored = await journeyRow(url, id);
      assert.ok(stored?.msdyncrm_validationresults, `the check's result is stored on ${id}`);
      const verdict = parseValidationResponse(stored?.msdyncrm_validationresults).verdict;
      assert.equal(await view.row(id).locator("[data-verdict]").getAttribute("data-verdict"), verdict, id);
    }
    const log = await timedLog(url);
    assert.equal(log.filter((entry) => entry.path.includes(VALIDATE)).length, 20, "one validate call per journey");
    assert.ok(mostInFlight(log) <= 2, `at most 2 requests in flight (was ${mostInFlight(log)})`);
  }));

test("bulk check while the server throttles the validate action (429, Retry-After): the view says so, then every journey is checked", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    const chosen = (await view.shownIds()).slice(0, 3);
    await view.select(chosen);
    await injectFault(url, { match: { method: "POST", pathContains: VALIDATE }, status: 429, retryAfter: 3 });
    await clearLog(url);
    await view.bulk("check").click();
    const notice = page.locator('[role="status"] [data-banner="serverBusy"]');
    await notice.waitFor();
    assert.equal(await notice.textContent(), "The server is busy. Trying again in 3 seconds…");
    await view.waitFinished();
    assert.equal(await notice.count(), 0, "the notice goes once the retry went through");
    assert.match((await page.locator('[data-progress="finished"]').textContent()) ?? "", /Finished: 3 of 3 succeeded/);
    for (const id of chosen) assert.equal(await view.result(id).getAttribute("data-result"), "checked", id);
    const validates = (await timedLog(url)).filter((entry) => entry.path.includes(VALIDATE));
    assert.deepEqual(
      validates.map((entry) => entry.status).sort(),
      [200, 200, 200, 429],
      "one validate refused, then each journey's went through",
    );
    assert.deepEqual(pageErrors, []);
  }));

test("cancel during a bulk check starts no new journeys; the rest say they did not run", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    const chosen = (await view.shownIds()).slice(0, 20);
    await view.select(chosen);
    await injectFault(url, { match: { method: "POST", pathContains: VALIDATE }, delayMs: 400, times: 20 });
    await clearLog(url);
    await view.bulk("check").click();
    await page.locator('[data-result="checked"]').first().waitFor();
    await view.bulk("cancel").click();
    await view.waitFinished();
    const validated = (await timedLog(url)).filter((entry) => entry.path.includes(VALIDATE)).length;
    assert.ok(validated < 20, `cancel left journeys unchecked (${validated} of 20 were)`);
    await sleep(1500);
    const later = (await timedLog(url)).filter((entry) => entry.path.includes(VALIDATE)).length;
    assert.equal(later, validated, "no request after the cancel settled");
    const notRun = await page.locator('[data-result="notRun"]').count();
    assert.equal(notRun, 20 - validated, "every journey not checked says it did not run");
  }));

test("bulk stop of 3 Live journeys, one changed by someone else meanwhile: 2 stop, 1 refused, nothing else written", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    await view.chip("live").click();
    const [changed, ...others] = (await view.shownIds()).slice(0, 3);
    assert.equal(others.length, 2, "three Live journeys to stop");
    await view.select([changed, ...others]);
    const before = await allJourneys(url);
    assert.equal(await patchJourney(url, changed, { msdyncrm_name: "Renamed by a colleague" }), 204);
    await clearLog(url);
    await view.bulk("stop").click();
    const dialog = view.dialog();
    assert.match((await dialog.textContent()) ?? "", /3 Live journeys stop/);
    await dialog.getByRole("button", { name: "Stop", exact: true }).click();
    await view.waitFinished();
    // The stopped ones are no longer Live: the chip released shows every row with its outcome.
    await view.chip("live").click();

    for (const id of others) assert.equal(await view.result(id).getAttribute("data-result"), "stopped", id);
    assert.equal(await view.result(changed).getAttribute("data-result"), "failed");
    assert.match((await view.result(changed).textContent()) ?? "", /Someone changed this journey/);
    for (const id of others)
      assert.ok([STOPPING, STOPPED].includes(Number((await journeyRow(url, id))?.statuscode)), `${id} stops`);
    const refused = await journeyRow(url, changed);
    assert.equal(refused?.statuscode, LIVE, "the changed journey is still Live");
    assert.equal(refused?.msdyncrm_name, "Renamed by a colleague", "and keeps the colleague's change");

    const writes = (await timedLog(url)).filter((entry) => !["GET"].includes(entry.method));
    const written = new Set(writes.map((entry) => /\(([0-9a-f-]{36})\)/.exec(entry.path)?.[1]));
    assert.deepEqual([...written].sort(), [...others].sort(), "only the two stopped journeys were written");
    assert.equal(writes.length, 2, "each written once");
    const after = await allJourneys(url);
    const version = (rows: Journey[], id: string) =>
      rows.find((r) => r.msdyncrm_customerjourneyid === id)?.["@odata.etag"];
    for (const journey of before) {
      const id = journey.msdyncrm_customerjourneyid;
      if (id !== changed && !others.includes(id)) assert.equal(version(after, id), version(before, id), id);
    }
  }));

test("bulk stop of Live journeys saved since the list was read with the same values, or only their stored check: both stop", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    await reseed(url, 30);
    const view = new JourneysViewPage(page);
    await view.open(url);
    await view.chip("live").click();
    const [resaved, rechecked] = (await view.shownIds()).slice(0, 2);
    await view.select([resaved, rechecked]);
    const name = (await journeyRow(url, resaved))?.msdyncrm_name;
    assert.equal(await patchJourney(url, resaved, { msdyncrm_name: name }), 204);
    const check = JSON.stringify({ ActivityValidationResults: [], Result: "Valid" });
    assert.equal(await patchJourney(url, rechecked, { msdyncrm_validationresults: check }), 204);
    await view.bulk("stop").click();
    await view.dialog().getByRole("button", { name: "Stop", exact: true }).click();
    await view.waitFinished();
    await view.chip("live").click();
    for (const id of [resaved, rechecked]) {
      assert.equal(await view.result(id).getAttribute("data-result"), "stopped", id);
      assert.ok([STOPPING, STOPPED].includes(Number((await journeyRow(url, id))?.statuscode)), `${id} stops`);
    }
  }));

/** Parses RFC 4180 CSV: quoted cells with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * The file an export offers: its download starts by itself, or, where the browser holds back a download
 * no click started (the export reads the journeys first), from a click on the link the control shows.
 */
async function download(page: Page, start: () => Promise<void>): Promise<Download> {
  const started = page.waitForEvent("download", { timeout: 30_000 });
  await start();
  const link = page.getByTestId("export-link");
  await link.waitFor({ timeout: 30_000 });
  const offered = await Promise.race([started, sleep(1000).then(() => null)]);
  if (offered) return offered;
  const [clicked] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return clicked;
}

test("export: the CSV and the JSON downloaded hold the selected journeys, outlines included", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const view = new JourneysViewPage(page);
    await view.open(url);
    const chosen = (await view.shownIds()).slice(0, 4);
    await view.select(chosen);

    const csvDownload = await download(page, () => view.bulk("exportCsv").click());
    assert.match(csvDownload.suggestedFilename(), /\.csv$/);
    const csv = parseCsv(readFileSync(await csvDownload.path(), "utf8").replace(/^\ufeff/, ""));
    const [header, ...lines] = csv;
    const idColumn = header.indexOf("Journey ID");
    assert.ok(idColumn >= 0, `the header names the id column: ${header.join(", ")}`);
    assert.deepEqual(lines.map((line) => line[idColumn]).sort(), [...chosen].sort());
    assert.ok(
      lines.every((line) => line.length === header.length),
      "every row has every column",
    );

    await view.waitFinished();
    const jsonDownload = await download(page, () => view.bulk("exportJson").click());
    assert.match(jsonDownload.suggestedFilename(), /\.json$/);
    const outlines = JSON.parse(readFileSync(await jsonDownload.path(), "utf8")) as {
      id: string;
      tiles: { type: string }[];
      segments: { id: string; name: string }[];
    }[];
    assert.deepEqual(outlines.map((outline) => outline.id).sort(), [...chosen].sort());
    for (const outline of outlines) {
      assert.ok(outline.tiles.length > 0, `${outline.id} has its tiles`);
      assert.ok(
        outline.tiles.some((tile) => tile.type === "Segment"),
        `${outline.id} has its segment tile`,
      );
    }
  }));

test("axe: no violations on the view page, with a chip pressed and journeys selected", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const view = new JourneysViewPage(page);
    await view.open(url);
    const first = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      first.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
      [],
    );
    await view.chip("notChecked").click();
    await view.select((await view.shownIds()).slice(0, 2));
    const second = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      second.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
      [],
    );
  }));

test("keyboard only: select two journeys in the list and check them for errors", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const view = new JourneysViewPage(page);
    await view.open(url);
    const focusedRow = () =>
      page.evaluate(() => document.activeElement?.closest(".ms-DetailsRow")?.getAttribute("data-item-index") ?? null);
    for (let presses = 0; (await focusedRow()) === null; presses++) {
      assert.ok(presses < 40, "Tab reaches the list's rows");
      await page.keyboard.press("Tab");
    }
    const [first, second] = await view.shownIds();
    // Fluent's list: Space selects the focused row, Shift+Arrow extends the selection (a plain Arrow moves it).
    await page.keyboard.press("Space");
    await page.keyboard.press("Shift+ArrowDown");
    assert.match((await view.control.textContent()) ?? "", /2 journeys selected/);
    const focusedAction = () => page.evaluate(() => document.activeElement?.getAttribute("data-bulk") ?? null);
    for (let presses = 0; (await focusedAction()) !== "check"; presses++) {
      assert.ok(presses < 40, "Shift+Tab reaches Check for errors");
      await page.keyboard.press("Shift+Tab");
    }
    await page.keyboard.press("Enter");
    await view.waitFinished();
    for (const id of [first, second]) assert.equal(await view.result(id).getAttribute("data-result"), "checked", id);
  }));
