import { isolateBidi as isolated } from "../journey/bidiIsolation";
import {
  Draft,
  Expired,
  GoingLive,
  InError,
  Live,
  LiveEditable,
  Stopped,
  openJourneyForm,
  settle,
  validateResponse,
  ALL_VALID,
  type JourneyFormFixture,
  type JourneyFormOptions,
  type ValidateAnswer,
} from "./testing/journeyFormFixture";

const RECURRENCE_DOES_NOT_FIT = validateResponse({
  ActivityValidationResults: [
    {
      ActivityId: "",
      Fault: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
      Result: "Error",
      ErrorMessageArguments: [],
    },
  ],
  Result: "Error",
});
const EMAIL_NOT_LIVE_WARNING = validateResponse({
  ActivityValidationResults: [
    {
      ActivityId: "01_0_2",
      Fault: "ErrorEmailNotLive",
      Result: "Warning",
      ErrorMessageArguments: ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"],
    },
  ],
  Result: "Warning",
});

/** The server's answer to too many requests: 429 or 503, with the Retry-After header where given. */
function throttled(status: 429 | 503, retryAfter?: string): ValidateAnswer {
  return async () => ({
    ok: false,
    status,
    headers: new Headers(retryAfter ? { "Retry-After": retryAfter } : {}),
    json: async () => ({ error: { code: "0x80072322", message: "Number of requests exceeded the limit" } }),
  });
}

function loaded(options: JourneyFormOptions): JourneyFormFixture {
  const fixture = openJourneyForm(options);
  fixture.handlers.onLoad({ getFormContext: () => fixture.form } as unknown as Xrm.Events.EventContext);
  return fixture;
}

function setStatus(fixture: JourneyFormFixture, status: number): void {
  fixture.form.getAttribute("statuscode")!.setValue(status);
}

/** The gate cancels the user's save, checks, then saves again by itself. */
async function userSavesAndGateFinishes(fixture: JourneyFormFixture, saveMode?: number): Promise<void> {
  await fixture.userSaves(saveMode);
  await settle(50);
}

const SAVE = 1;
const SAVE_AND_CLOSE = 2;
const SAVE_AND_NEW = 59;

describe.each([
  ["with the app's async save handler setting on", true],
  ["with the async save handler setting off (the platform ignores a promise from OnSave)", false],
])("save gate, %s", (_mode, asyncSave) => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it("blocks going live on the validate action's error, explains it, keeps the typed values and puts the status back", async () => {
    fixture = loaded({ status: Draft, asyncSave, isRecurring: true, intervalDays: 30, count: 3 });
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    fixture.form.getAttribute("msdyncrm_name")!.setValue("Spring campaign, second wave");
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    const messages = fixture.notifications();
    expect(messages[0]).toMatchObject({
      level: "ERROR",
      message: expect.stringContaining("1 error stops this journey from going live"),
    });
    expect(messages).toContainEqual(
      expect.objectContaining({
        level: "ERROR",
        message: expect.stringContaining("The recurrence does not fit between the start and end dates."),
      }),
    );
    expect(fixture.form.getAttribute("msdyncrm_name")!.getValue()).toBe("Spring campaign, second wave");
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);
    expect(fixture.isDisabled("msdyncrm_name")).toBe(false);
  });

  it("sends the form's current values with the saved status to the validate action", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.form.getAttribute("msdyncrm_enddatetime")!.setValue(new Date("2027-02-28T10:30:00.000Z"));
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.validateRequests).toHaveLength(1);
    const request = fixture.validateRequests[0];
    expect(request).toMatchObject({
      FieldValueCustomerJourneyId: "{6628BBF7-C52A-E911-A9B7-000D3A1E6ADC}",
      FieldValueStatusCode: Draft,
      FieldValueName: "Spring campaign",
      FieldValueEndDateTime: "2027-02-28T10:30:00.000Z",
      FieldValueContentSettingsId: "{1922B1D8-0523-E911-A9BA-000D3A1E689F}",
      FieldValueIsRecurring: false,
      FieldValueCustomerJourneyTimeZone: 92,
    });
    expect(request).not.toHaveProperty("FieldValueSuppressionSegmentId");
    const metadata = request.getMetadata();
    expect(metadata).toMatchObject({
      boundParameter: null,
      operationType: 0,
      operationName: "msdyncrm_CustomerJourneyValidate",
    });
    expect(metadata.parameterTypes.FieldValueEndDateTime).toEqual({
      typeName: "Edm.DateTimeOffset",
      structuralProperty: 1,
    });
    expect(metadata.parameterTypes.FieldValueStatusCode).toEqual({ typeName: "Edm.Int32", structuralProperty: 1 });
    expect(Object.keys(metadata.parameterTypes).sort()).toEqual(
      Object.keys(request)
        .filter((key) => key !== "getMetadata")
        .sort(),
    );
  });

  it("lets a clean journey go live, once, without notifications", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
    expect(fixture.validateRequests).toHaveLength(1);
    expect(fixture.notifications()).toEqual([]);
  });

  it("lets it go live with warnings and says so", async () => {
    fixture = loaded({ status: Stopped, asyncSave });
    fixture.answerValidate(EMAIL_NOT_LIVE_WARNING);
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
    expect(fixture.notifications()).toEqual([
      expect.objectContaining({ level: "WARNING", message: "The journey goes live with 1 warning." }),
      expect.objectContaining({
        level: "WARNING",
        message: expect.stringContaining(
          `Tile "${isolated("Welcome email")}": The email ${isolated("15bd0ab8-c12a-e911-a9b6-000d3a1e6c14")} is not live.`,
        ),
      }),
    ]);
  });

  it("blocks on the product's own checks even when the server finds nothing", async () => {
    fixture = loaded({ status: LiveEditable, asyncSave });
    fixture.form.getAttribute("msdyncrm_name")!.setValue("   ");
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    expect(fixture.notifications().map((notification) => notification.message)).toContain(
      "The journey has no name. Enter a name.",
    );
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(LiveEditable);
  });

  it("refuses to take the seed's Sample Customer Journey (2019, its recurrence fitting) live in 2026, though the server finds nothing", async () => {
    fixture = loaded({
      status: Draft,
      asyncSave,
      name: "Sample Customer Journey",
      start: "2019-02-08T11:48:00.000Z",
      end: "2019-07-08T11:48:00.000Z",
      isRecurring: true,
      intervalDays: 30,
      count: 3,
      now: "2026-12-01T12:00:00.000Z",
    });
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    expect(fixture.notifications().map((notification) => notification.message)).toContain(
      `The end date (${isolated("2019-07-08T11:48:00.000Z")}) has passed: the journey cannot run. Set a later end date.`,
    );
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);
  });

  it("warns of a draft's start one minute ago and lets it go live, the clock being the form's", async () => {
    fixture = loaded({ status: Draft, asyncSave, start: "2026-12-01T11:59:00.000Z", now: "2026-12-01T12:00:00.000Z" });
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
    expect(fixture.notifications().map((notification) => notification.message)).toContain(
      `The start date (${isolated("2026-12-01T11:59:00.000Z")}) has passed: the journey starts at once on go live. To wait, set a later start date.`,
    );
  });

  it("refuses a status change TransitionData does not allow, without asking the server", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    setStatus(fixture, Live);

    expect(await fixture.userSaves()).toBe("cancelled");

    expect(fixture.saved).toEqual([]);
    expect(fixture.validateRequests).toEqual([]);
    expect(fixture.notifications()).toEqual([
      expect.objectContaining({
        level: "ERROR",
        message: "Not saved: a journey cannot go from Draft to Live. The status was set back to Draft.",
      }),
    ]);
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);
  });

  it("still blocks an invalid journey and refuses a forbidden status change, in English, when its string resources are missing", async () => {
    fixture = loaded({
      status: Draft,
      asyncSave,
      withoutStringResources: true,
      isRecurring: true,
      intervalDays: 30,
      count: 3,
    });
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()).toMatchObject({
      level: "ERROR",
      message: expect.stringContaining("Not saved: 1 error stops this journey from going live."),
    });
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);

    setStatus(fixture, Live);
    expect(await fixture.userSaves()).toBe("cancelled");
    expect(fixture.saved).toEqual([]);
    expect(fixture.notifications()).toEqual([
      expect.objectContaining({
        level: "ERROR",
        message: "Not saved: a journey cannot go from Draft to Live. The status was set back to Draft.",
      }),
    ]);
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(Draft);
  });

  it("does not let an unchecked journey go live when the validate action is missing (404)", async () => {
    fixture = loaded({ status: InError, asyncSave });
    fixture.answerValidate(() =>
      Promise.reject({
        errorCode: 2148140938,
        status: 404,
        message: "Resource not found for the segment 'msdyncrm_CustomerJourneyValidate'.",
      }),
    );
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()).toMatchObject({
      level: "ERROR",
      message: expect.stringContaining("this environment has no error check action (msdyncrm_CustomerJourneyValidate)"),
    });
    expect(fixture.form.getAttribute("statuscode")!.getValue()).toBe(InError);
  });

  it.each([
    [
      "a 500 whose body gives no words",
      async () => ({ ok: false, status: 500, json: async () => ({ error: { message: { text: "internal" } } }) }),
      `(${isolated("HTTP 500")})`,
    ],
    ["a rejection with nothing in it", () => Promise.reject({}), "(no reason given)"],
    [
      "a body that is not JSON",
      async () => ({
        ok: true,
        status: 200,
        json: () => Promise.reject(new SyntaxError("Unexpected end of JSON input")),
      }),
      `(${isolated("Unexpected end of JSON input")})`,
    ],
  ])("says why the check could not run in readable words: %s", async (_case, answer, why) => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.answerValidate(answer);
    setStatus(fixture, GoingLive);
    await userSavesAndGateFinishes(fixture);
    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()!.message).toContain(`the error check could not run ${why}.`);
  });

  it("tries a throttled check again after the Retry-After the server asked for, then lets a clean journey go live", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    const answers = [throttled(429, "3"), ALL_VALID];
    fixture.answerValidate((request) => answers.shift()!(request));
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.validateRequests).toHaveLength(2);
    expect(fixture.retryWaits).toEqual([3000]);
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
  });

  it("gives up on a check that stays throttled after three tries, and nothing goes live", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.answerValidate(throttled(503));
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.validateRequests).toHaveLength(3);
    expect(fixture.retryWaits).toHaveLength(2);
    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()!.message).toContain(
      `the error check could not run (${isolated("Number of requests exceeded the limit")})`,
    );
  });

  it("does not let an unchecked journey go live when the network fails or the server does not answer", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.answerValidate(() => Promise.reject(new TypeError("Failed to fetch")));
    setStatus(fixture, GoingLive);
    await userSavesAndGateFinishes(fixture);
    expect(fixture.checkSummary()!.message).toBe(
      `Not saved: the error check could not run (${isolated("Failed to fetch")}). The journey was not sent live unchecked; try again.`,
    );

    fixture.answerValidate(() => new Promise(() => undefined));
    setStatus(fixture, GoingLive);
    await fixture.userSaves();
    await settle(300);
    expect(fixture.checkSummary()!.message).toContain("could not run (no answer within 1 seconds)");
    expect(fixture.saved).toEqual([]);
  });

  it.each([
    [
      "an inner result that is not JSON",
      async () => ({ ValidationResult: "<html>gateway</html>" }),
      "The error check's result is not valid JSON",
    ],
    [
      "an inner result that is not an object",
      async () => ({ ValidationResult: "[]" }),
      "The error check's result is not a JSON object",
    ],
  ])("blocks when the server's answer cannot be read: %s", async (_case, json, why) => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.answerValidate(async () => ({ ok: true, status: 200, json }));
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    expect(fixture.saved).toEqual([]);
    expect(fixture.checkSummary()).toMatchObject({
      level: "ERROR",
      message: expect.stringContaining("1 error stops this journey"),
    });
    expect(fixture.notifications().map((notification) => notification.message)).toContainEqual(
      expect.stringContaining(why),
    );
  });

  it("does not check saves that do not go live", async () => {
    fixture = loaded({ status: Draft, asyncSave });
    fixture.form.getAttribute("msdyncrm_name")!.setValue("");

    expect(await fixture.userSaves()).toBe("saved");

    expect(fixture.validateRequests).toEqual([]);
    expect(fixture.saved).toHaveLength(1);
  });

  it("speaks English to an Italian user, for whom no RESX exists", async () => {
    fixture = loaded({ status: Draft, asyncSave, languageId: 1040, isRecurring: true, intervalDays: 30, count: 3 });
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    const messages = fixture.notifications().map((notification) => notification.message);
    expect(messages[0]).toContain("Not saved: 1 error stops this journey from going live.");
    expect(messages).toContainEqual(
      expect.stringContaining("The recurrence does not fit between the start and end dates."),
    );
  });

  it("speaks German to a German user", async () => {
    fixture = loaded({ status: Draft, asyncSave, languageId: 1031, isRecurring: true, intervalDays: 30, count: 3 });
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture);

    const messages = fixture.notifications().map((notification) => notification.message);
    expect(messages[0]).toContain("Nicht gespeichert: 1 Fehler verhindert das Live-Schalten. Beheben Sie ihn");
    expect(messages).toContainEqual(
      expect.stringContaining("Die Wiederholung passt nicht zwischen Start- und Enddatum."),
    );
  });

  it("speaks French and Spanish to French and Spanish users", async () => {
    const expected = {
      1036: ["Non enregistré\u00a0: 1 erreur empêche la mise en ligne", "La récurrence ne tient pas"],
      3082: ["No se ha guardado: 1 error impide publicar este recorrido.", "La periodicidad no cabe"],
    };
    for (const [languageId, [summary, finding]] of Object.entries(expected)) {
      fixture = loaded({
        status: Draft,
        asyncSave,
        languageId: Number(languageId),
        isRecurring: true,
        intervalDays: 30,
        count: 3,
      });
      fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
      setStatus(fixture, GoingLive);

      await userSavesAndGateFinishes(fixture);

      const messages = fixture.notifications().map((notification) => notification.message);
      expect(messages[0]).toContain(summary);
      expect(messages).toContainEqual(expect.stringContaining(finding));
      fixture.close();
    }
  });
});

describe("save gate details", () => {
  let fixture: JourneyFormFixture;
  afterEach(() => fixture.close());

  it.each([
    ["Save", SAVE, []],
    ["Save & Close", SAVE_AND_CLOSE, ["closed"]],
    ["Save & New", SAVE_AND_NEW, ["new msdyncrm_customerjourney"]],
  ])(
    "a %s into Going live is cancelled at once, checked, saved again in that mode and then leaves the form as asked",
    async (_name, saveMode, navigations) => {
      fixture = loaded({ status: Draft, asyncSave: false });
      setStatus(fixture, GoingLive);

      expect(await fixture.userSaves(saveMode)).toBe("cancelled");
      expect(fixture.saved).toEqual([]);
      await settle(50);

      expect(fixture.saved.map((record) => [record.statuscode, record.saveMode])).toEqual([[GoingLive, saveMode]]);
      expect(fixture.navigations).toEqual(navigations);
    },
  );

  it.each([
    ["Save & Close", SAVE_AND_CLOSE],
    ["Save & New", SAVE_AND_NEW],
  ])("a %s of a journey that may not go live saves nothing and stays on the form", async (_name, saveMode) => {
    fixture = loaded({ status: Draft, asyncSave: false, isRecurring: true, intervalDays: 30, count: 3 });
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    setStatus(fixture, GoingLive);

    await userSavesAndGateFinishes(fixture, saveMode);

    expect(fixture.saved).toEqual([]);
    expect(fixture.navigations).toEqual([]);
    expect(fixture.checkSummary()!.level).toBe("ERROR");
  });

  it("refuses a second save while the first one's check still runs, then saves once", async () => {
    fixture = loaded({ status: Draft, asyncSave: false });
    let answer: () => void = () => undefined;
    fixture.answerValidate(
      (request) =>
        new Promise((resolve) => {
          answer = () => resolve(validateResponse({ ActivityValidationResults: [], Result: "Valid" })(request));
        }),
    );
    setStatus(fixture, GoingLive);

    expect(await fixture.userSaves()).toBe("cancelled");
    expect(await fixture.userSaves()).toBe("cancelled");
    expect(fixture.notifications()).toContainEqual(
      expect.objectContaining({ level: "INFO", message: expect.stringContaining("still running") }),
    );
    answer();
    await settle(50);

    expect(fixture.validateRequests).toHaveLength(1);
    expect(fixture.saved.map((record) => record.statuscode)).toEqual([GoingLive]);
  });

  it("uses the attribute's initial value as the original status when OnLoad was not registered", async () => {
    fixture = openJourneyForm({ status: Expired, asyncSave: true });
    setStatus(fixture, GoingLive);

    expect(await fixture.userSaves()).toBe("cancelled");
    expect(fixture.checkSummary()!.message).toBe(
      "Not saved: a journey cannot go from Expired to Going live. The status was set back to Expired.",
    );
  });

  it("still checks a go-live when nothing tells the original status", async () => {
    fixture = openJourneyForm({ status: Draft, asyncSave: true });
    const status = fixture.form.getAttribute("statuscode") as unknown as { getInitialValue?: unknown };
    status.getInitialValue = undefined;
    fixture.answerValidate(RECURRENCE_DOES_NOT_FIT);
    setStatus(fixture, GoingLive);

    expect(await fixture.userSaves()).toBe("cancelled");
    expect(fixture.validateRequests).toHaveLength(1);
  });

  it("remembers the saved status after a save, so the next status change is judged from there", async () => {
    fixture = loaded({ status: Live, asyncSave: true });
    setStatus(fixture, LiveEditable);
    expect(await fixture.userSaves()).toBe("saved");

    setStatus(fixture, Live);
    expect(await fixture.userSaves()).toBe("saved");
    setStatus(fixture, Draft);
    expect(await fixture.userSaves()).toBe("cancelled");
    expect(fixture.checkSummary()!.message).toContain("cannot go from Live to Draft");
  });
});
