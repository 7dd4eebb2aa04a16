import assert from "node:assert/strict";
import { test } from "node:test";
import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyStatus as S } from "../../src/journey/types";
import { useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const suite = useBrowserHarness();
/** A resource key as the control and the form script name their strings: what a user must never read. */
const RESOURCE_KEY = /\b(form|fault|status|panel|outline|tileType|action|recurrence|header)\.[A-Za-z0-9]/;

/** Breaks the journey's recurrence, sets it Going live and saves: the form script refuses with one error. */
async function saveBrokenGoLive(journey: JourneyPage, refusal: RegExp): Promise<string[]> {
  await journey.breakRecurrence();
  await journey.setField("statuscode", String(S.GoingLive));
  await journey.save();
  await journey.formNotifications().filter({ hasText: refusal }).first().waitFor();
  return journey.formNotifications().allTextContents();
}

test("an Italian user, for whom no RESX exists, reads the form script's notifications in English, never keys", (t) =>
  withScreenshots(t, suite, async ({ page, url }) => {
    const journey = await JourneyPage.open(page, url, SEED_IDS.journeys.simpleEmailSample, { lang: "1040" });
    const texts = await saveBrokenGoLive(journey, /Not saved/);
    assert.match(texts.join("\n"), /Not saved: 1 error stops this journey from going live/);
    assert.match(texts.join("\n"), /The recurrence does not fit between the start and end dates/);
    assert.deepEqual(
      texts.filter((text) => RESOURCE_KEY.test(text)),
      [],
      "no notification shows a resource key",
    );
  }));

const LANGUAGES = [
  {
    name: "French",
    lang: "1036",
    status: "Brouillon",
    goLive: "Mettre en ligne",
    tileType: "(Groupe de segments)",
    refusal: /Non enregistré\s:\s1 erreur empêche la mise en ligne de ce parcours/,
    finding: /La récurrence ne tient pas entre la date de début et la date de fin/,
  },
  {
    name: "Spanish",
    lang: "3082",
    status: "Borrador",
    goLive: "Publicar",
    tileType: "(Grupo de segmentos)",
    refusal: /No se ha guardado: 1 error impide publicar este recorrido/,
    finding: /La periodicidad no cabe entre la fecha de inicio y la de finalización/,
  },
];

for (const language of LANGUAGES) {
  test(`${language.name}: the control and the form script speak ${language.name}, never keys`, (t) =>
    withScreenshots(t, suite, async ({ page, url }) => {
      const journey = await JourneyPage.open(page, url, SEED_IDS.journeys.simpleEmailSample, { lang: language.lang });
      assert.equal(await journey.statusLabel(), language.status);
      assert.equal(await journey.actionLabel("goLive"), language.goLive);
      const controlText = (await journey.control.textContent()) ?? "";
      assert.ok(controlText.includes(language.tileType), `the outline names the tile type: ${controlText}`);
      assert.doesNotMatch(controlText, RESOURCE_KEY);

      const texts = await saveBrokenGoLive(journey, language.refusal);
      assert.match(texts.join("\n"), language.finding);
      assert.deepEqual(
        texts.filter((text) => RESOURCE_KEY.test(text)),
        [],
        "no notification shows a resource key",
      );
    }));
}
