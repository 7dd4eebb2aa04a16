import { LOCKABLE_FIELDS, lockedFields, type LockableField } from "./fieldLocks";
import { JourneyStatus } from "./types";

const NOW = new Date("2026-03-01T12:00:00Z");
const FUTURE = "2026-04-01T00:00:00Z";
const PAST = "2026-02-01T00:00:00Z";

const editable = (locks: Record<LockableField, boolean>) => LOCKABLE_FIELDS.filter((field) => !locks[field]).sort();

describe("field locks", () => {
  it("leaves every field editable in Draft", () => {
    expect(editable(lockedFields(JourneyStatus.Draft, PAST, NOW))).toEqual([...LOCKABLE_FIELDS].sort());
  });

  it.each([JourneyStatus.LiveEditable, JourneyStatus.Stopped])(
    "in status %s allows name, dates and recurrence numbers; the start date only before the start",
    (status) => {
      const afterGoLive = [
        "msdyncrm_enddatetime",
        "msdyncrm_name",
        "msdyncrm_recurrencecount",
        "msdyncrm_recurrenceintervaldays",
      ];
      expect(editable(lockedFields(status, FUTURE, NOW))).toEqual([...afterGoLive, "msdyncrm_startdatetime"].sort());
      expect(editable(lockedFields(status, PAST, NOW))).toEqual(afterGoLive);
      expect(editable(lockedFields(status, null, NOW))).toContain("msdyncrm_startdatetime");
      expect(lockedFields(status, NOW.toISOString(), NOW).msdyncrm_startdatetime).toBe(true);
    },
  );

  it.each([
    JourneyStatus.Live,
    JourneyStatus.Expired,
    JourneyStatus.Error,
    JourneyStatus.GoingLive,
    JourneyStatus.Stopping,
    123,
  ])("locks every field in status %s", (status) => {
    expect(editable(lockedFields(status, FUTURE, NOW))).toEqual([]);
  });

  it("reports every lockable field", () => {
    expect(Object.keys(lockedFields(JourneyStatus.Live, null, NOW)).sort()).toEqual([...LOCKABLE_FIELDS].sort());
  });
});
