import { LOCKABLE_FIELDS } from "../journey/fieldLocks";
import {
  Draft,
  Expired,
  GoingLive,
  InError,
  Live,
  LiveEditable,
  Stopped,
  Stopping,
  openJourneyForm,
  type JourneyFormFixture,
} from "./testing/journeyFormFixture";

const AFTER_GO_LIVE_EDITABLE = [
  "msdyncrm_name",
  "msdyncrm_startdatetime",
  "msdyncrm_enddatetime",
  "msdyncrm_recurrencecount",
  "msdyncrm_recurrenceintervaldays",
];

function lockedFieldsOn(fixture: JourneyFormFixture): string[] {
  return LOCKABLE_FIELDS.filter((field) => fixture.isDisabled(field));
}

function loaded(options: Parameters<typeof openJourneyForm>[0]): JourneyFormFixture {
  const fixture = openJourneyForm(options);
  fixture.handlers.onLoad({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
  return fixture;
}

describe("field locks on load", () => {
  let fixture: JourneyFormFixture | undefined;
  afterEach(() => fixture?.close());

  it("leaves every field editable on a draft", () => {
    fixture = loaded({ status: Draft });
    expect(lockedFieldsOn(fixture)).toEqual([]);
  });

  it.each([
    ["Live", Live],
    ["Going live", GoingLive],
    ["Stopping", Stopping],
    ["Error", InError],
    ["Expired", Expired],
  ])("locks every field while %s", (_label, status) => {
    fixture = loaded({ status });
    expect(lockedFieldsOn(fixture)).toEqual([...LOCKABLE_FIELDS]);
  });

  it.each([
    ["Live, editable", LiveEditable],
    ["Stopped", Stopped],
  ])(
    "while %s and not yet started, only name, dates and recurrence count and interval stay editable",
    (_label, status) => {
      fixture = loaded({ status, start: "2026-12-01T09:00:00.000Z", now: "2026-11-28T12:00:00.000Z" });
      expect(lockedFieldsOn(fixture)).toEqual(
        LOCKABLE_FIELDS.filter((field) => !AFTER_GO_LIVE_EDITABLE.includes(field)),
      );
    },
  );

  it("locks the start date of a stopped journey that has already started", () => {
    fixture = loaded({ status: Stopped, start: "2026-11-01T09:00:00.000Z", now: "2026-11-28T12:00:00.000Z" });
    expect(fixture.isDisabled("msdyncrm_startdatetime")).toBe(true);
    expect(fixture.isDisabled("msdyncrm_enddatetime")).toBe(false);
  });

  it("never unlocks a field the form designer made read-only", () => {
    fixture = loaded({ status: Draft, disabledByDesign: ["msdyncrm_customerjourneytimezone"] });
    expect(lockedFieldsOn(fixture)).toEqual(["msdyncrm_customerjourneytimezone"]);
  });
});

describe("field locks when the status changes", () => {
  let fixture: JourneyFormFixture | undefined;
  afterEach(() => fixture?.close());

  it("re-applies the locks for the status now on the form", () => {
    fixture = loaded({ status: Live });
    fixture.form.getAttribute("statuscode")!.setValue(LiveEditable);
    fixture.handlers.onStatusChange({ getFormContext: () => fixture!.form } as unknown as Xrm.Events.EventContext);
    expect(fixture.isDisabled("msdyncrm_name")).toBe(false);
    expect(fixture.isDisabled("msdyncrm_workflowdefinition")).toBe(true);

    fixture.form.getAttribute("statuscode")!.setValue(Live);
    fixture.handlers.onStatusChange({ getFormContext: () => fixture!.form } as unknown as Xrm.Events.EventContext);
    expect(fixture.isDisabled("msdyncrm_name")).toBe(true);
  });
});
