import { SEED_IDS } from "../../harness/seed/seedData";
import type { FormBridge } from "../../src/bridge/formBridgeTypes";
import { createWebApiClient } from "../../harness/xrm/webApiClient";
import { createJourneyService, type JourneyService } from "../../src/dataverse/journeyService";
import { JourneyStatus as S } from "../../src/journey/types";
import { json, useHarness, type Json } from "./testing/harnessFixture";
import { rejection } from "../../src/dataverse/testing/rejection";

// The journey service over HTTP against the emulated org, counting requests in the harness's log.
const J = SEED_IDS.journeys;
const org = useHarness();

function service(): JourneyService {
  return createJourneyService({ webApi: createWebApiClient({ baseUrl: org.api() }) });
}

async function apiRequests(): Promise<Json[]> {
  const log = (await json(await fetch(`${org.url}/_harness/log`))) as unknown as Json[];
  return log.filter((entry) => String(entry.path).startsWith("/api/data/"));
}

async function clearLog(): Promise<void> {
  await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
}

async function inject(fault: Json): Promise<void> {
  const response = await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify(fault) });
  expect(response.status).toBe(201);
}

async function row(id: string): Promise<Json> {
  return json(await fetch(`${org.api()}msdyncrm_customerjourneys(${id})`));
}

const methods = (entries: Json[]) =>
  entries.map((entry) => `${entry.method} ${String(entry.path).replace(/\?.*$/, "")}`);

test("open is one request and brings the ETag and who changed the journey last", async () => {
  await clearLog();
  const snapshot = await service().load(J.seedValidate);
  expect(methods(await apiRequests())).toEqual([`GET /api/data/v9.2/msdyncrm_customerjourneys(${J.seedValidate})`]);
  expect(snapshot.status).toBe(S.Draft);
  expect(snapshot.etag).toMatch(/^W\/"/);
  expect(snapshot.modifiedByName).toBe("Alex Rivera");
  expect(snapshot.record.msdyncrm_recurrencecount).toBe(3);
});

test("check is one request; the seed's recurrence fault comes from the server and from the local checks", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.seedValidate);
  await clearLog();
  const outcome = await journeys.check(snapshot.record);
  expect(methods(await apiRequests())).toEqual(["POST /api/data/v9.2/msdyncrm_CustomerJourneyValidate"]);
  const recurrence = outcome.report.entries.filter(
    (entry) => entry.fault === "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
  );
  expect(recurrence.map((entry) => entry.source).sort()).toEqual(["local", "server"]);
  expect(outcome.report.verdict).toBe("Error");
});

test("go live after a check is two requests (re-read + PATCH), and the service then settles it to Live", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.seedPatch);
  await journeys.check(snapshot.record);
  await clearLog();
  expect(await journeys.transition(snapshot, "goLive")).toMatchObject({ done: true, status: S.GoingLive });
  expect(methods(await apiRequests())).toEqual([
    `GET /api/data/v9.2/msdyncrm_customerjourneys(${J.seedPatch})`,
    `PATCH /api/data/v9.2/msdyncrm_customerjourneys(${J.seedPatch})`,
  ]);

  await clearLog();
  const seen: number[] = [];
  const settled = await journeys.waitUntilSettled(J.seedPatch, {
    onProgress: (status) => seen.push(status),
  });
  expect(settled.status).toBe(S.Live);
  expect(seen.at(-1)).toBe(S.Live);
  expect((await apiRequests()).map((entry) => entry.method)).toEqual(seen.map(() => "GET"));
}, 30_000);

test("following a slow stop: at most one request per 2 s until Stopped", async () => {
  await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ goLiveDelayMs: 2500 }) });
  try {
    const journeys = service();
    await journeys.transition(await journeys.load(J.live), "stop");
    await clearLog();
    const seen: number[] = [];
    const settled = await journeys.waitUntilSettled(J.live, {
      onProgress: (status) => seen.push(status),
    });
    expect(settled.status).toBe(S.Stopped);
    // Status polls, then the settled read of what the service changed with it.
    expect(seen).toEqual([S.Stopping, S.Stopped, S.Stopped]);
    const polls = (await apiRequests()).map((entry) => Date.parse(String(entry.time)));
    expect(polls).toHaveLength(3);
    expect(polls[1] - polls[0]).toBeGreaterThanOrEqual(2000);
    expect(polls[2] - polls[1]).toBeGreaterThanOrEqual(2000);
  } finally {
    await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ goLiveDelayMs: 50 }) });
  }
}, 30_000);

test("go live without a check before: check + re-read + PATCH", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.seedPatch);
  await clearLog();
  await journeys.transition(snapshot, "goLive");
  expect((await apiRequests()).map((entry) => entry.method)).toEqual(["POST", "GET", "PATCH"]);
});

test("a journey whose segment is not live is refused by the check and keeps its status", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.failsGoLive);
  const outcome = await journeys.transition(snapshot, "goLive");
  expect(outcome).toMatchObject({ done: false, reason: "checkErrors" });
  if (!outcome.done) expect(outcome.check.report.entries.map((entry) => entry.fault)).toContain("ErrorSegmentNotLive");
  expect((await row(J.failsGoLive)).statuscode).toBe(S.Draft);
});

test("unsaved form changes are checked, saved through the form, then the status is written", async () => {
  const typed = { msdyncrm_name: "Spring newsletter (final)" };
  const bridge: FormBridge = {
    getValues: async () => ({ values: typed, isDirty: true }),
    save: async () => {
      const saved = await fetch(`${org.api()}msdyncrm_customerjourneys(${J.seedPatch})`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(typed),
      });
      if (!saved.ok) throw new Error(`form save failed: ${saved.status}`);
    },
    refresh: async () => undefined,
    setValue: async () => undefined,
    setNotification: async () => undefined,
    clearNotification: async () => undefined,
  };
  const journeys = createJourneyService({
    webApi: createWebApiClient({ baseUrl: org.api() }),
    bridge: async () => bridge,
  });
  const snapshot = await journeys.load(J.seedPatch);
  await clearLog();
  expect(await journeys.transition(snapshot, "goLive")).toMatchObject({ done: true });
  // The GET after the form's save gives the version the status write carries as If-Match.
  expect((await apiRequests()).map((entry) => entry.method)).toEqual(["POST", "GET", "PATCH", "GET", "PATCH"]);
  expect(await row(J.seedPatch)).toMatchObject({ msdyncrm_name: typed.msdyncrm_name, statuscode: S.GoingLive });
});

test("a journey changed by someone else since it was opened is not written", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.live);
  const rename = await fetch(`${org.api()}msdyncrm_customerjourneys(${J.live})`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ msdyncrm_name: "Renamed by a colleague" }),
  });
  expect(rename.ok).toBe(true);
  await clearLog();
  expect((await rejection(journeys.transition(snapshot, "stop"))).kind).toBe("conflict");
  // The version moved, so its content is read too: whose change it was decides.
  expect((await apiRequests()).map((entry) => entry.method)).toEqual(["GET", "GET"]);
  expect((await row(J.live)).statuscode).toBe(S.Live);
});

test("without the validate action the check falls back to the local checks and says so", async () => {
  await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ validateAction: false }) });
  try {
    const journeys = service();
    const snapshot = await journeys.load(J.seedValidate);
    const outcome = await journeys.check(snapshot.record);
    expect(outcome.serverUnavailable).toMatchObject({ kind: "actionMissing", messageKey: "error.actionMissing" });
    expect(outcome.report.entries.every((entry) => entry.source === "local")).toBe(true);
    expect(outcome.report.entries.map((entry) => entry.fault)).toContain(
      "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
    );
  } finally {
    await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ validateAction: true }) });
  }
});

describe("faults from the org", () => {
  test("429 with Retry-After is waited out and retried", async () => {
    await inject({ status: 429, retryAfter: 1, match: { method: "GET" } });
    await clearLog();
    const snapshot = await service().load(J.live);
    expect(snapshot.status).toBe(S.Live);
    const log = await apiRequests();
    expect(log.map((entry) => entry.status)).toEqual([429, 200]);
    expect(Date.parse(String(log[1].time)) - Date.parse(String(log[0].time))).toBeGreaterThanOrEqual(900);
  });

  test.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [412, "conflict"],
    [500, "server"],
  ])("HTTP %i on the PATCH becomes %s and the status stays", async (status, kind) => {
    const journeys = service();
    const snapshot = await journeys.load(J.live);
    await inject({ status, match: { method: "PATCH" } });
    expect((await rejection(journeys.transition(snapshot, "stop"))).kind).toBe(kind);
    expect((await row(J.live)).statuscode).toBe(S.Live);
  });

  test("after a successful go live, a 412 on a poll is skipped and the follow goes on to Live", async () => {
    const journeys = service();
    await journeys.transition(await journeys.load(J.seedPatch), "goLive");
    await inject({ status: 412, match: { method: "GET" } });
    await clearLog();
    expect((await journeys.waitUntilSettled(J.seedPatch)).status).toBe(S.Live);
    expect((await apiRequests()).map((entry) => entry.status)).toEqual([412, 200, 200]);
  }, 30_000);

  test("after a successful go live, a 401 on a poll ends the follow saying the change was made", async () => {
    const journeys = service();
    await journeys.transition(await journeys.load(J.seedPatch), "goLive");
    await inject({ status: 401, match: { method: "GET" } });
    expect(await rejection(journeys.waitUntilSettled(J.seedPatch))).toMatchObject({
      kind: "unauthorized",
      messageKey: "error.followUnauthorized",
    });
  }, 30_000);

  test("a dropped connection is a network error", async () => {
    await inject({ drop: true });
    expect((await rejection(service().load(J.live))).kind).toBe("network");
  });

  test("a go live whose PATCH is made but its answer lost: read back, done, Going live", async () => {
    const journeys = service();
    const snapshot = await journeys.load(J.seedPatch);
    await journeys.check(snapshot.record);
    await clearLog();
    await inject({ match: { method: "PATCH" }, dropAnswer: true });
    expect(await journeys.transition(snapshot, "goLive")).toMatchObject({ done: true, status: S.GoingLive });
    expect(methods(await apiRequests()).map((request) => request.split(" ")[0])).toEqual(["GET", "PATCH", "GET"]);
    expect((await row(J.seedPatch)).statuscode).not.toBe(S.Draft);
  });

  test("a go live whose PATCH is dropped before it is made: read back, a network error, still Draft", async () => {
    const journeys = service();
    const snapshot = await journeys.load(J.seedPatch);
    await inject({ match: { method: "PATCH" }, drop: true });
    expect((await rejection(journeys.transition(snapshot, "goLive"))).kind).toBe("network");
    expect((await row(J.seedPatch)).statuscode).toBe(S.Draft);
  });

  test("a truncated answer is an unreadable answer", async () => {
    await inject({ malformed: true });
    expect((await rejection(service().load(J.live))).kind).toBe("malformed");
  });

  test("a journey that no longer exists", async () => {
    expect(await rejection(service().load("3f1d2c4b-0000-4000-8000-00000000dead"))).toMatchObject({
      kind: "notFound",
      messageKey: "error.notFound",
    });
  });
});

test("copy reads the journey as saved and creates a Draft with the design, schedule, settings and lookups: two requests", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.seedValidate);
  await clearLog();
  const { id } = await journeys.copy(snapshot, "Copy of {0}");
  expect((await apiRequests()).map((entry) => entry.method)).toEqual(["GET", "POST"]);
  const copy = await row(id);
  const original = await row(J.seedValidate);
  expect(copy).toMatchObject({
    msdyncrm_name: "Copy of Sample Customer Journey",
    statuscode: S.Draft,
    msdyncrm_workflowdefinition: original.msdyncrm_workflowdefinition,
    msdyncrm_customerjourneydesignerstate: original.msdyncrm_customerjourneydesignerstate,
    msdyncrm_recurrencecount: 3,
    msdyncrm_recurrenceintervaldays: 30,
    _msdyncrm_contentsettingsid_value: SEED_IDS.contentSettings,
    _msdyncrm_suppressionsegmentid_value: SEED_IDS.segments.suppression,
  });
  expect(Date.parse(copy.msdyncrm_startdatetime)).toBe(Date.parse(original.msdyncrm_startdatetime));
});

test("delete: a stopped journey goes, a live one is refused without a request", async () => {
  const journeys = service();
  await journeys.delete(await journeys.load(J.stopped));
  expect((await fetch(`${org.api()}msdyncrm_customerjourneys(${J.stopped})`)).status).toBe(404);

  const live = await journeys.load(J.live);
  await clearLog();
  expect((await rejection(journeys.delete(live))).messageKey).toBe("error.actionNotAllowed");
  expect(await apiRequests()).toEqual([]);
});
