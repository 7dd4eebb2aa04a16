import fc from "fast-check";
import {
  earliestFittingEnd,
  iterationCalendar,
  recurrenceFindings,
  recurrenceFits,
  recurrenceFromRecord,
  type RecurrenceValues,
} from "./recurrence";

/** The API page's example: a 28-day window, interval 30, count 3. */
const seed: RecurrenceValues = {
  isRecurring: true,
  intervalDays: 30,
  count: 3,
  start: "2019-02-08T11:48:00Z",
  end: "2019-03-08T11:48:00Z",
};

describe("recurrence", () => {
  it("reads the values from a journey record", () => {
    expect(
      recurrenceFromRecord({
        msdyncrm_isrecurring: true,
        msdyncrm_recurrenceintervaldays: 30,
        msdyncrm_recurrencecount: 3,
        msdyncrm_startdatetime: seed.start,
        msdyncrm_enddatetime: seed.end,
      }),
    ).toEqual(seed);
    expect(recurrenceFromRecord({}).isRecurring).toBe(false);
  });

  it("does not fit the seed's case, and names the earliest end date that would", () => {
    expect(recurrenceFits(seed)).toBe(false);
    expect(earliestFittingEnd(seed)).toBe("2019-05-09T11:48:00.000Z");
    expect(recurrenceFindings(seed)).toEqual([
      {
        activityId: "",
        fault: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
        severity: "Error",
        args: ["2019-05-09T11:48:00.000Z", "30", "3", "28"],
        source: "local",
      },
    ]);
    expect(recurrenceFindings({ ...seed, end: "2019-05-09T11:48:00Z" })).toEqual([]);
  });

  it("fits exactly when interval × count equals the window, not a minute less", () => {
    const exact = { ...seed, intervalDays: 7, count: 4 };
    expect(recurrenceFits(exact)).toBe(true);
    expect(recurrenceFits({ ...exact, end: "2019-03-08T11:47:00Z" })).toBe(false);
  });

  it("disregards seconds and milliseconds of start and end", () => {
    const exact = { ...seed, intervalDays: 7, count: 4 };
    expect(recurrenceFits({ ...exact, start: "2019-02-08T11:48:59.999Z", end: "2019-03-08T11:48:00Z" })).toBe(true);
    expect(recurrenceFits({ ...exact, start: "2019-02-08T11:48:00Z", end: "2019-03-08T11:47:59.999Z" })).toBe(false);
    expect(earliestFittingEnd({ ...exact, start: "2019-02-08T11:48:42.500Z" })).toBe("2019-03-08T11:48:00.000Z");
  });

  it("always fits a journey that does not recur, and has nothing to say about it", () => {
    const notRecurring = { ...seed, isRecurring: false, intervalDays: -1 };
    expect(recurrenceFits(notRecurring)).toBe(true);
    expect(earliestFittingEnd(notRecurring)).toBeNull();
    expect(recurrenceFindings(notRecurring)).toEqual([]);
    expect(iterationCalendar(notRecurring)).toEqual([]);
  });

  it("reports negative and non-integer intervals and counts", () => {
    const findings = recurrenceFindings({ ...seed, intervalDays: -2, count: 1.5 });
    expect(findings.map((f) => [f.fault, ...f.args])).toEqual([
      ["RecurrenceIntervalInvalid", "-2"],
      ["RecurrenceCountInvalid", "1.5"],
    ]);
    expect(recurrenceFits({ ...seed, intervalDays: 2.5, count: 1 })).toBe(false);
    expect(earliestFittingEnd({ ...seed, count: -1 })).toBeNull();
  });

  it("reports missing or unreadable dates on a recurring journey", () => {
    expect(recurrenceFindings({ ...seed, end: null }).map((f) => f.fault)).toEqual(["RecurrenceDatesMissing"]);
    expect(recurrenceFindings({ ...seed, start: "soon" }).map((f) => f.fault)).toEqual(["RecurrenceDatesMissing"]);
    expect(recurrenceFits({ ...seed, start: undefined })).toBe(false);
    // Without an end date the earliest fitting one can still be offered.
    expect(earliestFittingEnd({ ...seed, end: null })).toBe("2019-05-09T11:48:00.000Z");
  });

  it("still reports a schedule too long for any date, without an end date to offer", () => {
    const endless = { ...seed, intervalDays: 2_000_000_000, count: 2_000_000_000 };
    expect(earliestFittingEnd(endless)).toBeNull();
    expect(recurrenceFindings(endless).map((f) => f.args)).toEqual([["", "2000000000", "2000000000", "28"]]);
  });

  it("counts an absent interval or count as 0", () => {
    expect(recurrenceFits({ ...seed, intervalDays: null })).toBe(true);
    expect(earliestFittingEnd({ ...seed, count: undefined })).toBe("2019-02-08T11:48:00.000Z");
  });

  it("lays out the iterations, numbered from 1 and capped", () => {
    const weekly = {
      isRecurring: true,
      intervalDays: 7,
      count: 3,
      start: "2026-01-01T09:00:30Z",
      end: "2026-02-01T00:00:00Z",
    };
    expect(iterationCalendar(weekly)).toEqual([
      { index: 1, start: "2026-01-01T09:00:00.000Z", end: "2026-01-08T09:00:00.000Z" },
      { index: 2, start: "2026-01-08T09:00:00.000Z", end: "2026-01-15T09:00:00.000Z" },
      { index: 3, start: "2026-01-15T09:00:00.000Z", end: "2026-01-22T09:00:00.000Z" },
    ]);
    expect(iterationCalendar({ ...weekly, count: 500 })).toHaveLength(100);
    expect(iterationCalendar({ ...weekly, count: 500 }, 10)).toHaveLength(10);
    expect(iterationCalendar({ ...weekly, intervalDays: 0 })).toEqual([]);
    expect(iterationCalendar({ ...weekly, count: -3 })).toEqual([]);
  });

  const minute = 60_000;
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
  const recurring = fc.record({
    isRecurring: fc.constant(true),
    intervalDays: fc.integer({ min: 0, max: 400 }),
    count: fc.integer({ min: 0, max: 60 }),
    start: instant.map((t) => new Date(t).toISOString()),
    end: instant.map((t) => new Date(t).toISOString()),
  });

  it("always fits with the earliest fitting end date", () => {
    fc.assert(
      fc.property(recurring, (values) => {
        const earliest = earliestFittingEnd(values);
        expect(earliest).not.toBeNull();
        expect(recurrenceFits({ ...values, end: earliest })).toBe(true);
        expect(
          recurrenceFits({ ...values, end: new Date(Date.parse(earliest as string) - minute).toISOString() }),
        ).toBe(false);
      }),
    );
  });

  it("fits exactly when the end is on or after the earliest fitting end date", () => {
    fc.assert(
      fc.property(recurring, (values) => {
        const earliest = Date.parse(earliestFittingEnd(values) as string);
        expect(recurrenceFits(values)).toBe(Date.parse(values.end) >= earliest);
        expect(recurrenceFindings(values).length === 0).toBe(recurrenceFits(values));
      }),
    );
  });

  it("never throws on arbitrary values", () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant({ toString: null, valueOf: null }) as fc.Arbitrary<unknown> as fc.Arbitrary<number>,
      fc.anything({ withNullPrototype: true, withBigInt: true }) as fc.Arbitrary<number>,
    );
    const anyDate = fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid" : d.toISOString())),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        anyNumber,
        anyNumber,
        anyDate,
        anyDate,
        (isRecurring, intervalDays, count, start, end) => {
          const values = { isRecurring, intervalDays, count, start, end };
          recurrenceFindings(values);
          recurrenceFits(values);
          expect(iterationCalendar(values).length).toBeLessThanOrEqual(100);
          const earliest = earliestFittingEnd(values);
          if (earliest !== null) expect(recurrenceFits({ ...values, end: earliest })).toBe(true);
        },
      ),
    );
  });
});
