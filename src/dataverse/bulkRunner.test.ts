import { JourneyStatus as S } from "../journey/types";
import { parseValidationResponse } from "../journey/validationResult";
import { BULK_CONCURRENCY, checkAndStore, runBulk, seenSnapshot, type BulkOutcome } from "./bulkRunner";
import { createJourneyService, type TransitionOutcome } from "./journeyService";
import { RESOURCE_NOT_FOUND } from "./webApiErrors";
import { FakeWebApi, journeyRow, validateAnswer } from "./testing/fakeWebApi";

const idOf = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** An org of `count` journeys (Draft unless `overrides` says otherwise) and a journey service over it. */
function org(count: number, overrides: Record<string, unknown> = {}) {
  const webApi = new FakeWebApi(journeyRow({ msdyncrm_customerjourneyid: idOf(0), ...overrides }));
  for (let n = 1; n < count; n += 1)
    webApi.rows.set(
      idOf(n),
      journeyRow({ msdyncrm_customerjourneyid: idOf(n), msdyncrm_name: `Journey ${n}`, ...overrides }),
    );
  const sleeps: number[] = [];
  const timing = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };
  // One service per journey, as the view makes them: a service runs one status write at a time.
  const newService = () => createJourneyService({ webApi, timing, now: () => new Date("2030-01-15T12:00:00Z") });
  return { webApi, newService, sleeps, deps: { webApi, service: newService() } };
}

/** A task whose runs a test ends one by one, counting how many run at once. */
function heldTask() {
  const running = new Map<string, () => void>();
  let most = 0;
  const task = (id: string) =>
    new Promise<string>((resolve) => {
      running.set(id, () => resolve(id));
      most = Math.max(most, running.size);
    }).finally(() => running.delete(id));
  const finish = async (id: string) => {
    running.get(id)?.();
    // Lets the runner take the next id.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { task, running, finish, most: () => most };
}

describe("runBulk", () => {
  it("never runs more than two at once, and runs each id once", async () => {
    const { task, running, finish, most } = heldTask();
    const ids = [0, 1, 2, 3, 4, 2].map(idOf);
    const outcomes: BulkOutcome<string>[] = [];
    const done = runBulk(ids, task, { onOutcome: (outcome) => outcomes.push(outcome) }, { aborted: false });
    await finish("none");
    expect([...running.keys()]).toEqual([idOf(0), idOf(1)]);
    for (const n of [1, 0, 2, 3, 4]) await finish(idOf(n));
    await done;
    expect(most()).toBe(BULK_CONCURRENCY);
    expect(outcomes.map((outcome) => outcome.id)).toEqual([1, 0, 2, 3, 4].map(idOf));
  });

  it("starts nothing new once cancelled; those running finish and tell their outcome", async () => {
    const { task, finish } = heldTask();
    const cancel = { aborted: false };
    const started: string[] = [];
    const ended: string[] = [];
    const done = runBulk(
      [0, 1, 2, 3].map(idOf),
      task,
      { onStart: (id) => started.push(id), onOutcome: ({ id }) => ended.push(id) },
      cancel,
    );
    await finish(idOf(0));
    cancel.aborted = true;
    await finish(idOf(1));
    await finish(idOf(2));
    await done;
    expect(started).toEqual([0, 1, 2].map(idOf));
    expect(ended).toEqual([0, 1, 2].map(idOf));
  });

  it("tells a failed journey's reason and goes on with the others", async () => {
    const outcomes = await runBulk(
      [idOf(0), idOf(1)],
      async (id) => {
        if (id === idOf(0)) throw { status: 404 };
        return id;
      },
      { onOutcome: () => undefined },
      { aborted: false },
    );
    expect(outcomes).toEqual([
      { id: idOf(0), error: expect.objectContaining({ kind: "notFound" }) },
      { id: idOf(1), result: idOf(1) },
    ]);
  });
});

describe("checkAndStore", () => {
  it("checks the journey and stores the result in its check-results column, with the row version it read", async () => {
    const { webApi, deps } = org(1);
    webApi.validate = async () =>
      validateAnswer("Error", [{ fault: "SegmentNotLive", severity: "Error", activityId: "01_1" }]);
    const outcome = await checkAndStore(deps, idOf(0));
    expect(outcome.report.verdict).toBe("Error");
    expect(webApi.methods()).toEqual(["retrieveRecord", "execute", "updateRecord"]);
    expect(webApi.calls[2].ifMatch).toBe('W/"1001"');
    const stored = parseValidationResponse(webApi.rows.get(idOf(0))?.msdyncrm_validationresults);
    expect(stored.verdict).toBe("Error");
    expect(stored.entries.map((entry) => entry.fault)).toContain("SegmentNotLive");
  });

  it("waits and tries again when the server throttles the check", async () => {
    const { webApi, sleeps, deps } = org(1);
    webApi.failNext("execute", { status: 429, retryAfterSeconds: 3 });
    const outcome = await checkAndStore(deps, idOf(0));
    expect(outcome.serverUnavailable).toBeUndefined();
    expect(sleeps).toEqual([3000]);
    expect(webApi.methods()).toEqual(["retrieveRecord", "execute", "execute", "updateRecord"]);
  });

  it("a throttled results write waits, tries again, and is told through the service's server-busy notice", async () => {
    const { webApi, sleeps, deps } = org(1);
    const told: (number | null)[] = [];
    deps.service.onServerBusy((busy) => told.push(busy && busy.retryInMs));
    webApi.failNext("updateRecord", { status: 429, retryAfterSeconds: 4 });
    await checkAndStore(deps, idOf(0));
    expect(sleeps).toEqual([4000]);
    expect(told).toEqual([4000, null]);
    expect(webApi.methods()).toEqual(["retrieveRecord", "execute", "updateRecord", "updateRecord"]);
    expect(webApi.rows.get(idOf(0))?.msdyncrm_validationresults).toBeTruthy();
  });

  it("stores the local checks' result where the org has no validate action", async () => {
    const { webApi, deps } = org(1, { msdyncrm_name: "" });
    webApi.failNext("execute", { errorCode: RESOURCE_NOT_FOUND, status: 404 });
    await checkAndStore(deps, idOf(0));
    const stored = parseValidationResponse(webApi.rows.get(idOf(0))?.msdyncrm_validationresults);
    expect(stored.verdict).toBe("Error");
    expect(stored.entries.length).toBeGreaterThan(0);
  });

  it("stores nothing when the check could not run, and says why", async () => {
    const { webApi, deps } = org(1);
    webApi.failNext("execute", { status: 500, message: "boom" });
    await expect(checkAndStore(deps, idOf(0))).rejects.toMatchObject({ kind: "server" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });
});

describe("bulk stop", () => {
  it("stops the Live journeys as seen, refuses one changed by someone else with the conflict reason, writes nothing twice", async () => {
    const { webApi, newService } = org(3, { statuscode: S.Live });
    const seen = [0, 1, 2].map((n) =>
      seenSnapshot({ ...(webApi.rows.get(idOf(n)) as object), msdyncrm_customerjourneyid: idOf(n) }),
    );
    webApi.changeRow(idOf(1), { msdyncrm_name: "Renamed by someone else" });
    const outcomes = await runBulk(
      [0, 1, 2, 0].map(idOf),
      (id) =>
        newService().transition(
          seen.find((snapshot) => snapshot.id === id)!,
          "stop",
        ),
      { onOutcome: () => undefined },
      { aborted: false },
    );
    const byId = Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome]));
    expect((byId[idOf(0)] as { result: TransitionOutcome }).result).toMatchObject({ done: true, status: S.Stopping });
    expect((byId[idOf(2)] as { result: TransitionOutcome }).result).toMatchObject({ done: true, status: S.Stopping });
    expect(byId[idOf(1)]).toMatchObject({ error: { kind: "conflict", messageKey: "error.conflict" } });
    const writes = webApi.calls.filter((call) => call.method === "updateRecord");
    expect(writes.map((call) => [call.id, call.data])).toEqual(
      expect.arrayContaining([
        [idOf(0), { statuscode: S.Stopping }],
        [idOf(2), { statuscode: S.Stopping }],
      ]),
    );
    expect(writes).toHaveLength(2);
    expect(webApi.rows.get(idOf(1))?.statuscode).toBe(S.Live);
  });

  /** The journey as the journeys view's list row holds it: the view's columns alone (src/ui/journeysView/datasetRows). */
  const listed = (row: Record<string, unknown> | undefined, id: string) => {
    const columns = [
      "msdyncrm_name",
      "statuscode",
      "msdyncrm_startdatetime",
      "msdyncrm_enddatetime",
      "msdyncrm_isrecurring",
      "msdyncrm_recurrenceintervaldays",
      "msdyncrm_recurrencecount",
      "msdyncrm_validationresults",
      "modifiedon",
    ];
    return seenSnapshot({
      ...Object.fromEntries(columns.map((column) => [column, row?.[column]])),
      msdyncrm_customerjourneyid: id,
    });
  };

  it.each([
    ["its check result stored by the form", { msdyncrm_validationresults: '{"Result":"Valid"}' }],
    ["its designer state", { msdyncrm_customerjourneydesignerstate: '{"NextActivityID":9}' }],
    ["a save of the same values", { msdyncrm_name: "Journey 0" }],
  ])(
    "stops a journey saved since the list was read when only %s changed, as the form control would",
    async (_, change) => {
      const { webApi, newService } = org(1, { statuscode: S.Live, msdyncrm_name: "Journey 0" });
      const seen = listed(webApi.rows.get(idOf(0)), idOf(0));
      webApi.changeRow(idOf(0), change);
      await expect(newService().transition(seen, "stop")).resolves.toMatchObject({ done: true, status: S.Stopping });
      expect(webApi.rows.get(idOf(0))?.statuscode).toBe(S.Stopping);
    },
  );

  it.each([
    ["its end date, which the list shows", { msdyncrm_enddatetime: "2030-04-01T00:00:00Z" }],
    ["its status", { statuscode: S.Stopped }],
  ])("refuses a journey whose %s changed since the list was read", async (_, change) => {
    const { webApi, newService } = org(1, { statuscode: S.Live });
    const seen = listed(webApi.rows.get(idOf(0)), idOf(0));
    webApi.changeRow(idOf(0), change);
    await expect(newService().transition(seen, "stop")).rejects.toMatchObject({ kind: "conflict" });
    expect(webApi.methods()).not.toContain("updateRecord");
  });

  it("refuses a journey not Live without a request", async () => {
    const { webApi, newService } = org(1, { statuscode: S.Draft });
    const seen = seenSnapshot({ ...(webApi.rows.get(idOf(0)) as object), msdyncrm_customerjourneyid: idOf(0) });
    await expect(newService().transition(seen, "stop")).rejects.toMatchObject({ kind: "refused" });
    expect(webApi.calls).toEqual([]);
  });
});
