import { journeyListRow, storedCheck } from "./journeyListRow";
import { NOT_PROCESSED_AFTER_MS } from "./statusModel";
import { JourneyStatus } from "./types";

const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const stored = (results: { Result: string; Fault?: string }[], verdict: string) =>
  JSON.stringify({
    ActivityValidationResults: results.map((entry, i) => ({
      ActivityId: "01_1",
      Fault: entry.Fault ?? `F${i}`,
      ...entry,
    })),
    Result: verdict,
  });

describe("journeyListRow", () => {
  it("counts the days left until the end, rounded up, and none once it passed", () => {
    const row = (end: string) => journeyListRow({ msdyncrm_enddatetime: end }, now).endsInDays;
    expect(row("2026-12-01T13:00:00Z")).toBe(1);
    expect(row("2026-12-31T12:00:00Z")).toBe(30);
    expect(row("2026-12-31T12:00:01Z")).toBe(31);
    expect(row("2026-11-30T12:00:00Z")).toBeNull();
    expect(journeyListRow({}, now).endsInDays).toBeNull();
  });

  it("marks a journey Going live or Stopping unchanged past the form's threshold as not processed since its last change", () => {
    const threshold = NOT_PROCESSED_AFTER_MS / 60_000;
    const row = (statuscode: number, minutes: number) =>
      journeyListRow({ statuscode, modifiedon: minutesAgo(minutes) }, now).notProcessedSince;
    expect(row(JourneyStatus.GoingLive, threshold)).toBe(minutesAgo(threshold));
    expect(row(JourneyStatus.Stopping, threshold + 60)).toBe(minutesAgo(threshold + 60));
    expect(row(JourneyStatus.GoingLive, threshold - 1)).toBeNull();
    expect(row(JourneyStatus.Live, threshold * 10)).toBeNull();
  });

  it("reads the last check's verdict and counts from the stored results, merged as the form's panel merges them", () => {
    const results = stored(
      [{ Result: "Error", Fault: "A" }, { Result: "Error", Fault: "A" }, { Result: "Error" }, { Result: "Warning" }],
      "Error",
    );
    expect(journeyListRow({ msdyncrm_validationresults: results }, now).lastCheck).toEqual({
      verdict: "Error",
      errors: 2,
      warnings: 1,
    });
    expect(storedCheck(stored([], "Valid"))).toEqual({ verdict: "Valid", errors: 0, warnings: 0 });
  });

  it("tells a journey never checked from one whose stored results cannot be read (that counts as an error)", () => {
    expect(storedCheck(null)).toBeNull();
    expect(storedCheck("  ")).toBeNull();
    expect(storedCheck("not json")).toEqual({ verdict: "Error", errors: 1, warnings: 0 });
  });
});
