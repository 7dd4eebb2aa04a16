import { JourneyStatus, parseValidationResponse, type JourneyRecord } from "../../src/journey";
import { checkJourneyCount, generatedJourneys, withGeneratedJourneys } from "./generatedJourneys";
import { seedData } from "./seedData";

const NOW = new Date("2026-12-01T12:00:00Z");
const DAY_MS = 86_400_000;
const rows = generatedJourneys(1000, NOW) as JourneyRecord[];
const withStatus = (status: number) => rows.filter((row) => row.statuscode === status);

describe("generated journeys (--journeys)", () => {
  test("are the same for the same count and time, and unique beside the seeded ones", () => {
    expect(JSON.stringify(generatedJourneys(1000, NOW))).toBe(JSON.stringify(rows));
    const all = withGeneratedJourneys(seedData(), 1000, NOW).msdyncrm_customerjourneys;
    expect(all.slice(0, seedData().msdyncrm_customerjourneys.length)).toEqual(seedData().msdyncrm_customerjourneys);
    expect(new Set(all.map((row) => row.msdyncrm_customerjourneyid)).size).toBe(all.length);
  });

  test("come in every status, each at least 3 % of them", () => {
    for (const status of Object.values(JourneyStatus)) expect(withStatus(status).length).toBeGreaterThan(30);
  });

  test("Live ones run now, some ending within 30 days and some later", () => {
    const live = withStatus(JourneyStatus.Live);
    const endsIn = live.map((row) => Date.parse(String(row.msdyncrm_enddatetime)) - NOW.getTime());
    for (const row of live) expect(Date.parse(String(row.msdyncrm_startdatetime))).toBeLessThan(NOW.getTime());
    expect(endsIn.filter((ms) => ms > 0 && ms <= 30 * DAY_MS).length).toBeGreaterThan(live.length / 5);
    expect(endsIn.filter((ms) => ms > 30 * DAY_MS).length).toBeGreaterThan(live.length / 5);
  });

  test("Going live and Stopping ones have not changed for more than ten minutes", () => {
    const transitional = [...withStatus(JourneyStatus.GoingLive), ...withStatus(JourneyStatus.Stopping)];
    for (const row of transitional)
      expect(NOW.getTime() - Date.parse(String(row.modifiedon))).toBeGreaterThan(10 * 60_000);
  });

  test("Expired ones have ended; drafts start later", () => {
    for (const row of withStatus(JourneyStatus.Expired))
      expect(Date.parse(String(row.msdyncrm_enddatetime))).toBeLessThan(NOW.getTime());
    for (const row of withStatus(JourneyStatus.Draft))
      expect(Date.parse(String(row.msdyncrm_startdatetime))).toBeGreaterThan(NOW.getTime());
  });

  test("stored check results read as the control reads them: valid, warnings, errors, or none", () => {
    const verdicts = rows.map((row) =>
      row.msdyncrm_validationresults ? parseValidationResponse(row.msdyncrm_validationresults).verdict : "none",
    );
    for (const verdict of ["Valid", "Warning", "Error", "none"])
      expect(verdicts.filter((v) => v === verdict).length).toBeGreaterThan(20);
    for (const row of withStatus(JourneyStatus.Error))
      expect(parseValidationResponse(row.msdyncrm_validationresults).verdict).toBe("Error");
    expect(rows.some((row) => row.msdyncrm_isrecurring)).toBe(true);
  });

  test("a count outside 0..50,000 or not whole is refused", () => {
    expect(() => checkJourneyCount(1000)).not.toThrow();
    for (const bad of [-1, 1.5, 50_001, "10"]) expect(() => checkJourneyCount(bad)).toThrow(/whole number/);
  });
});
