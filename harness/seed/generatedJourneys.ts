import { JourneyStatus, toValidationResultJson, type ValidationEntry } from "../../src/journey";
import type { Row, StoreData } from "../webapi/store";
import { journey, SEED_IDS, SEGMENT_2KZQ1P, simpleDefinition } from "./seedData";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** mulberry32: a small seeded generator, so the same count gives the same journeys on every start. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const THEMES = ["Spring newsletter", "Webinar invitation", "Renewal reminder", "Event follow-up", "Product tour"];
const AUDIENCES = ["EMEA", "North America", "APAC", "Partners", "New leads", "Customers"];

/** Status reasons with how often each comes up (out of 100); Live ones end within 30 days 40 % of the time. */
const STATUS_MIX: readonly [number, number][] = [
  [JourneyStatus.Draft, 30],
  [JourneyStatus.Live, 25],
  [JourneyStatus.LiveEditable, 5],
  [JourneyStatus.GoingLive, 5],
  [JourneyStatus.Stopping, 5],
  [JourneyStatus.Stopped, 10],
  [JourneyStatus.Expired, 15],
  [JourneyStatus.Error, 5],
];

const entry = (activityId: string, fault: string, severity: "Warning" | "Error", args: string[] = []) =>
  ({ activityId, fault, severity, args, source: "server" }) as ValidationEntry;

/** Stored check results as the control writes them (toValidationResultJson). */
const RESULTS = {
  valid: toValidationResultJson({ verdict: "Valid", entries: [] }),
  warning: toValidationResultJson({ verdict: "Warning", entries: [entry("", "StartDatePassed", "Warning")] }),
  error: toValidationResultJson({
    verdict: "Error",
    entries: [
      entry("01_0", "ErrorSegmentNotLive", "Error", [SEED_IDS.segments.draft]),
      entry("01_0_2", "ErrorEmailNotLive", "Error", [SEED_IDS.emails.draft]),
    ],
  }),
};

/** Which stored result a journey of that status has: Error ones always errors, drafts often none. */
function resultFor(status: number, roll: number): string | null {
  if (status === JourneyStatus.Error) return RESULTS.error;
  if (status === JourneyStatus.Draft) return roll < 0.4 ? null : roll < 0.7 ? RESULTS.valid : RESULTS.error;
  if (status === JourneyStatus.GoingLive || status === JourneyStatus.Stopping) return roll < 0.3 ? null : RESULTS.valid;
  return roll < 0.1 ? null : roll < 0.85 ? RESULTS.valid : RESULTS.warning;
}

/** Start and end around `now` that fit the status: Expired ended, Live running, Draft starting later. */
function scheduleFor(status: number, at: (days: number) => string, random: () => number, days: (n: number) => number) {
  switch (status) {
    case JourneyStatus.Expired:
      return { msdyncrm_startdatetime: at(-120 - days(200)), msdyncrm_enddatetime: at(-1 - days(90)) };
    case JourneyStatus.Draft:
      return { msdyncrm_startdatetime: at(2 + days(60)), msdyncrm_enddatetime: at(70 + days(120)) };
    default: {
      const endsSoon = status === JourneyStatus.Live && random() < 0.4;
      return {
        msdyncrm_startdatetime: at(-1 - days(90)),
        msdyncrm_enddatetime: at(endsSoon ? 1 + days(28) : 31 + days(180)),
      };
    }
  }
}

/**
 * `count` journeys in a realistic mix, the same for the same `count` and `now`: Draft, Live (some ending
 * within 30 days), Going live / Stopping not processed for longer than ten minutes, Stopped, Expired,
 * Error; stored check results valid, with warnings, with errors, or none; some recurring.
 */
export function generatedJourneys(count: number, now: Date): Row[] {
  const random = seededRandom(17);
  const days = (n: number) => Math.floor(random() * n);
  const at = (dayOffset: number) => new Date(now.getTime() + dayOffset * DAY_MS).toISOString();
  const users = [SEED_IDS.users.current, SEED_IDS.users.colleague];
  const draftContent = simpleDefinition(SEED_IDS.segments.draft, "New prospects (draft)");
  const liveContent = simpleDefinition(SEED_IDS.segments.createSample, SEGMENT_2KZQ1P);
  return Array.from({ length: count }, (_, n) => {
    let roll = random() * 100;
    const status = STATUS_MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? JourneyStatus.Draft;
    const transitional = status === JourneyStatus.GoingLive || status === JourneyStatus.Stopping;
    // Transitional ones from 11 minutes to 5 days ago: all past the not-processed threshold.
    const modifiedon = new Date(
      now.getTime() - (transitional ? 11 * 60_000 + random() * 5 * DAY_MS : HOUR_MS + random() * 60 * DAY_MS),
    ).toISOString();
    const recurring = random() < 0.15;
    const results = resultFor(status, random());
    const number = String(n + 1).padStart(4, "0");
    return journey(
      `3f1d2c4b-0000-4000-9000-${(n + 1).toString(16).padStart(12, "0")}`,
      `${THEMES[n % THEMES.length]} – ${AUDIENCES[days(AUDIENCES.length)]} #${number}`,
      status,
      {
        ...scheduleFor(status, at, random, days),
        msdyncrm_workflowdefinition: results === RESULTS.error ? draftContent : liveContent,
        msdyncrm_isrecurring: recurring,
        msdyncrm_recurrenceintervaldays: recurring ? [7, 14, 30][days(3)] : null,
        msdyncrm_recurrencecount: recurring ? 2 + days(5) : null,
        msdyncrm_validationresults: results,
        _ownerid_value: users[days(2)],
        _modifiedby_value: users[days(2)],
        createdon: new Date(Date.parse(modifiedon) - days(30) * DAY_MS).toISOString(),
        modifiedon,
      },
    );
  });
}

export const MAX_GENERATED_JOURNEYS = 50_000;

export function checkJourneyCount(count: unknown): asserts count is number {
  if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > MAX_GENERATED_JOURNEYS)
    throw new Error(`The number of generated journeys must be a whole number from 0 to ${MAX_GENERATED_JOURNEYS}.`);
}

/** The seed with `count` generated journeys added after the seeded ones. */
export function withGeneratedJourneys(seed: StoreData, count: number, now: Date): StoreData {
  if (count <= 0) return seed;
  return { ...seed, msdyncrm_customerjourneys: [...seed.msdyncrm_customerjourneys, ...generatedJourneys(count, now)] };
}
