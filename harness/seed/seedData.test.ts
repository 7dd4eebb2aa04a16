import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDefinition, referencedItems, runLocalChecks, STATUSES, type JourneyRecord } from "../../src/journey";
import { LARGE_JOURNEY_TILES, SEED_IDS, seedData } from "./seedData";

const journeys = () => seedData().msdyncrm_customerjourneys as JourneyRecord[];
const journey = (id: string) => {
  const row = journeys().find((r) => r.msdyncrm_customerjourneyid === id);
  if (!row) throw new Error(`no seeded journey ${id}`);
  return row;
};

describe("the harness seed", () => {
  test("is the same on every call and has a journey in every status", () => {
    expect(JSON.stringify(seedData())).toBe(JSON.stringify(seedData()));
    const statuses = new Set(journeys().map((r) => r.statuscode));
    for (const code of Object.keys(STATUSES)) expect(statuses).toContain(Number(code));
  });

  test("every journey id is unique", () => {
    const ids = journeys().map((r) => r.msdyncrm_customerjourneyid);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("Simple Email Sample is the seed page's create body, as a stored row, its days moved from 2019 to 2027", () => {
    const body = JSON.parse(readFileSync(path.join(__dirname, "../../test/fixtures/seed/create-request.json"), "utf8"));
    const row = journey(SEED_IDS.journeys.simpleEmailSample);
    expect(row.msdyncrm_name).toBe(body.msdyncrm_name);
    expect(row.msdyncrm_workflowdefinition).toBe(body.msdyncrm_workflowdefinition);
    expect(row.msdyncrm_customerjourneydesignerstate).toBe(body.msdyncrm_customerjourneydesignerstate);
    const in2027 = (date: string) => new Date(date).toISOString().replace(/^2019/, "2027");
    expect(new Date(String(row.msdyncrm_startdatetime)).toISOString()).toBe(in2027(body.msdyncrm_startdatetime));
    expect(new Date(String(row.msdyncrm_enddatetime)).toISOString()).toBe(in2027(body.msdyncrm_enddatetime));
    expect(runLocalChecks(row).verdict).not.toBe("Error");
  });

  test("the seed page's validate journey breaks the recurrence rule; the large one is large and sound", () => {
    expect(runLocalChecks(journey(SEED_IDS.journeys.seedValidate)).entries.map((e) => e.fault)).toContain(
      "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
    );
    const large = parseDefinition(journey(SEED_IDS.journeys.large).msdyncrm_workflowdefinition);
    expect(large.tiles.length).toBe(LARGE_JOURNEY_TILES);
    expect(runLocalChecks(journey(SEED_IDS.journeys.large)).verdict).not.toBe("Error");
  });

  test("every segment and email a journey references is seeded; the go-live failure uses a draft segment", () => {
    const data = seedData();
    const segments = new Set(data.msdyncrm_segments.map((r) => r.msdyncrm_segmentid));
    const emails = new Set(data.msdyncrm_marketingemails.map((r) => r.msdyncrm_marketingemailid));
    for (const row of journeys()) {
      const used = referencedItems(parseDefinition(row.msdyncrm_workflowdefinition));
      for (const id of used.segments) expect(segments).toContain(id);
      for (const id of used.emails) expect(emails).toContain(id);
    }
    const failing = referencedItems(
      parseDefinition(journey(SEED_IDS.journeys.failsGoLive).msdyncrm_workflowdefinition),
    );
    const draft = data.msdyncrm_segments.find((r) => r.msdyncrm_segmentid === SEED_IDS.segments.draft);
    expect(failing.segments).toContain(SEED_IDS.segments.draft);
    expect(draft?.statuscode).not.toBe(192350001);
  });
});
