import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { FaultCode } from "../journey/faultCatalogue";
import { JourneyStatus as S, type JourneyRecord } from "../journey/types";
import { VALIDATE_ACTION_NAME } from "../journey/validateRequest";
import {
  CHECK_REUSE_MS,
  MAX_CHECK_ROUNDS,
  NOT_PROCESSED_AFTER_MS,
  createJourneyService,
  SNAPSHOT_COLUMNS,
  type CheckOutcome,
  type JourneyServiceDeps,
} from "./journeyService";
import {
  CONTENT_SETTINGS_ID,
  FakeWebApi,
  JOURNEY_ID,
  SUPPRESSION_SEGMENT_ID,
  fakeBridge,
  journeyRow,
  validateAnswer,
} from "./testing/fakeWebApi";
import { rejection } from "./testing/rejection";
import { CONTENT_COLUMNS } from "./journeyConflict";
import type { JourneyError } from "./journeyError";
import { READ_TIMEOUT_MS, WRITE_TIMEOUT_MS } from "./requestTimeout";

const resxOf = (lcid: number) =>
  readResxStrings(readFileSync(join(__dirname, "..", "strings", `JourneyControl.${lcid}.resx`), "utf8"));

/** When setup's clock starts. */
const SETUP_TIME = Date.UTC(2030, 0, 15, 12, 0, 0);
/** An ISO time this long before setup's clock starts. */
const minutesBefore = (minutes: number) => new Date(SETUP_TIME - minutes * 60_000).toISOString();

function setup(row = journeyRow(), { random, ...deps }: Partial<JourneyServiceDeps> & { random?: () => number } = {}) {
  const webApi = new FakeWebApi(row);
  let clock = SETUP_TIME;
  const sleeps: number[] = [];
  const service = createJourneyService({
    webApi,
    now: () => new Date(clock),
    timing: {
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      random: random ?? (() => 0.5),
    },
    ...deps,
  });
  return { webApi, service, sleeps, advance: (ms: number) => (clock += ms), time: () => clock };
}

describe("load", () => {
  test("reads the journey in one request with the needed columns, its ETag and who changed it last", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(`{${JOURNEY_ID.toUpperCase()}}`);
    expect(webApi.calls).toHaveLength(1);
    expect(webApi.calls[0].options).toBe(`?$select=${SNAPSHOT_COLUMNS.join(",")},versionnumber`);
    expect(snapshot).toMatchObject({
      id: JOURNEY_ID,
      status: S.Draft,
      etag: 'W/"1001"',
      modifiedOn: "2030-01-10T09:00:00Z",
      modifiedByName: "Nancy Anderson",
    });
    expect(snapshot.record.msdyncrm_customerjourneydesignerstate).toBe('{"NextActivityID":8,"NextActivityItemID":42}');
  });

  test("a row without a status is reported as an unreadable answer", async () => {
    const { service } = setup(journeyRow({ statuscode: "Draft" as unknown as number }));
    expect((await rejection(service.load(JOURNEY_ID))).kind).toBe("malformed");
  });

  test("an id that is not a GUID never reaches the server", async () => {
    const { webApi, service } = setup();
    expect((await rejection(service.load("../msdyncrm_segments"))).kind).toBe("notFound");
    expect(webApi.calls).toHaveLength(0);
  });
});

describe("check", () => {
  test("one validate request with the values given and typed metadata; local and server findings merged", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = () =>
      Promise.resolve(
        validateAnswer("Warning", [{ fault: "ErrorEmailNotLive", severity: "Warning", activityId: "01_0_2" }]),
      );
    webApi.calls.length = 0;
    const outcome = await service.check({ ...snapshot.record, msdyncrm_name: "" });

    expect(webApi.methods()).toEqual(["execute"]);
    const request = webApi.calls[0].request!;
    expect(request.FieldValueCustomerJourneyId).toBe(`{${JOURNEY_ID.toUpperCase()}}`);
    expect(request.FieldValueName).toBe("");
    expect(request.FieldValueContentSettingsId).toBe(`{${CONTENT_SETTINGS_ID.toUpperCase()}}`);
    const metadata = request.getMetadata();
    expect(metadata).toMatchObject({ boundParameter: null, operationType: 0, operationName: VALIDATE_ACTION_NAME });
    expect(metadata.parameterTypes.FieldValueStatusCode).toEqual({ typeName: "Edm.Int32", structuralProperty: 1 });
    expect(metadata.parameterTypes.FieldValueStartDateTime).toEqual({
      typeName: "Edm.DateTimeOffset",
      structuralProperty: 1,
    });
    expect(metadata.parameterTypes.FieldValueIsRecurring).toEqual({ typeName: "Edm.Boolean", structuralProperty: 1 });
    expect(metadata.parameterTypes.FieldValueRecurrenceCount).toBeUndefined();
    for (const name of Object.keys(metadata.parameterTypes)) expect(request[name]).toBeDefined();

    expect(outcome.report.verdict).toBe("Error");
    expect(outcome.report.entries.map((entry) => [entry.fault, entry.source])).toEqual([
      [FaultCode.NameMissing, "local"],
      ["ErrorEmailNotLive", "server"],
    ]);
    expect(outcome.serverUnavailable).toBeUndefined();
  });

  test("a missing validate action leaves the local report and says why", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.failNext("execute", {
      errorCode: 0x8006088a,
      message: "Resource not found for the segment 'msdyncrm_CustomerJourneyValidate'.",
    });
    const outcome = await service.check({ ...snapshot.record, msdyncrm_name: "" });
    expect(outcome.serverUnavailable).toMatchObject({ kind: "actionMissing", messageKey: "error.actionMissing" });
    expect(outcome.report).toEqual({
      verdict: "Error",
      entries: [expect.objectContaining({ fault: FaultCode.NameMissing, source: "local" })],
    });
  });

  test("an answer that is not JSON makes the server check unavailable as malformed", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = () =>
      Promise.resolve({
        ok: true,
        status: 200,
        json: () => Promise.reject(new SyntaxError("Unexpected end of JSON input")),
      });
    expect((await service.check(snapshot.record)).serverUnavailable?.kind).toBe("malformed");
  });

  test("garbage inside a JSON answer becomes an unreadable-result finding that blocks", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = () =>
      Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ ValidationResult: "<html>" }) });
    const outcome = await service.check(snapshot.record);
    expect(outcome.report.verdict).toBe("Error");
    expect(outcome.report.entries[0].fault).toBe(FaultCode.ResultNotJson);
  });

  test("a response with ok false is classified from its error body", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = () =>
      Promise.resolve({
        ok: false,
        status: 404,
        json: () => Promise.resolve({ error: { code: "0x8006088a", message: "Resource not found for the segment" } }),
      });
    expect((await service.check(snapshot.record)).serverUnavailable?.kind).toBe("actionMissing");
  });
});

describe("go live: round trips", () => {
  test("from a fresh load: check, re-read, one PATCH of statuscode — three requests, in that order", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.calls.length = 0;
    const outcome = await service.transition(snapshot, "goLive");
    expect(outcome).toMatchObject({ done: true, status: S.GoingLive });
    expect(webApi.methods()).toEqual(["execute", "retrieveRecord", "updateRecord"]);
    // The re-read asks for the version alone while it is the one loaded.
    expect(webApi.calls[1].options).toBe("?$select=statuscode,versionnumber,modifiedon");
    expect(webApi.calls[2].data).toEqual({ statuscode: S.GoingLive });
  });

  test("right after a check of the same values: two requests (re-read + PATCH)", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    await service.check(snapshot.record);
    webApi.calls.length = 0;
    await service.transition(snapshot, "goLive");
    expect(webApi.methods()).toEqual(["retrieveRecord", "updateRecord"]);
  });

  test("the check is run again when the values changed or the last check is too old", async () => {
    const bridgeValues = { msdyncrm_name: "Spring newsletter" };
    const { bridge } = fakeBridge({ values: bridgeValues });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    await service.check({ ...snapshot.record, msdyncrm_name: "Another name" });
    webApi.calls.length = 0;
    await service.transition(snapshot, "goLive");
    expect(webApi.methods()).toEqual(["execute", "retrieveRecord", "updateRecord"]);

    const second = setup();
    const loaded = await second.service.load(JOURNEY_ID);
    await second.service.check(loaded.record);
    second.advance(CHECK_REUSE_MS + 1);
    second.webApi.calls.length = 0;
    await second.service.transition(loaded, "goLive");
    expect(second.webApi.methods()).toEqual(["execute", "retrieveRecord", "updateRecord"]);
  });

  test("a failing check is run again, not reused: its cause may have been fixed meanwhile", async () => {
    const { webApi, service } = setup();
    webApi.validate = () =>
      Promise.resolve(validateAnswer("Error", [{ fault: "ErrorSegmentNotLive", severity: "Error" }]));
    const snapshot = await service.load(JOURNEY_ID);
    expect((await service.check(snapshot.record)).report.verdict).toBe("Error");
    webApi.validate = () => Promise.resolve(validateAnswer("Valid"));
    webApi.calls.length = 0;
    expect(await service.transition(snapshot, "goLive")).toMatchObject({ done: true });
    expect(webApi.methods()).toEqual(["execute", "retrieveRecord", "updateRecord"]);
  });

  test("stop, edit and cancel edit: re-read + PATCH", async () => {
    for (const [status, action, target] of [
      [S.Live, "stop", S.Stopping],
      [S.Live, "edit", S.LiveEditable],
      [S.LiveEditable, "cancelEdit", S.Live],
    ] as const) {
      const { webApi, service } = setup(journeyRow({ statuscode: status }));
      const snapshot = await service.load(JOURNEY_ID);
      webApi.calls.length = 0;
      expect(await service.transition(snapshot, action)).toMatchObject({ done: true, status: target });
      expect(webApi.methods()).toEqual(["retrieveRecord", "updateRecord"]);
      expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(target);
    }
  });
});

describe("go live: refusals", () => {
  test("errors found by the check block it and nothing is written", async () => {
    const { webApi, service } = setup(journeyRow({ msdyncrm_name: "" }));
    const snapshot = await service.load(JOURNEY_ID);
    const outcome = await service.transition(snapshot, "goLive");
    expect(outcome).toMatchObject({ done: false, reason: "checkErrors" });
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Draft);
  });

  test("the seed's Sample Customer Journey (2019, its recurrence fitting) cannot go live by the service's clock, though the server finds nothing", async () => {
    const sample = journeyRow({
      msdyncrm_name: "Sample Customer Journey",
      msdyncrm_startdatetime: "2019-02-08T11:48:00Z",
      msdyncrm_enddatetime: "2019-07-08T11:48:00Z",
      msdyncrm_isrecurring: true,
      msdyncrm_recurrenceintervaldays: 30,
      msdyncrm_recurrencecount: 3,
    });
    const { webApi, service } = setup(sample);
    const snapshot = await service.load(JOURNEY_ID);
    const outcome = await service.transition(snapshot, "goLive");
    expect(outcome).toMatchObject({ done: false, reason: "checkErrors" });
    expect(outcome.check?.report.entries.map((entry) => entry.fault)).toEqual(["EndDatePassed"]);
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Draft);
  });

  test("warnings need a confirm: declined or not asked writes nothing, confirmed goes live", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Stopped }));
    webApi.validate = () =>
      Promise.resolve(validateAnswer("Warning", [{ fault: "ErrorEmailNotLive", severity: "Warning" }]));
    const snapshot = await service.load(JOURNEY_ID);
    expect(await service.transition(snapshot, "restart")).toMatchObject({ done: false, reason: "warningsDeclined" });
    const declined = jest.fn(async () => false);
    expect(await service.transition(snapshot, "restart", { confirmWarnings: declined })).toMatchObject({
      done: false,
      reason: "warningsDeclined",
    });
    expect(declined).toHaveBeenCalledWith(
      expect.objectContaining({ report: expect.objectContaining({ verdict: "Warning" }) }),
    );
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(await service.transition(snapshot, "restart", { confirmWarnings: async () => true })).toMatchObject({
      done: true,
      status: S.GoingLive,
    });
  });

  test("with the validate action missing, only local checks ran: it asks before going live", async () => {
    const { webApi, service } = setup();
    webApi.failNext(
      "execute",
      { errorCode: 0x8006088a, status: 404, message: "Resource not found for the segment" },
      2,
    );
    const snapshot = await service.load(JOURNEY_ID);
    expect(await service.transition(snapshot, "goLive")).toMatchObject({ done: false, reason: "warningsDeclined" });
    const confirm = jest.fn<Promise<boolean>, [CheckOutcome]>(async () => true);
    expect(await service.transition(snapshot, "goLive", { confirmWarnings: confirm })).toMatchObject({ done: true });
    expect(confirm.mock.calls[0]?.[0].serverUnavailable?.kind).toBe("actionMissing");
  });

  test("a check that could not run for another reason refuses with checkFailed and writes nothing", async () => {
    const { webApi, service } = setup();
    webApi.failNext("execute", new TypeError("Failed to fetch"));
    const snapshot = await service.load(JOURNEY_ID);
    const error = await rejection(service.transition(snapshot, "goLive", { confirmWarnings: async () => true }));
    expect(error).toMatchObject({ kind: "checkFailed", messageKey: "error.checkFailed" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });

  test("someone changed the journey since it was loaded: conflict, nothing written", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Renamed by a colleague" });
    const error = await rejection(service.transition(snapshot, "goLive"));
    expect(error).toMatchObject({ kind: "conflict", messageKey: "error.conflict" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });

  test("without ETags, a newer modifiedon with other content is a conflict too", async () => {
    const row = journeyRow({ statuscode: S.Live });
    delete row["@odata.etag"];
    const { webApi, service } = setup(row);
    const snapshot = await service.load(JOURNEY_ID);
    Object.assign(webApi.rows.get(JOURNEY_ID)!, {
      modifiedon: "2030-01-10T09:00:01Z",
      msdyncrm_enddatetime: "2030-04-01T00:00:00Z",
    });
    delete webApi.rows.get(JOURNEY_ID)!["@odata.etag"];
    expect((await rejection(service.transition(snapshot, "stop"))).kind).toBe("conflict");
  });

  test("the user's own save from the form since loading is not mistaken for someone else's change", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Saved on the form" }, isDirty: false });
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Saved on the form" });
    expect(await service.transition(snapshot, "stop")).toMatchObject({ done: true, status: S.Stopping });
  });

  test("a save since loading plus unsaved changes on top is a conflict (which changes are whose is unknown)", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Typed after saving" }, isDirty: true });
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Saved on the form" });
    expect((await rejection(service.transition(snapshot, "stop"))).kind).toBe("conflict");
    expect(bridge.save).not.toHaveBeenCalled();
  });

  test("an action the status does not allow is refused without a request", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.calls.length = 0;
    for (const action of ["stop", "edit", "cancelEdit", "check", "copy"] as const) {
      expect(await rejection(service.transition(snapshot, action))).toMatchObject({
        kind: "refused",
        messageKey: "error.actionNotAllowed",
      });
    }
    expect(webApi.calls).toHaveLength(0);
  });

  test("a failed PATCH leaves the status as it was", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    webApi.failNext("updateRecord", {
      errorCode: 0x80040220,
      message: "missing prvWritemsdyncrm_customerjourney privilege",
    });
    const snapshot = await service.load(JOURNEY_ID);
    expect((await rejection(service.transition(snapshot, "stop"))).kind).toBe("forbidden");
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Live);
  });
});

describe("unsaved form changes", () => {
  test("are checked, then saved through the form after the re-read and before the PATCH", async () => {
    const { bridge, events } = fakeBridge({ values: { msdyncrm_name: "Edited, not saved" }, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    const order: string[] = [];
    webApi.afterCall = (call) => order.push(call.method);
    (bridge.save as jest.Mock).mockImplementation(async () => {
      order.push("save");
      events.push("save");
    });
    const outcome = await service.transition(snapshot, "goLive");
    expect(outcome).toMatchObject({ done: true });
    // The read after the save gives the version the status write sends as If-Match.
    expect(order).toEqual(["execute", "retrieveRecord", "save", "retrieveRecord", "updateRecord"]);
    expect(webApi.calls.find((call) => call.method === "execute")?.request?.FieldValueName).toBe("Edited, not saved");
  });

  test("a failed save refuses the action with the reason and writes nothing", async () => {
    const { bridge } = fakeBridge({ isDirty: true, saveError: new Error("Fill in the required field Name.") });
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    const error = await rejection(service.transition(snapshot, "stop"));
    expect(error).toMatchObject({
      kind: "unsavedChanges",
      messageKey: "error.saveFailed",
      args: ["Fill in the required field Name."],
    });
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Live);
  });

  test("cancel edit with unsaved changes is refused rather than publishing or dropping them", async () => {
    const { bridge } = fakeBridge({ isDirty: true });
    const { webApi, service } = setup(journeyRow({ statuscode: S.LiveEditable }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    expect((await rejection(service.transition(snapshot, "cancelEdit"))).messageKey).toBe("error.cancelEditUnsaved");
    expect(bridge.save).not.toHaveBeenCalled();
    expect(webApi.methods()).toEqual(["retrieveRecord"]);
  });

  test("a form that cannot tell its values refuses the action", async () => {
    const { bridge } = fakeBridge();
    (bridge.getValues as jest.Mock).mockRejectedValue(new Error("timed out"));
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    expect((await rejection(service.transition(snapshot, "stop"))).messageKey).toBe("error.formUnreadable");
    expect(webApi.methods()).toEqual(["retrieveRecord"]);
  });

  test("currentValues: the form's values over the snapshot's, else the snapshot", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Typed" }, isDirty: true });
    const withForm = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await withForm.service.load(JOURNEY_ID);
    const current = await withForm.service.currentValues(snapshot);
    expect(current).toMatchObject({ isDirty: true, fromForm: true });
    expect(current.values.msdyncrm_name).toBe("Typed");
    expect(current.values.msdyncrm_customerjourneydesignerstate).toBe(
      snapshot.record.msdyncrm_customerjourneydesignerstate,
    );

    const noForm = setup(journeyRow(), { bridge: async () => null });
    expect(await noForm.service.currentValues(snapshot)).toEqual({
      values: snapshot.record,
      isDirty: false,
      fromForm: false,
    });
  });

  test("go live refreshes the form right after the write, so it shows Going live (and its locks) while the service works", async () => {
    const { bridge, events } = fakeBridge();
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const order: string[] = [];
    webApi.afterCall = () => order.push(webApi.methods().at(-1)!);
    (bridge.refresh as jest.Mock).mockImplementation(async () => order.push("refresh"));
    await service.transition(await service.load(JOURNEY_ID), "goLive");
    expect(order.slice(-2)).toEqual(["updateRecord", "refresh"]);
    // The values are read before the check and once more after it; the form is not refreshed before the write.
    expect(events).toEqual(["getValues", "getValues"]);
  });

  test("edit refreshes the form after the write", async () => {
    const { bridge, events } = fakeBridge();
    const { service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    await service.transition(await service.load(JOURNEY_ID), "edit");
    expect(events).toEqual(["getValues", "refresh"]);
  });
});

describe("edits made while the check runs", () => {
  test("an end date moved before the start during the check is checked again: nothing is saved or written", async () => {
    const formValues: Partial<JourneyRecord> = { msdyncrm_name: "Spring newsletter" };
    const { bridge } = fakeBridge({ values: formValues, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = async () => {
      // The user types while the server checks.
      formValues.msdyncrm_enddatetime = "2030-01-01T00:00:00Z";
      return validateAnswer("Valid");
    };
    const outcome = await service.transition(snapshot, "goLive");
    expect(outcome).toMatchObject({ done: false, reason: "checkErrors" });
    if (!outcome.done) expect(outcome.check.report.entries.map((entry) => entry.fault)).toContain("StartNotBeforeEnd");
    expect(bridge.save).not.toHaveBeenCalled();
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Draft);
  });

  test("what goes live is what was checked: a changed name is checked once more, and that check's values are saved", async () => {
    const formValues: Partial<JourneyRecord> = { msdyncrm_name: "First name" };
    const { bridge } = fakeBridge({ values: formValues, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    let checks = 0;
    webApi.validate = async () => {
      if (++checks === 1) formValues.msdyncrm_name = "Second name";
      return validateAnswer("Valid");
    };
    expect(await service.transition(snapshot, "goLive")).toMatchObject({ done: true, status: S.GoingLive });
    const checked = webApi.calls
      .filter((call) => call.method === "execute")
      .map((call) => call.request?.FieldValueName);
    expect(checked).toEqual(["First name", "Second name"]);
    expect(bridge.save).toHaveBeenCalledTimes(1);
  });

  test("a journey that keeps changing under the check is refused after three checks, nothing written", async () => {
    const formValues: Partial<JourneyRecord> = { msdyncrm_recurrencecount: 0 };
    const { bridge } = fakeBridge({ values: formValues, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = async () => {
      formValues.msdyncrm_name = `Name ${webApi.methods().length}`;
      return validateAnswer("Valid");
    };
    expect(await rejection(service.transition(snapshot, "goLive"))).toMatchObject({
      kind: "refused",
      messageKey: "error.keptChanging",
    });
    expect(webApi.methods().filter((method) => method === "execute")).toHaveLength(MAX_CHECK_ROUNDS);
    expect(webApi.methods()).not.toContain("updateRecord");
    expect(bridge.save).not.toHaveBeenCalled();
  });

  test("a change the user makes while the warnings are asked about is checked too", async () => {
    const formValues: Partial<JourneyRecord> = {};
    const { bridge } = fakeBridge({ values: formValues });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    webApi.validate = () =>
      Promise.resolve(validateAnswer("Warning", [{ fault: "ErrorEmailNotLive", severity: "Warning" }]));
    const snapshot = await service.load(JOURNEY_ID);
    const confirmWarnings = jest.fn(async () => {
      formValues.msdyncrm_name = "";
      return true;
    });
    const outcome = await service.transition(snapshot, "goLive", { confirmWarnings });
    expect(outcome).toMatchObject({ done: false, reason: "checkErrors" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });
});

describe("light conflict re-reads", () => {
  const VERSION_ONLY = "?$select=statuscode,versionnumber,modifiedon";

  test("saved since it was loaded (the user's own save): the version, then the content, then the write", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Saved on the form" } });
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }), { bridge: async () => bridge });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Saved on the form" });
    webApi.calls.length = 0;
    expect(await service.transition(snapshot, "stop")).toMatchObject({ done: true });
    expect(webApi.calls.map((call) => [call.method, call.options?.split(",").length ?? 0])).toEqual([
      ["retrieveRecord", 3],
      ["retrieveRecord", 3 + CONTENT_COLUMNS.length],
      ["updateRecord", 0],
    ]);
    expect(webApi.calls[0].options).toBe(VERSION_ONLY);
  });

  test("a status changed elsewhere is a conflict from the version read alone", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { statuscode: S.GoingLive });
    await service.check(snapshot.record);
    webApi.calls.length = 0;
    expect((await rejection(service.transition(snapshot, "goLive"))).kind).toBe("conflict");
    expect(webApi.calls.map((call) => call.options)).toEqual([VERSION_ONLY]);
  });

  test('a host that gives the versionnumber but no ETag: the version is W/"<versionnumber>", as Dataverse\'s ETag', async () => {
    const row = journeyRow({ versionnumber: 70412 } as Partial<JourneyRecord>);
    delete row["@odata.etag"];
    const { service } = setup(row);
    expect((await service.load(JOURNEY_ID)).etag).toBe('W/"70412"');
  });
});

describe("writes that can race carry the row version (If-Match)", () => {
  /** Someone else renames the journey after the service's re-read, as the write is on its way. */
  function renameBeforeWrite(webApi: FakeWebApi): void {
    webApi.afterCall = (call) => {
      if (call.method === "updateRecord" || call.method === "deleteRecord")
        webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Renamed by a colleague" });
    };
  }

  test("a rename between the re-read and the status write: 412, a conflict, no status written", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    renameBeforeWrite(webApi);
    expect(await rejection(service.transition(snapshot, "stop"))).toMatchObject({
      kind: "conflict",
      messageKey: "error.conflict",
    });
    // The write, then the read that shows the status did not change.
    expect(webApi.calls.at(-2)).toMatchObject({ method: "updateRecord", ifMatch: 'W/"1001"' });
    expect(webApi.calls.at(-1)).toMatchObject({ method: "retrieveRecord" });
    expect(webApi.rows.get(JOURNEY_ID)).toMatchObject({ statuscode: S.Live, msdyncrm_name: "Renamed by a colleague" });
  });

  test("a change between the re-read and the delete: 412, a conflict, the journey stays", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Stopped }));
    const snapshot = await service.load(JOURNEY_ID);
    renameBeforeWrite(webApi);
    expect((await rejection(service.delete(snapshot))).kind).toBe("conflict");
    expect(webApi.calls.at(-1)).toMatchObject({ method: "deleteRecord", ifMatch: 'W/"1001"' });
    expect(webApi.rows.has(JOURNEY_ID)).toBe(true);
  });

  test("after saving the form, the status write carries the saved version; a change after the save is refused", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Typed" }, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    (bridge.save as jest.Mock).mockImplementation(async () => webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Typed" }));
    const snapshot = await service.load(JOURNEY_ID);
    expect(await service.transition(snapshot, "goLive")).toMatchObject({ done: true });
    expect(webApi.calls.at(-1)).toMatchObject({ method: "updateRecord", ifMatch: 'W/"1002"' });

    const raced = setup(journeyRow(), { bridge: async () => bridge });
    (bridge.save as jest.Mock).mockImplementation(async () =>
      raced.webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Typed" }),
    );
    renameBeforeWrite(raced.webApi);
    const loaded = await raced.service.load(JOURNEY_ID);
    expect(await rejection(raced.service.transition(loaded, "goLive"))).toMatchObject({
      kind: "conflict",
      messageKey: "error.conflictAfterSave",
    });
    expect(raced.webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Draft);
  });

  test("a row changed by someone else right after the form's save is not written (the saved row is not what was checked)", async () => {
    const { bridge } = fakeBridge({ values: { msdyncrm_name: "Typed" }, isDirty: true });
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    (bridge.save as jest.Mock).mockImplementation(async () =>
      webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Typed", msdyncrm_enddatetime: "2030-01-01T00:00:00Z" }),
    );
    const snapshot = await service.load(JOURNEY_ID);
    expect((await rejection(service.transition(snapshot, "goLive"))).messageKey).toBe("error.conflictAfterSave");
    expect(webApi.methods()).not.toContain("updateRecord");
  });

  /** The server makes the status write, and its answer is lost on the way: the port rejects with `lost`. */
  function answerLostAfterWrite(webApi: FakeWebApi, lost: unknown): void {
    webApi.failNext("updateRecord", lost);
    webApi.afterCall = (call) => {
      if (call.method === "updateRecord") webApi.changeRow(JOURNEY_ID, call.data ?? {});
    };
  }
  const connectionDropped = new TypeError("Failed to fetch");
  /** What the browser's own resend of a write that was made gets: its If-Match is the version before it. */
  const resendRefused = {
    status: 412,
    errorCode: 0x80060882,
    message: "The version of the existing record doesn't match",
  };

  test.each([
    ["the connection dropped", connectionDropped],
    ["the browser's resend was refused (412)", resendRefused],
  ])("a status write made whose answer was lost (%s): read back, done with the status written", async (_, lost) => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    answerLostAfterWrite(webApi, lost);
    expect(await service.transition(snapshot, "stop")).toMatchObject({ done: true, status: S.Stopping });
    expect(webApi.methods().slice(-2)).toEqual(["updateRecord", "retrieveRecord"]);
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Stopping);
  });

  test("a status write lost before the server made it: read back, still the network failure, nothing changed", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    webApi.failNext("updateRecord", connectionDropped);
    expect((await rejection(service.transition(snapshot, "stop"))).kind).toBe("network");
    expect(webApi.methods().slice(-2)).toEqual(["updateRecord", "retrieveRecord"]);
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Live);
  });

  test("a lost status write whose read-back fails too stays a network failure", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    answerLostAfterWrite(webApi, connectionDropped);
    webApi.failNext("retrieveRecord", connectionDropped);
    expect((await rejection(service.transition(snapshot, "stop"))).kind).toBe("network");
  });

  test("where the host cannot send If-Match (no client URL), the write goes out unconditionally after the re-read", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    webApi.ifMatch = undefined;
    const snapshot = await service.load(JOURNEY_ID);
    webApi.calls.length = 0;
    expect(await service.transition(snapshot, "stop")).toMatchObject({ done: true, status: S.Stopping });
    expect(webApi.methods()).toEqual(["retrieveRecord", "updateRecord"]);
    expect(webApi.calls[1].ifMatch).toBeUndefined();
  });
});

describe("a double click writes once", () => {
  test("the same action asked twice while running shares one write", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    const [first, second] = await Promise.all([
      service.transition(snapshot, "stop"),
      service.transition(snapshot, "stop"),
    ]);
    expect(first).toBe(second);
    expect(webApi.methods().filter((method) => method === "updateRecord")).toHaveLength(1);
  });

  test("another write while one runs is refused as busy; afterwards it may run", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    const stopping = service.transition(snapshot, "stop");
    expect(await rejection(service.copy(snapshot, "Copy of {0}"))).toMatchObject({
      kind: "refused",
      messageKey: "error.busy",
    });
    await stopping;
    await service.copy(snapshot, "Copy of {0}");
    expect(webApi.methods().filter((method) => method === "createRecord")).toHaveLength(1);
  });
});

describe("waitUntilSettled", () => {
  test("polls the status alone no more than once per 2 s, backing off, until it settles; then reads the settled journey and refreshes the form", async () => {
    const { bridge, events } = fakeBridge();
    const row = journeyRow({ statuscode: S.GoingLive, modifiedon: minutesBefore(1) });
    const { webApi, service, time } = setup(row, { bridge: async () => bridge });
    const callTimes: number[] = [];
    webApi.afterCall = () => {
      callTimes.push(time());
      if (callTimes.length === 4) webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    };
    const seen: number[] = [];
    const settled = await service.waitUntilSettled(JOURNEY_ID, { onProgress: (status) => seen.push(status) });
    expect(seen).toEqual([S.GoingLive, S.GoingLive, S.GoingLive, S.Live, S.Live]);
    expect(webApi.calls.slice(0, 4).map((call) => call.options)).toEqual(
      Array(4).fill("?$select=statuscode,statecode,modifiedon"),
    );
    // Never loaded by this service, the journey is read whole once settled.
    expect(webApi.calls[4].options).toBe(`?$select=${SNAPSHOT_COLUMNS.join(",")},versionnumber`);
    expect(settled).toMatchObject({ status: S.Live, modifiedByName: "Nancy Anderson" });
    expect(settled.record.msdyncrm_workflowdefinition).toBe(journeyRow().msdyncrm_workflowdefinition);
    const gaps = callTimes.slice(1).map((t, i) => t - callTimes[i]);
    expect(gaps.every((gap) => gap >= 2000)).toBe(true);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    expect(gaps[3]).toBe(2000);
    expect(events).toEqual(["refresh"]);
  });

  test("after a go live, the settled read asks only for what the service changed; the snapshot is the journey as written, settled", async () => {
    const { webApi, service } = setup();
    await service.transition(await service.load(JOURNEY_ID), "goLive");
    const stored = '{"ActivityValidationResults":[],"Result":"Valid"}';
    webApi.changeRow(JOURNEY_ID, { statuscode: S.Live, statecode: 0, msdyncrm_validationresults: stored });
    webApi.calls.length = 0;
    const settled = await service.waitUntilSettled(JOURNEY_ID);
    expect(webApi.calls.map((call) => call.options)).toEqual([
      "?$select=statuscode,statecode,modifiedon",
      "?$select=statuscode,statecode,modifiedon,versionnumber,msdyncrm_validationresults,_modifiedby_value",
    ]);
    const row = webApi.rows.get(JOURNEY_ID)!;
    expect(settled).toMatchObject({ status: S.Live, etag: row["@odata.etag"], modifiedOn: row.modifiedon });
    expect(settled.record).toMatchObject({
      statuscode: S.Live,
      msdyncrm_validationresults: stored,
      msdyncrm_name: "Spring newsletter",
      msdyncrm_workflowdefinition: journeyRow().msdyncrm_workflowdefinition,
    });
  });

  test("a poll lost to a network or server failure is skipped; a journey gone ends the wait", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Stopping }));
    webApi.failNext("retrieveRecord", new TypeError("Failed to fetch"));
    webApi.failNext("retrieveRecord", { status: 500, message: "Internal" });
    webApi.afterCall = () => {
      if (webApi.calls.length === 3) webApi.changeRow(JOURNEY_ID, { statuscode: S.Stopped });
    };
    expect((await service.waitUntilSettled(JOURNEY_ID)).status).toBe(S.Stopped);
    expect(webApi.calls).toHaveLength(4);

    const gone = setup(journeyRow({ statuscode: S.Stopping }));
    gone.webApi.rows.clear();
    expect((await rejection(gone.service.waitUntilSettled(JOURNEY_ID))).kind).toBe("notFound");
    expect(gone.webApi.calls).toHaveLength(1);
  });

  /** A journey loaded Going live, its last change `minutesAgo` before setup's clock; the form's events. */
  async function loadedGoingLive(minutesAgo: number) {
    const { bridge, events } = fakeBridge();
    const row = journeyRow({ statuscode: S.GoingLive, modifiedon: minutesBefore(minutesAgo) });
    const context = setup(row, { bridge: async () => bridge });
    await context.service.load(JOURNEY_ID);
    context.webApi.calls.length = 0;
    return { ...context, events };
  }

  test("a journey loaded Going live past the threshold is not processed at once: no read, no form refresh", async () => {
    const { webApi, service, sleeps, events } = await loadedGoingLive(NOT_PROCESSED_AFTER_MS / 60_000);
    const decided = await service.waitUntilSettled(JOURNEY_ID);
    expect(decided).toMatchObject({
      status: S.GoingLive,
      modifiedOn: minutesBefore(10),
      modifiedByName: "Nancy Anderson",
    });
    expect(webApi.calls).toHaveLength(0);
    expect(sleeps).toEqual([]);
    expect(events).toEqual([]);
  });

  test("one that crosses the threshold while polled stops polling then, never more often than every 2 s", async () => {
    const { webApi, service, sleeps, time } = await loadedGoingLive(9);
    const seen: number[] = [];
    const decided = await service.waitUntilSettled(JOURNEY_ID, { onProgress: (status) => seen.push(status) });
    // Not processed: as it was loaded, who set it included (the status polls do not ask for it).
    expect(decided).toMatchObject({
      status: S.GoingLive,
      modifiedOn: minutesBefore(9),
      modifiedByName: "Nancy Anderson",
    });
    expect(time() - SETUP_TIME).toBeGreaterThanOrEqual(60_000);
    expect(time() - SETUP_TIME).toBeLessThan(60_000 + 10_000);
    expect(sleeps.every((ms) => ms >= 2000)).toBe(true);
    expect(webApi.calls).toHaveLength(sleeps.length);
    expect(webApi.calls.every((call) => call.options === "?$select=statuscode,statecode,modifiedon")).toBe(true);
    expect(seen.every((status) => status === S.GoingLive)).toBe(true);
  });

  test("Check again (readFirst) reads once and decides again: still not processed, or settled", async () => {
    const { webApi, service } = await loadedGoingLive(60);
    expect(await service.waitUntilSettled(JOURNEY_ID, { readFirst: true })).toMatchObject({ status: S.GoingLive });
    expect(webApi.calls).toHaveLength(1);

    webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    expect((await service.waitUntilSettled(JOURNEY_ID, { readFirst: true })).status).toBe(S.Live);
    // The status, then the settled read of what the service changed with it.
    expect(webApi.calls).toHaveLength(3);
  });

  test("a journey it wrote Going live is followed for the whole threshold after the write, whatever its last change before", async () => {
    const { webApi, service, time } = setup(journeyRow({ modifiedon: minutesBefore(60 * 24) }));
    await service.transition(await service.load(JOURNEY_ID), "goLive");
    const written = time();
    // The row as the org keeps it after the write: changed now (the server's clock as the client's), then no more.
    webApi.rows.get(JOURNEY_ID)!.modifiedon = new Date(written).toISOString();
    const decided = await service.waitUntilSettled(JOURNEY_ID);
    expect(decided.status).toBe(S.GoingLive);
    expect(time() - written).toBeGreaterThanOrEqual(NOT_PROCESSED_AFTER_MS);
    expect(time() - written).toBeLessThan(NOT_PROCESSED_AFTER_MS + 10_000);
  });
});

describe("following a successful go live survives faults", () => {
  const english = resxOf(1033);

  /** Goes live, then follows with `faults` answering the first polls; the service moves the journey to Live on poll `liveAtPoll`. */
  async function goLiveThenFollow(faults: unknown[], liveAtPoll = faults.length + 1) {
    const { webApi, service } = setup();
    expect(await service.transition(await service.load(JOURNEY_ID), "goLive")).toMatchObject({ done: true });
    const pollsBefore = webApi.calls.length;
    for (const fault of faults) webApi.failNext("retrieveRecord", fault);
    webApi.afterCall = () => {
      if (webApi.calls.length - pollsBefore === liveAtPoll) webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    };
    const seen: number[] = [];
    const follow = service.waitUntilSettled(JOURNEY_ID, { onProgress: (status) => seen.push(status) });
    return { follow, seen, polls: () => webApi.calls.length - pollsBefore };
  }

  test.each([
    ["three 429s", [1, 2, 3].map(() => ({ status: 429, message: "Too many requests" }))],
    ["service protection by error code alone", [{ errorCode: 0x80072322, message: "Number of requests exceeded" }]],
    ["a 412", [{ status: 412, errorCode: 0x80060882, message: "Precondition failed" }]],
    ["a 500", [{ status: 500, message: "Internal" }]],
    ["a 503", [{ status: 503, message: "Service unavailable" }]],
    ["a lost connection", [new TypeError("Failed to fetch")]],
    ["an unreadable answer", [new SyntaxError("Unexpected end of JSON input")]],
  ])("%s: skipped, one poll each, and the follow goes on to Live", async (_name, faults) => {
    const { follow, seen, polls } = await goLiveThenFollow(faults);
    expect((await follow).status).toBe(S.Live);
    expect(seen).toEqual([S.Live, S.Live]);
    expect(polls()).toBe(faults.length + 2);
  });

  test.each([
    ["401", { status: 401, message: "Unauthorized" }, "unauthorized", "error.followUnauthorized"],
    ["403", { errorCode: 0x80040220, status: 403, message: "missing prvRead" }, "forbidden", "error.followForbidden"],
    ["404", { errorCode: 0x80040217, status: 404, message: "Does Not Exist" }, "notFound", "error.followNotFound"],
  ])("a %s ends the follow, saying the status change was made", async (_name, fault, kind, messageKey) => {
    const { follow } = await goLiveThenFollow([fault]);
    const error = await rejection(follow);
    expect(error).toMatchObject({ kind, messageKey });
    expect(english[messageKey]).toMatch(/The status change was made/);
    expect(english[messageKey]).not.toMatch(/nothing was changed|not changed/i);
  });

  test("polls failing up to the deadline: the status change was made, its status could not be read", async () => {
    const { follow, polls } = await goLiveThenFollow(
      Array.from({ length: 100 }, () => ({ status: 503, message: "Service unavailable" })),
    );
    const error = await rejection(follow);
    expect(error).toMatchObject({ kind: "timeout", messageKey: "error.followUnreadable" });
    // As long as the threshold after the write, give or take the last interval: not "not processed", not known.
    expect(Number(error.args[0])).toBeGreaterThanOrEqual(NOT_PROCESSED_AFTER_MS / 1000);
    expect(Number(error.args[0])).toBeLessThanOrEqual(NOT_PROCESSED_AFTER_MS / 1000 + 10);
    expect(english["error.followUnreadable"]).not.toMatch(/nothing was changed/i);
    expect(polls()).toBeLessThan(100);
  });

  test("a throttled poll waits what its Retry-After asked before the next one", async () => {
    const { webApi, service, sleeps } = setup(journeyRow({ statuscode: S.GoingLive }));
    webApi.failNext("retrieveRecord", { status: 429, message: "Too many requests", retryAfterSeconds: 7 });
    webApi.afterCall = () => {
      if (webApi.calls.length === 2) webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    };
    expect((await service.waitUntilSettled(JOURNEY_ID)).status).toBe(S.Live);
    expect(sleeps).toEqual([2000, 7000, 2000]);
  });
});

describe("a write that did not take effect is reported", () => {
  /** The org answers the status write with success but leaves the row as it was. */
  function acceptWithoutApplying(webApi: FakeWebApi): void {
    webApi.ifMatch = undefined;
    webApi.updateRecord = async (entityType, id) => ({ entityType, id });
  }

  test("Going live answered 2xx, yet the first read shows Draft: 'the server did not apply the change', the form refreshed", async () => {
    const { bridge, events } = fakeBridge();
    const { webApi, service } = setup(journeyRow(), { bridge: async () => bridge });
    acceptWithoutApplying(webApi);
    expect(await service.transition(await service.load(JOURNEY_ID), "goLive")).toMatchObject({
      done: true,
      status: S.GoingLive,
    });
    const seen: number[] = [];
    const error = await rejection(service.waitUntilSettled(JOURNEY_ID, { onProgress: (status) => seen.push(status) }));
    expect(error).toMatchObject({ kind: "notApplied", messageKey: "error.notApplied" });
    expect(seen).toEqual([S.Draft]);
    expect(events.filter((event) => event === "refresh")).toHaveLength(2);
  });

  test("Stopping answered 2xx, yet the first read shows Live: reported too", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    acceptWithoutApplying(webApi);
    await service.transition(await service.load(JOURNEY_ID), "stop");
    expect((await rejection(service.waitUntilSettled(JOURNEY_ID))).kind).toBe("notApplied");
  });

  test("a status the service moves on to from the written one is no such report: Going live, then Live at once", async () => {
    const { webApi, service } = setup();
    await service.transition(await service.load(JOURNEY_ID), "goLive");
    webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    expect((await service.waitUntilSettled(JOURNEY_ID)).status).toBe(S.Live);
  });

  test("a journey opened while Going live that ends up in Error is followed as before", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.GoingLive }));
    webApi.changeRow(JOURNEY_ID, { statuscode: S.Error });
    expect((await service.waitUntilSettled(JOURNEY_ID)).status).toBe(S.Error);
  });
});

describe("no request waits for ever (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const silent = () => new Promise<never>(() => undefined);

  /** Settles `promise` as far as `ms` of (fake) time allows: "pending" if it has not settled by then. */
  async function after<T>(ms: number, promise: Promise<T>): Promise<T | JourneyError | "pending"> {
    let outcome: T | JourneyError | "pending" = "pending";
    promise.then(
      (value) => (outcome = value),
      (error: JourneyError) => (outcome = error),
    );
    await jest.advanceTimersByTimeAsync(ms);
    return outcome;
  }

  test("an open that gets no answer ends after 30 s with a timeout, not before", async () => {
    const webApi = new FakeWebApi();
    webApi.retrieveRecord = silent;
    const loading = createJourneyService({ webApi }).load(JOURNEY_ID);
    expect(await after(READ_TIMEOUT_MS - 1, loading)).toBe("pending");
    expect(await after(1, loading)).toMatchObject({
      kind: "timeout",
      messageKey: "error.requestTimeout",
      args: ["30"],
    });
  });

  test("a check the server never answers ends after 30 s: the local report, the server check unavailable", async () => {
    const webApi = new FakeWebApi();
    webApi.validate = silent;
    const checking = createJourneyService({ webApi }).check(journeyRow());
    expect(await after(READ_TIMEOUT_MS, checking)).toMatchObject({
      serverUnavailable: { kind: "timeout", messageKey: "error.requestTimeout" },
    });
  });

  test("go live whose check never answers refuses after 30 s and writes nothing", async () => {
    const webApi = new FakeWebApi();
    const service = createJourneyService({ webApi });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.validate = silent;
    const going = service.transition(snapshot, "goLive", { confirmWarnings: async () => true });
    expect(await after(READ_TIMEOUT_MS, going)).toMatchObject({ kind: "checkFailed" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });

  test("a status write that gets no answer ends after 60 s, saying the change may have been made", async () => {
    const webApi = new FakeWebApi(journeyRow({ statuscode: S.Live }));
    const service = createJourneyService({ webApi });
    const snapshot = await service.load(JOURNEY_ID);
    webApi.ifMatch = { updateRecord: silent, deleteRecord: silent };
    const stopping = service.transition(snapshot, "stop");
    expect(await after(READ_TIMEOUT_MS, stopping)).toBe("pending");
    expect(await after(WRITE_TIMEOUT_MS - READ_TIMEOUT_MS, stopping)).toMatchObject({
      kind: "timeout",
      messageKey: "error.writeTimeout",
      args: ["60"],
    });
  });

  test("silent polls are each given up after 30 s, and the follow ends at the threshold: the status could not be read", async () => {
    const webApi = new FakeWebApi(journeyRow({ statuscode: S.GoingLive }));
    webApi.retrieveRecord = silent;
    const following = createJourneyService({ webApi }).waitUntilSettled(JOURNEY_ID);
    expect(await after(NOT_PROCESSED_AFTER_MS - 1, following)).toBe("pending");
    // The decision waits for the poll under way (30 s at most) and the interval before it (10 s at most).
    expect(await after(READ_TIMEOUT_MS + 10_000, following)).toMatchObject({
      kind: "timeout",
      messageKey: "error.followUnreadable",
    });
  });
});

describe("copy", () => {
  test("creates a Draft with the design, schedule, settings and lookups bound, named from the template", async () => {
    const { webApi, service } = setup(
      journeyRow({
        statuscode: S.Live,
        msdyncrm_isrecurring: true,
        msdyncrm_recurrencecount: 2,
        msdyncrm_recurrenceintervaldays: 7,
      }),
    );
    const snapshot = await service.load(JOURNEY_ID);
    webApi.calls.length = 0;
    const { id } = await service.copy(snapshot, "Kopie von {0}");
    expect(webApi.methods()).toEqual(["retrieveRecord", "createRecord"]);
    const original = journeyRow();
    expect(webApi.calls[1].data).toEqual({
      msdyncrm_name: "Kopie von Spring newsletter",
      statuscode: S.Draft,
      statecode: 0,
      msdyncrm_workflowdefinition: original.msdyncrm_workflowdefinition,
      msdyncrm_customerjourneydesignerstate: original.msdyncrm_customerjourneydesignerstate,
      msdyncrm_startdatetime: original.msdyncrm_startdatetime,
      msdyncrm_enddatetime: original.msdyncrm_enddatetime,
      msdyncrm_isrecurring: true,
      msdyncrm_recurrenceintervaldays: 7,
      msdyncrm_recurrencecount: 2,
      msdyncrm_customerjourneytimezone: 92,
      msgdpr_requiredconsent: 587030001,
      msdyncrm_entitytarget: 0,
      msdyncrm_type: 192350000,
      "msdyncrm_contentsettingsId@odata.bind": `/msdyncrm_contentsettingss(${CONTENT_SETTINGS_ID})`,
      "msdyncrm_SuppressionSegmentId@odata.bind": `/msdyncrm_segments(${SUPPRESSION_SEGMENT_ID})`,
    });
    expect(webApi.rows.has(id)).toBe(true);
  });

  test("copies the journey as saved now, not as the control loaded it", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { msdyncrm_name: "Renamed and saved", msdyncrm_recurrencecount: 9 });
    await service.copy(snapshot, "Copy of {0}");
    expect(webApi.calls.at(-1)?.data).toMatchObject({
      msdyncrm_name: "Copy of Renamed and saved",
      msdyncrm_recurrencecount: 9,
    });
  });

  test("a failed create reports the error and adds no record", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.failNext("createRecord", { errorCode: 0x80040220, message: "missing prvCreatemsdyncrm_customerjourney" });
    expect((await rejection(service.copy(snapshot, "Copy of {0}"))).kind).toBe("forbidden");
    expect(webApi.rows.size).toBe(1);
  });
});

describe("delete", () => {
  test("refused where the status does not allow it, without a request", async () => {
    for (const status of [S.Live, S.GoingLive, S.Stopping, S.Error, S.LiveEditable]) {
      const { webApi, service } = setup(journeyRow({ statuscode: status }));
      const snapshot = await service.load(JOURNEY_ID);
      webApi.calls.length = 0;
      expect((await rejection(service.delete(snapshot))).messageKey).toBe("error.actionNotAllowed");
      expect(webApi.calls).toHaveLength(0);
    }
  });

  test("a stopped journey: re-read, then delete", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Stopped }));
    const snapshot = await service.load(JOURNEY_ID);
    webApi.calls.length = 0;
    await service.delete(snapshot);
    expect(webApi.methods()).toEqual(["retrieveRecord", "deleteRecord"]);
    expect(webApi.rows.has(JOURNEY_ID)).toBe(false);
  });

  test("not deleted when it went live elsewhere since it was loaded", async () => {
    const { webApi, service } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    webApi.changeRow(JOURNEY_ID, { statuscode: S.GoingLive });
    expect((await rejection(service.delete(snapshot))).kind).toBe("conflict");
    expect(webApi.rows.has(JOURNEY_ID)).toBe(true);
  });
});

describe("throttling", () => {
  const english = resxOf(1033);
  const german = resxOf(1031);

  test("a throttled request is retried after the Retry-After the server asked for", async () => {
    const { webApi, service, sleeps } = setup();
    webApi.failNext("retrieveRecord", {
      errorCode: 2147951394,
      message: "Number of requests exceeded the limit",
      retryAfterSeconds: 3,
    });
    await service.load(JOURNEY_ID);
    expect(webApi.methods()).toEqual(["retrieveRecord", "retrieveRecord"]);
    expect(sleeps).toEqual([3000]);
  });

  test("a throttled action call waits the Retry-After header of its response", async () => {
    const { webApi, service, sleeps } = setup();
    const snapshot = await service.load(JOURNEY_ID);
    const throttled = {
      ok: false,
      status: 429,
      headers: new Headers({ "Retry-After": "4" }),
      json: async () => ({ error: { code: "0x80072322", message: "Number of requests exceeded the limit" } }),
    };
    let answers = 0;
    webApi.validate = async () => (answers++ === 0 ? throttled : validateAnswer("Valid"));
    const outcome = await service.check(snapshot.record);
    expect(outcome.serverUnavailable).toBeUndefined();
    expect(outcome.report.verdict).toBe("Valid");
    expect(sleeps).toEqual([4000]);
  });

  test("a retry never follows sooner than 2 s, whatever Retry-After says", async () => {
    const { webApi, service, sleeps } = setup();
    webApi.failNext("retrieveRecord", { errorCode: 2147951394, retryAfterSeconds: 0.2 });
    await service.load(JOURNEY_ID);
    expect(sleeps).toEqual([2000]);
  });

  test("after three tries it gives up with a throttled error", async () => {
    const { webApi, service, sleeps } = setup();
    webApi.failNext("retrieveRecord", { status: 429, message: "Too many requests" }, 3);
    expect(await rejection(service.load(JOURNEY_ID))).toMatchObject({
      kind: "throttled",
      messageKey: "error.throttled",
    });
    expect(webApi.calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
  });

  test("a Retry-After longer than the wait budget is not waited out", async () => {
    const { webApi, service, sleeps } = setup();
    webApi.failNext("retrieveRecord", { errorCode: 0x80072321, retryAfterSeconds: 300 });
    expect((await rejection(service.load(JOURNEY_ID))).kind).toBe("throttled");
    expect(sleeps).toEqual([]);
    expect(webApi.calls).toHaveLength(1);
  });

  test("throttled as Xrm.WebApi says it (an error code, no HTTP status, no Retry-After): the service's own jittered back-off", async () => {
    const xrmThrottled = { errorCode: 2147951394, message: "Number of requests exceeded the limit of 6000" };
    for (const [random, waits] of [
      [0, [2000, 4000]],
      [0.99, [2990, 5980]],
    ] as const) {
      const { webApi, service, sleeps } = setup(journeyRow(), { random: () => random });
      webApi.failNext("retrieveRecord", xrmThrottled, 3);
      expect((await rejection(service.load(JOURNEY_ID))).kind).toBe("throttled");
      expect(sleeps).toEqual(waits);
    }
  });

  test("while a throttled request waits to try again, the service reports 'server busy, trying again'; then that it ended", async () => {
    const { webApi, service } = setup();
    const reports: unknown[] = [];
    const unsubscribe = service.onServerBusy((busy) => reports.push(busy));
    webApi.failNext("retrieveRecord", { errorCode: 0x80072322, message: "Number of requests exceeded" }, 2);
    await service.load(JOURNEY_ID);
    expect(reports).toEqual([
      { messageKey: "progress.serverBusy", args: [3], retryInMs: 2500 },
      { messageKey: "progress.serverBusy", args: [5], retryInMs: 5000 },
      null,
    ]);
    expect(english["progress.serverBusy.other"]).toBe("The server is busy. Trying again in {0} seconds…");
    expect(german["progress.serverBusy.other"]).toContain("{0}");

    unsubscribe();
    webApi.failNext("retrieveRecord", { status: 429, message: "Too many requests" });
    await service.load(JOURNEY_ID);
    expect(reports).toHaveLength(3);
  });

  test("a check that is throttled, then a follow whose poll is throttled, report it too", async () => {
    const { webApi, service } = setup();
    const reports: unknown[] = [];
    service.onServerBusy((busy) => reports.push(busy && busy.retryInMs));
    webApi.validate = async () => {
      if (reports.length === 0) throw { errorCode: 0x80072322, message: "Number of requests exceeded" };
      return validateAnswer("Valid");
    };
    await service.transition(await service.load(JOURNEY_ID), "goLive");
    expect(reports).toEqual([2500, null]);

    webApi.failNext("retrieveRecord", { status: 429, message: "Too many requests", retryAfterSeconds: 4 });
    webApi.afterCall = () => webApi.changeRow(JOURNEY_ID, { statuscode: S.Live });
    await service.waitUntilSettled(JOURNEY_ID);
    expect(reports).toEqual([2500, null, 4000, null]);
  });

  test("a throttled PATCH is retried and writes once", async () => {
    const { webApi, service } = setup(journeyRow({ statuscode: S.Live }));
    const snapshot = await service.load(JOURNEY_ID);
    webApi.failNext("updateRecord", { status: 503, message: "Service unavailable" });
    expect(await service.transition(snapshot, "stop")).toMatchObject({ done: true });
    expect(webApi.rows.get(JOURNEY_ID)?.statuscode).toBe(S.Stopping);
  });
});
