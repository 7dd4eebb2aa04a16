/** @jest-environment jsdom */
import { BroadcastChannel as NodeBroadcastChannel } from "node:worker_threads";
import {
  CONTENT_SETTINGS_ID,
  Draft,
  GoingLive,
  Live,
  openJourneyForm,
  settle,
  validateResponse,
  type JourneyFormFixture,
} from "./testing/journeyFormFixture";

// jsdom has no BroadcastChannel; Node's behaves like the browser's for same-process channels.
(globalThis as { BroadcastChannel: unknown }).BroadcastChannel = NodeBroadcastChannel;

function loaded(options: Parameters<typeof openJourneyForm>[0]): JourneyFormFixture {
  const fixture = openJourneyForm(options);
  fixture.handlers.onLoad({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
  return fixture;
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

  it("sets values as a user would, and refuses fields the status locks", async () => {
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
    await expect(bridge!.setValue("msdyncrm_nosuchfield", 1)).rejects.toThrow(
      "msdyncrm_nosuchfield is not on this form.",
    );

    await bridge!.setValue("statuscode", Live);
    fixture.handlers.onStatusChange({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
    await expect(bridge!.setValue("msdyncrm_name", "Renamed")).rejects.toThrow(
      "Name cannot be changed while the journey is Live.",
    );
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
    await bridge!.setValue("statuscode", GoingLive);

    await expect(bridge!.save()).rejects.toThrow("Not saved: 1 error(s) stop this journey from going live.");
    expect(fixture.saved).toEqual([]);

    await bridge!.setValue("msdyncrm_recurrencecount", 2);
    await bridge!.setValue("statuscode", GoingLive);
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

  it("goes away when the page is hidden (the form closes)", async () => {
    fixture = loaded({ status: Draft });
    const bridge = await fixture.connectBridge();
    expect(bridge).not.toBeNull();

    window.dispatchEvent(new Event("pagehide"));

    await expect(bridge!.getValues()).rejects.toThrow("The form was closed.");
    await expect(fixture.connectBridge()).resolves.toBeNull();
  });

  it("goes away when the form context has moved on to another record", async () => {
    fixture = loaded({ status: Draft });
    const bridge = await fixture.connectBridge();
    (fixture.form.data.entity as unknown as { id: string }).id = "{00000000-0000-0000-0000-000000000001}";

    await expect(bridge!.getValues()).rejects.toThrow("The journey form was closed.");
    await settle();
    await expect(bridge!.getValues()).rejects.toThrow("The form was closed.");
    await expect(fixture.connectBridge()).resolves.toBeNull();
  });
});
