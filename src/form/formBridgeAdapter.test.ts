/** @jest-environment jsdom */
import type { FormEvent } from "../bridge/formBridgeTypes";
import {
  CONTENT_SETTINGS_ID,
  Draft,
  GoingLive,
  Live,
  LiveEditable,
  Stopping,
  openJourneyForm,
  settle,
  validateResponse,
  type JourneyFormFixture,
} from "./testing/journeyFormFixture";

function loaded(options: Parameters<typeof openJourneyForm>[0]): JourneyFormFixture {
  const fixture = openJourneyForm(options);
  fixture.handlers.onLoad({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
  return fixture;
}

/** The user changes a field: its value, then its OnChange. */
function userSets(fixture: JourneyFormFixture, name: string, value: unknown): void {
  const attribute = fixture.form.getAttribute(name)!;
  attribute.setValue(value as never);
  attribute.fireOnChange();
}

describe("the form bridge the form offers the control", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it("is not there before the form loaded", async () => {
    fixture = openJourneyForm({ status: Draft });
    await expect(fixture.connectBridge()).resolves.toBeNull();
  });

  it("gives the form's unsaved values with Web API column names", async () => {
    fixture = loaded({ status: Draft });
    fixture.form.getAttribute("msdyncrm_name")!.setValue("Typed but not saved");
    const bridge = await fixture.connectBridge();

    const { values, isDirty } = await bridge!.getValues();

    expect(isDirty).toBe(true);
    expect(values).toMatchObject({
      msdyncrm_customerjourneyid: "6628bbf7-c52a-e911-a9b7-000d3a1e6adc",
      msdyncrm_name: "Typed but not saved",
      statuscode: Draft,
      msdyncrm_startdatetime: "2026-12-01T09:00:00.000Z",
      _msdyncrm_contentsettingsid_value: CONTENT_SETTINGS_ID.slice(1, -1).toLowerCase(),
      _msdyncrm_suppressionsegmentid_value: null,
      msdyncrm_isrecurring: false,
      msdyncrm_customerjourneytimezone: 92,
    });
    expect(values).not.toHaveProperty("msdyncrm_contentsettingsid");
  });

  it("sets the end date as a user would, and refuses what the status locks", async () => {
    fixture = loaded({ status: Draft });
    const changes: string[] = [];
    fixture.form.getAttribute("msdyncrm_enddatetime")!.addOnChange(() => changes.push("end date changed"));
    const bridge = await fixture.connectBridge();

    await bridge!.setValue("msdyncrm_enddatetime", "2027-03-01T09:00:00.000Z");
    expect(fixture.form.getAttribute("msdyncrm_enddatetime")!.getValue()).toEqual(new Date("2027-03-01T09:00:00.000Z"));
    expect(changes).toEqual(["end date changed"]);

    await expect(bridge!.setValue("msdyncrm_enddatetime", "next Tuesday")).rejects.toThrow(
      'msdyncrm_enddatetime: "next Tuesday" is not a date.',
    );

    userSets(fixture, "statuscode", Live);
    fixture.handlers.onStatusChange({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
    await expect(bridge!.setValue("msdyncrm_enddatetime", "2027-04-01T09:00:00.000Z")).rejects.toThrow(
      "End date and time cannot be changed while the journey is Live.",
    );
  });

  it("refuses every column but the ones the control sets, and changes nothing", async () => {
    fixture = loaded({ status: Draft });
    const bridge = await fixture.connectBridge();

    await expect(bridge!.setValue("msdyncrm_name", "Renamed")).rejects.toThrow(
      "Name cannot be set from the control: it sets only the end date.",
    );
    await expect(bridge!.setValue("statuscode", GoingLive)).rejects.toThrow(
      "statuscode cannot be set from the control: it sets only the end date.",
    );
    await expect(bridge!.setValue("msdyncrm_nosuchfield", 1)).rejects.toThrow(
      "msdyncrm_nosuchfield cannot be set from the control",
    );
    expect(fixture.form.getAttribute("msdyncrm_name")!.getValue()).toBe("Spring campaign");
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);
  });

  it("saves through the same gate and passes its refusal to the control", async () => {
    fixture = loaded({ status: Draft, asyncSave: true, isRecurring: true, intervalDays: 30, count: 3 });
    fixture.answerValidate(
      validateResponse({
        ActivityValidationResults: [
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
    const bridge = await fixture.connectBridge();
    userSets(fixture, "statuscode", GoingLive);

    await expect(bridge!.save()).rejects.toThrow("Not saved: 1 error stops this journey from going live.");
    expect(fixture.saved).toEqual([]);

    userSets(fixture, "msdyncrm_recurrencecount", 2);
    userSets(fixture, "statuscode", GoingLive);
    fixture.answerValidate(validateResponse({ ActivityValidationResults: [], Result: "Valid" }));
    await bridge!.save();
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
  });

  it("refreshes without saving and shows and clears notifications", async () => {
    fixture = loaded({ status: Draft });
    const refresh = jest.fn(() => Promise.resolve());
    fixture.form.data.refresh = refresh as never;
    const bridge = await fixture.connectBridge();

    await bridge!.refresh();
    await bridge!.setNotification("Saved by the control", "INFO", "control-1");
    expect(fixture.notifications()).toEqual([{ level: "INFO", id: "control-1", message: "Saved by the control" }]);
    await bridge!.clearNotification("control-1");

    expect(refresh).toHaveBeenCalledWith(false);
    expect(fixture.notifications()).toEqual([]);
  });

  it("does not refresh over unsaved changes: what the user typed stays", async () => {
    fixture = loaded({ status: Draft });
    const refresh = jest.fn(() => Promise.resolve());
    fixture.form.data.refresh = refresh as never;
    const bridge = await fixture.connectBridge();
    fixture.form.getAttribute("msdyncrm_name")!.setValue("Typed while going live");

    await bridge!.refresh();
    expect(refresh).not.toHaveBeenCalled();
    expect(fixture.form.getAttribute("msdyncrm_name")!.getValue()).toBe("Typed while going live");
  });

  it("answers the control in the header as well as the one in the body", async () => {
    fixture = loaded({ status: Draft });
    const [body, header] = [await fixture.connectBridge("body"), await fixture.connectBridge("header")];
    fixture.form.getAttribute("msdyncrm_name")!.setValue("Typed");

    expect((await header!.getValues()).values.msdyncrm_name).toBe("Typed");
    expect((await body!.getValues()).values.msdyncrm_name).toBe("Typed");
  });

  it("stops answering when the form context has moved on to another record", async () => {
    fixture = loaded({ status: Draft });
    const bridge = await fixture.connectBridge();
    (fixture.form.data.entity as unknown as { id: string }).id = "{00000000-0000-0000-0000-000000000001}";

    await expect(bridge!.getValues()).rejects.toThrow("The journey form was closed.");
    await expect(fixture.connectBridge()).resolves.toBeNull();
  });
});

describe("what the form tells a connected control", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  /** Connects the body's and the header's control and collects what each is told. */
  async function listening(): Promise<{ body: FormEvent[]; header: FormEvent[] }> {
    const told = { body: [] as FormEvent[], header: [] as FormEvent[] };
    for (const instance of ["body", "header"] as const)
      (await fixture.connectBridge(instance))!.onFormEvent((event) => told[instance].push(event));
    return told;
  }

  it("every change of a column the checks read, and of the status, as the user types", async () => {
    fixture = loaded({ status: Draft });
    const told = await listening();

    userSets(fixture, "msdyncrm_name", "Renamed");
    userSets(fixture, "msdyncrm_recurrencecount", 4);
    userSets(fixture, "msdyncrm_customerjourneytimezone", 4);
    userSets(fixture, "statuscode", GoingLive);
    await settle();

    const expected: FormEvent[] = [
      { kind: "changed", column: "msdyncrm_name" },
      { kind: "changed", column: "msdyncrm_recurrencecount" },
      { kind: "statusChanged", status: GoingLive },
    ];
    expect(told).toEqual({ body: expected, header: expected });
  });

  it("each save, with the status saved", async () => {
    fixture = loaded({ status: Draft });
    const told = await listening();

    userSets(fixture, "msdyncrm_name", "Renamed");
    await expect(fixture.userSaves()).resolves.toBe("saved");
    await settle();

    const expected: FormEvent[] = [
      { kind: "changed", column: "msdyncrm_name" },
      { kind: "saved", status: Draft },
    ];
    expect(told).toEqual({ body: expected, header: expected });
  });

  /** What the body's control was told, in short. */
  const summary = (events: FormEvent[]) =>
    events.map((event) =>
      event.kind === "checked"
        ? `checked ${event.report.verdict}, server checked: ${event.serverChecked}`
        : event.kind === "command"
          ? `command ${event.command}`
          : event.kind === "changed"
            ? `changed ${event.column}`
            : event.kind === "setup"
              ? "setup"
              : `${event.kind} ${event.status}`,
    );

  it("Check for errors with its report, and Go live as it starts", async () => {
    fixture = loaded({ status: Draft, asyncSave: true });
    const told = await listening();

    await fixture.handlers.checkForErrors(fixture.form);
    await fixture.handlers.goLive(fixture.form);
    await settle();

    expect(summary(told.body)).toEqual([
      "checked Valid, server checked: true",
      "command goLive",
      `statusChanged ${GoingLive}`,
      `saved ${GoingLive}`,
    ]);
    expect(told.header).toEqual(told.body);
  });

  it("Stop once the user confirmed it, and Edit", async () => {
    fixture = loaded({ status: Live });
    const told = await listening();

    fixture.confirmAnswers.push(false);
    await fixture.handlers.stop(fixture.form);
    await fixture.handlers.edit(fixture.form);
    await settle();

    expect(summary(told.body)).toEqual(["command edit", `statusChanged ${LiveEditable}`, `saved ${LiveEditable}`]);
    fixture = loaded({ status: Live });
    const toldAgain = await listening();
    fixture.confirmAnswers.push(true);
    await fixture.handlers.stop(fixture.form);
    await settle();
    expect(summary(toldAgain.body)).toEqual(["command stop", `statusChanged ${Stopping}`, `saved ${Stopping}`]);
  });

  it("a check that could not ask the server says so", async () => {
    fixture = loaded({ status: Draft });
    fixture.answerValidate(() => Promise.reject({ errorCode: 0x80072322, message: "Throttled" }));
    const told = await listening();

    await fixture.handlers.checkForErrors(fixture.form);
    await settle();

    expect(summary(told.body)).toEqual(["checked Valid, server checked: false"]);
  });
});

describe("what the form tells a control of its set-up", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  /** Connects the body's control: what it was told is missing at connect, and the set-up events after. */
  async function connected() {
    const bridge = (await fixture.connectBridge())!;
    const later: FormEvent[] = [];
    bridge.onFormEvent((event) => event.kind === "setup" && later.push(event));
    return { atConnect: bridge.missingSetup, later };
  }

  it("on the full form: nothing missing, at connect or after a save and status changes", async () => {
    fixture = loaded({ status: Draft });
    const { atConnect, later } = await connected();
    expect(atConnect).toEqual([]);

    userSets(fixture, "msdyncrm_name", "Renamed");
    await expect(fixture.userSaves()).resolves.toBe("saved");
    await fixture.handlers.edit(fixture.form);
    userSets(fixture, "statuscode", Draft);
    await settle();

    expect(later).toEqual([]);
    expect((await fixture.connectBridge())!.missingSetup).toEqual([]);
  });

  it("OnSave left out: known once a save went by without it, and told at once", async () => {
    fixture = loaded({ status: Draft, unregistered: ["onSave"] });
    const { atConnect, later } = await connected();
    expect(atConnect).toEqual([]);

    userSets(fixture, "msdyncrm_name", "Renamed");
    await expect(fixture.userSaves()).resolves.toBe("saved");
    userSets(fixture, "msdyncrm_name", "Renamed again");
    await expect(fixture.userSaves()).resolves.toBe("saved");
    await settle();

    expect(later).toEqual([{ kind: "setup", missing: ["onSave"] }]);
    expect((await fixture.connectBridge())!.missingSetup).toEqual(["onSave"]);
  });

  it("Status Reason's OnChange left out: known once the status changed without it", async () => {
    fixture = loaded({ status: Draft, unregistered: ["onStatusChange"] });
    const { later } = await connected();

    userSets(fixture, "statuscode", GoingLive);
    userSets(fixture, "statuscode", Draft);
    await settle();

    expect(later).toEqual([{ kind: "setup", missing: ["onStatusChange"] }]);
  });

  it("Status Reason off the form, and no RESX for the user's language", async () => {
    fixture = loaded({ status: Draft, withoutStatusReason: true, withoutStringResources: true });
    const { atConnect } = await connected();
    expect(atConnect).toEqual(["statusReason", "strings"]);
  });
});
