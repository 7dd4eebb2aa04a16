import { isolateBidi as isolated } from "../journey/bidiIsolation";
import {
  Draft,
  GoingLive,
  InError,
  Live,
  LiveEditable,
  Stopping,
  openJourneyForm,
  settle,
  validateResponse,
  type JourneyFormFixture,
  type JourneyFormOptions,
} from "./testing/journeyFormFixture";

function loaded(options: JourneyFormOptions): JourneyFormFixture {
  const fixture = openJourneyForm(options);
  fixture.handlers.onLoad({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
  return fixture;
}

const status = (fixture: JourneyFormFixture) => fixture.form.getAttribute("statuscode")!.getValue();

describe("OnLoad notification", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it("tells the user a journey in Error failed to go live, and takes it away once it is live again", () => {
    fixture = loaded({ status: InError });
    expect(fixture.notifications()).toEqual([
      {
        level: "ERROR",
        id: "cjt-journey-error",
        message: "This journey failed to go live. Check it for errors, then go live again or stop it.",
      },
    ]);

    fixture.form.getAttribute("statuscode")!.setValue(Live);
    const dataLoadHandlers = (fixture.form.data as unknown as { loadEventHandlers: ((context: unknown) => void)[] })
      .loadEventHandlers;
    dataLoadHandlers.forEach((handler) => handler({ getFormContext: () => fixture.form }));
    expect(fixture.notifications()).toEqual([]);
  });

  it("shows nothing on a draft", () => {
    fixture = loaded({ status: Draft });
    expect(fixture.notifications()).toEqual([]);
  });
});

describe("command: Check for errors", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it("says so when there is nothing to fix", async () => {
    fixture = loaded({ status: Draft });
    await fixture.handlers.checkForErrors(fixture.form);
    expect(fixture.notifications()).toEqual([
      { level: "INFO", id: "cjt-check-0", message: "The error check found no problems." },
    ]);
    expect(fixture.saved).toEqual([]);
  });

  it("lists the findings, naming the tile, and replaces them on the next check", async () => {
    fixture = loaded({ status: Draft });
    fixture.answerValidate(
      validateResponse({
        ActivityValidationResults: [
          {
            ActivityId: "01_0_2",
            Fault: "ErrorEmailNotLive",
            Result: "Error",
            ErrorMessageArguments: ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"],
          },
          { ActivityId: "01_0", Fault: "SomethingNew", Result: "Warning", ErrorMessageArguments: ["x1"] },
        ],
        Result: "Error",
      }),
    );
    await fixture.handlers.checkForErrors(fixture.form);
    expect(fixture.notifications().map(({ level, message }) => [level, message])).toEqual([
      ["ERROR", "The error check found 1 error and 1 warning."],
      [
        "ERROR",
        `Tile "${isolated("Welcome email")}": The email ${isolated("15bd0ab8-c12a-e911-a9b6-000d3a1e6c14")} is not live. Take the email live, then check again.`,
      ],
      [
        "WARNING",
        `Tile "${isolated("New Segment group")}": The error check reported a problem that this product does not describe: ${isolated("SomethingNew")}. Arguments: ${isolated("x1")}. Look the code up in the product documentation, or ask your administrator.`,
      ],
    ]);

    fixture.answerValidate(validateResponse({ ActivityValidationResults: [], Result: "Valid" }));
    await fixture.handlers.checkForErrors(fixture.form);
    expect(fixture.notifications().map(({ message }) => message)).toEqual(["The error check found no problems."]);
  });

  it("lists each fault once per tile and arguments: two segments not live are two, one both checks found is one", async () => {
    fixture = loaded({ status: Draft, isRecurring: true, intervalDays: 30, count: 3 });
    const segmentNotLive = (id: string) => ({
      ActivityId: "01_0",
      Fault: "ErrorSegmentNotLive",
      Result: "Error",
      ErrorMessageArguments: [id],
    });
    fixture.answerValidate(
      validateResponse({
        ActivityValidationResults: [
          segmentNotLive("24db2671-1529-e911-a9b7-000d3a1e6adc"),
          segmentNotLive("35ec3782-1529-e911-a9b7-000d3a1e6adc"),
          {
            ActivityId: "",
            Fault: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
            Result: "Error",
            ErrorMessageArguments: [],
          },
        ],
        Result: "Error",
      }),
    );
    await fixture.handlers.checkForErrors(fixture.form);
    const messages = fixture.notifications().map(({ message }) => message);
    expect(messages[0]).toBe("The error check found 3 errors.");
    expect(messages.filter((message) => message.includes("is not live"))).toEqual([
      expect.stringContaining("24db2671-1529-e911-a9b7-000d3a1e6adc"),
      expect.stringContaining("35ec3782-1529-e911-a9b7-000d3a1e6adc"),
    ]);
    expect(messages.filter((message) => message.includes("The recurrence does not fit"))).toHaveLength(1);
  });

  it("accepts an execution context as well as the primary control", async () => {
    fixture = loaded({ status: Draft });
    await fixture.handlers.checkForErrors({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
    expect(fixture.validateRequests).toHaveLength(1);
  });

  it("caps the notifications and points to the panel for the rest", async () => {
    fixture = loaded({ status: Draft });
    fixture.answerValidate(
      validateResponse({
        ActivityValidationResults: Array.from({ length: 8 }, (_, index) => ({
          ActivityId: "",
          Fault: `Fault${index}`,
          Result: "Error",
          ErrorMessageArguments: [],
        })),
        Result: "Error",
      }),
    );
    await fixture.handlers.checkForErrors(fixture.form);
    const shown = fixture.notifications();
    expect(shown).toHaveLength(7);
    expect(shown[6]).toMatchObject({
      level: "INFO",
      message: "3 more findings are listed in the error check panel.",
    });
  });
});

describe("commands that change the status", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it("Go live checks, then saves Going live", async () => {
    fixture = loaded({ status: Draft, asyncSave: true });
    await fixture.handlers.goLive(fixture.form);
    expect(fixture.validateRequests).toHaveLength(1);
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
    expect(fixture.isDisabled("msdyncrm_name")).toBe(true);
  });

  it("Go live with blocking errors saves nothing and leaves the draft editable", async () => {
    fixture = loaded({ status: Draft, asyncSave: false });
    fixture.form.getAttribute("msdyncrm_enddatetime")!.setValue(new Date("2026-11-30T00:00:00.000Z"));
    await fixture.handlers.goLive(fixture.form);
    await settle();
    expect(fixture.saved).toEqual([]);
    expect(status(fixture)).toBe(Draft);
    expect(fixture.isDisabled("msdyncrm_enddatetime")).toBe(false);
    expect(fixture.form.getAttribute("msdyncrm_enddatetime")!.getValue()).toEqual(new Date("2026-11-30T00:00:00.000Z"));
    expect(fixture.checkSummary()?.level).toBe("ERROR");
  });

  it("Stop asks first and saves Stopping only when confirmed", async () => {
    fixture = loaded({ status: Live });
    fixture.confirmAnswers.push(false);
    await fixture.handlers.stop(fixture.form);
    expect(fixture.saved).toEqual([]);
    expect(status(fixture)).toBe(Live);

    fixture.confirmAnswers.push(true);
    await fixture.handlers.stop(fixture.form);
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([Stopping]);
    expect(fixture.validateRequests).toEqual([]);
  });

  it("Edit saves Live, editable and unlocks what may change", async () => {
    fixture = loaded({ status: Live });
    await fixture.handlers.edit(fixture.form);
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([LiveEditable]);
    expect(fixture.isDisabled("msdyncrm_name")).toBe(false);
    expect(fixture.isDisabled("msdyncrm_workflowdefinition")).toBe(true);
  });

  it("Edit on a draft is refused with the reason", async () => {
    fixture = loaded({ status: Draft });
    await fixture.handlers.edit(fixture.form);
    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()?.message).toBe(
      "Not saved: a journey cannot go from Draft to Live, editable. The status was set back to Draft.",
    );
  });

  it("a save the platform rejects is reported and the status put back", async () => {
    fixture = loaded({ status: Live });
    fixture.form.data.save = (() =>
      Promise.reject({ errorCode: -2147220891, message: "You do not have permission to stop this journey." })) as never;
    fixture.confirmAnswers.push(true);
    await fixture.handlers.stop(fixture.form);
    expect(fixture.notifications()).toContainEqual({
      level: "ERROR",
      id: "cjt-save-failed",
      message: "You do not have permission to stop this journey.",
    });
    expect(status(fixture)).toBe(Live);
  });
});
