import { calendarFindings } from "./calendarChecks";
import { runLocalChecks } from "./localChecks";
import { generateDefinition } from "./testing/sampleDefinition";
import { JourneyStatus, type JourneyRecord } from "./types";

const NOW = "2026-12-01T12:00:00.000Z";
const clock = () => new Date(NOW);
/** `minutes` from now, as the Web API writes a date. */
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const DAY = 24 * 60;

const draft: JourneyRecord = {
  msdyncrm_name: "Winter offers",
  statuscode: JourneyStatus.Draft,
  msdyncrm_startdatetime: at(DAY),
  msdyncrm_enddatetime: at(30 * DAY),
  msdyncrm_isrecurring: false,
  msdyncrm_workflowdefinition: generateDefinition(6),
};

const found = (values: JourneyRecord) =>
  calendarFindings(values, clock).map((entry) => [entry.fault, entry.severity, ...entry.args]);

describe("calendarFindings", () => {
  it("finds nothing in a journey that starts and ends in the future", () => {
    expect(found(draft)).toEqual([]);
  });

  it("refuses an end exactly now, and one a minute ago; an end a minute ahead passes", () => {
    expect(found({ ...draft, msdyncrm_startdatetime: at(-DAY), msdyncrm_enddatetime: NOW })).toEqual([
      ["EndDatePassed", "Error", NOW],
    ]);
    expect(found({ ...draft, msdyncrm_startdatetime: at(-DAY), msdyncrm_enddatetime: at(-1) })).toEqual([
      ["EndDatePassed", "Error", at(-1)],
    ]);
    expect(found({ ...draft, msdyncrm_startdatetime: at(1), msdyncrm_enddatetime: at(2) })).toEqual([]);
  });

  it("warns of a draft's start one minute ago, not of a start exactly now", () => {
    expect(found({ ...draft, msdyncrm_startdatetime: at(-1) })).toEqual([["StartDatePassed", "Warning", at(-1)]]);
    expect(found({ ...draft, msdyncrm_startdatetime: NOW })).toEqual([]);
    expect(found({ ...draft, statuscode: undefined, msdyncrm_startdatetime: at(-1) })).toEqual([
      ["StartDatePassed", "Warning", at(-1)],
    ]);
  });

  it("does not warn of the start of a journey that has run before (restart, republish, retry)", () => {
    for (const statuscode of [JourneyStatus.Stopped, JourneyStatus.LiveEditable, JourneyStatus.Error])
      expect(found({ ...draft, statuscode, msdyncrm_startdatetime: at(-DAY) })).toEqual([]);
  });

  it("refuses a recurrence whose last iteration ended exactly now, not one that ends a minute later", () => {
    // Every 7 days, 3 times, from 21 days ago: the third iteration ends now; the end date is still ahead.
    const recurring = {
      ...draft,
      msdyncrm_isrecurring: true,
      msdyncrm_recurrenceintervaldays: 7,
      msdyncrm_recurrencecount: 3,
      msdyncrm_startdatetime: at(-21 * DAY),
    };
    expect(found(recurring)).toEqual([["IterationsPassed", "Error", NOW]]);
    expect(found({ ...recurring, msdyncrm_startdatetime: at(-21 * DAY + 1) })).toEqual([
      ["StartDatePassed", "Warning", at(-21 * DAY + 1)],
    ]);
    expect(found({ ...recurring, msdyncrm_recurrencecount: 0 })).toEqual([
      ["StartDatePassed", "Warning", at(-21 * DAY)],
    ]);
  });

  it("says only that the end has passed when the iterations and the start have passed too", () => {
    const over = { ...draft, msdyncrm_startdatetime: at(-30 * DAY), msdyncrm_enddatetime: at(-DAY) };
    expect(
      found({ ...over, msdyncrm_isrecurring: true, msdyncrm_recurrenceintervaldays: 1, msdyncrm_recurrencecount: 2 }),
    ).toEqual([["EndDatePassed", "Error", at(-DAY)]]);
  });

  it("leaves missing or unreadable dates to the other checks", () => {
    expect(found({ ...draft, msdyncrm_startdatetime: null, msdyncrm_enddatetime: "soon" })).toEqual([]);
  });
});

describe("runLocalChecks with a clock", () => {
  it("blocks going live on the seed's 2019 journey once its recurrence fits, and not without a clock (the emulated org)", () => {
    const sample: JourneyRecord = {
      ...draft,
      msdyncrm_name: "Sample Customer Journey",
      msdyncrm_startdatetime: "2019-02-08T11:48:00Z",
      msdyncrm_enddatetime: "2019-07-08T11:48:00Z",
      msdyncrm_isrecurring: true,
      msdyncrm_recurrenceintervaldays: 30,
      msdyncrm_recurrencecount: 3,
    };
    const withClock = runLocalChecks(sample, clock);
    expect(withClock.verdict).toBe("Error");
    expect(withClock.entries.map((entry) => entry.fault)).toEqual(["EndDatePassed"]);
    expect(runLocalChecks(sample)).toEqual({ verdict: "Valid", entries: [] });
  });

  it("gives a Warning verdict for a draft that would start at once", () => {
    expect(runLocalChecks({ ...draft, msdyncrm_startdatetime: at(-1) }, clock).verdict).toBe("Warning");
  });
});
