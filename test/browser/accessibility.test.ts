import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import {
  axeViolations,
  createJourney,
  harnessSettings,
  patchJourney,
  ROOT,
  useBrowserHarness,
  withScreenshots,
} from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

// axe on the control in every status it shows and with every question it asks, in each of its four languages
// (issue 16). The French and Spanish pictures of a checked journey in docs/screenshots are taken here.

const J = SEED_IDS.journeys;
/** Going live and Stopping stay put while the test looks at them: the emulated service moves them on only after this. */
const suite = useBrowserHarness({ lifecycleDelayMs: 600_000 });
const SCREENSHOTS = path.join(ROOT, "docs/screenshots");
const VALID_CHECK = '{"ActivityValidationResults":[],"Result":"Valid"}';

/** Starts with an email, not a segment: one warning, so Go live asks first. */
const ONE_WARNING_TILES = [
  { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [] } },
  {
    ActivityTypeId: "Email",
    ParentActivityId: "01",
    ActivityId: "01_0",
    Properties: { Items: [{ ActivityTypeId: "Email", ItemId: SEED_IDS.emails.relationshipTest, Name: "Check-in" }] },
  },
];

type StatusName = keyof typeof S;

interface Language {
  lang: string;
  /** The status badge's words: the test proves the language was applied by them. */
  statuses: Record<StatusName, string>;
  /** The screenshot of the checked journey, for the README. */
  screenshot?: string;
}

const LANGUAGES: Record<string, Language> = {
  English: {
    lang: "1033",
    statuses: {
      Draft: "Draft",
      GoingLive: "Going live",
      Live: "Live",
      LiveEditable: "Live, editable",
      Stopping: "Stopping",
      Stopped: "Stopped",
      Expired: "Expired",
      Error: "Error",
    },
  },
  German: {
    lang: "1031",
    statuses: {
      Draft: "Entwurf",
      GoingLive: "Wird live geschaltet",
      Live: "Live",
      LiveEditable: "Live, bearbeitbar",
      Stopping: "Wird angehalten",
      Stopped: "Angehalten",
      Expired: "Abgelaufen",
      Error: "Fehler",
    },
  },
  French: {
    lang: "1036",
    statuses: {
      Draft: "Brouillon",
      GoingLive: "Mise en ligne en cours",
      Live: "En ligne",
      LiveEditable: "En ligne, modifiable",
      Stopping: "Arrêt en cours",
      Stopped: "Arrêté",
      Expired: "Expiré",
      Error: "Erreur",
    },
    screenshot: "control-fr-FR",
  },
  Spanish: {
    lang: "3082",
    statuses: {
      Draft: "Borrador",
      GoingLive: "Publicando",
      Live: "Publicado",
      LiveEditable: "Publicado, editable",
      Stopping: "Deteniendo",
      Stopped: "Detenido",
      Expired: "Caducado",
      Error: "Error",
    },
    screenshot: "control-es-ES",
  },
};

/** A draft with one warning: Go live asks about it first. */
const createWithWarning = (url: string) => createJourney(url, "Relationship check-in", ONE_WARNING_TILES);

/** A Going live and a Stopping the service is still working on. */
async function createInTransition(url: string): Promise<{ goingLive: string; stopping: string }> {
  const [goingLive, stopping] = await Promise.all(
    ["Winter webinar", "Loyalty programme"].map((name) => createJourney(url, name, ONE_WARNING_TILES)),
  );
  const moves: [string, number][] = [
    [goingLive, S.GoingLive],
    [stopping, S.GoingLive],
    [stopping, S.Live],
    [stopping, S.Stopping],
  ];
  for (const [id, statuscode] of moves) {
    const status = await patchJourney(url, id, { statuscode, msdyncrm_validationresults: VALID_CHECK });
    assert.equal(status, 204, `moving ${id} to ${statuscode}`);
  }
  return { goingLive, stopping };
}

type Ready = "verdict" | "notProcessed" | "check";

/** What axe finds on the page, each finding prefixed with where it was. */
async function axeAt(page: Page, where: string): Promise<string[]> {
  return (await axeViolations(page)).map((violation) => `${where}: ${violation}`);
}

/**
 * Opens the journey and checks the control shows it in `status`, in the language; then waits for `ready`: the
 * panel's verdict (after running Check for errors, for "check") or the not-processed banner.
 */
async function open(page: Page, url: string, language: Language, id: string, status: StatusName, ready: Ready) {
  const journey = await JourneyPage.open(page, url, id, { lang: language.lang });
  assert.equal(await journey.statusLabel(), language.statuses[status], `the status badge of ${id}`);
  if (ready === "check") {
    await journey.action("check").click();
    await journey.idle();
  }
  await (ready === "notProcessed" ? journey.banner("notProcessed") : journey.verdict()).waitFor();
  return journey;
}

/** Runs `action`, then axe with the question it asks open; Escape answers Cancel. */
async function question(journey: JourneyPage, where: string, action: string): Promise<string[]> {
  await journey.action(action).click();
  const dialog = journey.page.locator(".ms-Dialog-main");
  await dialog.waitFor();
  const found = await axeAt(journey.page, `${where}, ${action}'s question`);
  await journey.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  return found;
}

/** Opens each journey in turn and runs axe once it shows its status (and is ready). */
async function lookAt(page: Page, url: string, language: Language, journeys: [string, StatusName, Ready][]) {
  const found: string[] = [];
  for (const [id, status, ready] of journeys) {
    await open(page, url, language, id, status, ready);
    found.push(...(await axeAt(page, ready === "notProcessed" ? `${status}, not processed` : status)));
  }
  return found;
}

/** Draft: checked with an error, with a warning, and without the validate action, with the questions it asks. */
async function actInDraft(page: Page, url: string, language: Language, withWarning: string) {
  const found: string[] = [];
  // One error (its segment is a draft), named and linked; the outline marks its tile.
  let journey = await open(page, url, language, J.failsGoLive, "Draft", "check");
  found.push(...(await axeAt(page, "Draft")));
  if (language.screenshot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await journey.control.screenshot({
      path: path.join(SCREENSHOTS, `${language.screenshot}.png`),
      animations: "disabled",
    });
  }
  found.push(...(await question(journey, "Draft", "delete")));
  await journey.setField("msdyncrm_name", "New prospects welcome (typed)");
  found.push(...(await question(journey, "Draft with unsaved changes", "copy")));

  journey = await JourneyPage.open(page, url, withWarning, { lang: language.lang });
  found.push(...(await question(journey, "Draft with a warning", "goLive")));
  found.push(...(await axeAt(page, "Draft, checked with a warning")));
  await harnessSettings(url, { validateAction: false });
  found.push(...(await question(journey, "Draft without the validate action", "goLive")));
  await harnessSettings(url, { validateAction: true });
  return found;
}

/** Live, then Live, editable (after Edit: seen Live, so Cancel edit is offered), with the questions they ask. */
async function actInLive(page: Page, url: string, language: Language) {
  const found: string[] = [];
  const journey = await open(page, url, language, J.live, "Live", "verdict");
  found.push(...(await axeAt(page, "Live")));
  found.push(...(await question(journey, "Live", "stop")));
  await journey.action("edit").click();
  await journey.waitForStatus(S.LiveEditable);
  await journey.idle();
  assert.equal(await journey.statusLabel(), language.statuses.LiveEditable);
  found.push(...(await axeAt(page, "LiveEditable")));
  await journey.setField("msdyncrm_name", "Monthly newsletter (typed)");
  found.push(...(await question(journey, "LiveEditable with unsaved changes", "cancelEdit")));
  return found;
}

/** Each language in three tests, so that none runs long on a busy machine. */
for (const [name, language] of Object.entries(LANGUAGES)) {
  const axeTest = (what: string, look: (page: Page, url: string) => Promise<string[]>) =>
    test(`${name}: axe finds nothing ${what}`, (t) =>
      withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
        assert.deepEqual(await look(page, url), []);
        assert.deepEqual(pageErrors, []);
      }));

  axeTest("in Draft nor in the questions it asks", async (page, url) =>
    actInDraft(page, url, language, await createWithWarning(url)),
  );
  axeTest("in Live, Live editable nor in their questions", (page, url) => actInLive(page, url, language));
  axeTest("in Going live, Stopping, not processed, Stopped, Expired and Error", async (page, url) => {
    const { goingLive, stopping } = await createInTransition(url);
    return lookAt(page, url, language, [
      [goingLive, "GoingLive", "verdict"],
      [stopping, "Stopping", "verdict"],
      // Not processed: the marketing service never picked it up (the same banner as a Stopping's).
      [J.goingLive, "GoingLive", "notProcessed"],
      [J.stopped, "Stopped", "verdict"],
      [J.expired, "Expired", "verdict"],
      [J.error, "Error", "verdict"],
    ]);
  });
}
