import { SEED_IDS } from "../../harness/seed/seedData";
import { createWebApiClient } from "../../harness/xrm/webApiClient";
import { createIfMatchWrites } from "../../src/dataverse/ifMatchWrites";
import { createJourneyService, type JourneyService } from "../../src/dataverse/journeyService";
import { rejection } from "../../src/dataverse/testing/rejection";
import { JourneyStatus as S } from "../../src/journey/types";
import { eventually, json, useHarness, type Json } from "./testing/harnessFixture";

// The status write and the delete carry the re-read's ETag (If-Match) over HTTP, so a change that lands
// between the conflict re-read and the write is refused by the org (412) instead of overwritten.
const J = SEED_IDS.journeys;
const org = useHarness();

function service(): JourneyService {
  return createJourneyService({
    webApi: { ...createWebApiClient({ baseUrl: org.api() }), ifMatch: createIfMatchWrites(org.url) },
  });
}

async function apiLog(): Promise<Json[]> {
  const log = (await json(await fetch(`${org.url}/_harness/log`))) as unknown as Json[];
  return log.filter((entry) => String(entry.path).startsWith("/api/data/"));
}

async function row(id: string): Promise<Json> {
  return json(await fetch(`${org.api()}msdyncrm_customerjourneys(${id})`));
}

/** Holds the service's next request of `method` (v9.2, the path the If-Match writes use) for a second. */
async function delayNext(method: string): Promise<void> {
  const fault = { delayMs: 1000, match: { method, pathContains: "/api/data/v9.2/msdyncrm_customerjourneys(" } };
  expect((await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify(fault) })).status).toBe(201);
}

/** Resolves once the delayed request has reached the org (its fault is taken from the queue). */
async function delayedRequestArrived(): Promise<void> {
  const faults = await eventually(
    async () => (await json(await fetch(`${org.url}/_harness/faults`))) as unknown as Json[],
    (queued) => queued.length === 0,
  );
  expect(faults).toEqual([]);
}

/** Another user renames the journey (through v9.1, so the delay meant for the service's write is not theirs). */
async function renameByColleague(id: string): Promise<void> {
  const renamed = await fetch(`${org.api("v9.1")}msdyncrm_customerjourneys(${id})`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ msdyncrm_name: "Renamed by a colleague" }),
  });
  expect(renamed.status).toBe(204);
}

test("a rename by another user while the stop is on its way: 412, a conflict, no status written", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.live);
  await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
  await delayNext("PATCH");
  const stopping = rejection(journeys.transition(snapshot, "stop"));
  await delayedRequestArrived();
  await renameByColleague(J.live);

  expect(await stopping).toMatchObject({ kind: "conflict", messageKey: "error.conflict" });
  const log = await apiLog();
  expect(log.map((entry) => `${entry.method} ${String(entry.path).split("/")[3]} ${entry.status}`)).toEqual([
    "GET v9.2 200",
    "PATCH v9.1 204",
    "PATCH v9.2 412",
    // The status read back: the 412 was not the browser's resend of a write that was made.
    "GET v9.2 200",
  ]);
  expect(await row(J.live)).toMatchObject({ statuscode: S.Live, msdyncrm_name: "Renamed by a colleague" });
});

test("a rename by another user while the delete is on its way: 412, a conflict, the journey stays", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.stopped);
  await delayNext("DELETE");
  const deleting = rejection(journeys.delete(snapshot));
  await delayedRequestArrived();
  await renameByColleague(J.stopped);

  expect((await deleting).kind).toBe("conflict");
  expect(await row(J.stopped)).toMatchObject({ statuscode: S.Stopped, msdyncrm_name: "Renamed by a colleague" });
});

test("unchanged since the re-read, the write with If-Match goes through", async () => {
  const journeys = service();
  const snapshot = await journeys.load(J.live);
  expect(await journeys.transition(snapshot, "stop")).toMatchObject({ done: true, status: S.Stopping });
  expect([S.Stopping, S.Stopped]).toContain((await row(J.live)).statuscode);
});
