import { JourneyError } from "../dataverse/journeyError";
import type { JourneySnapshot } from "../dataverse/journeyService";
import { JourneyStatus as S } from "../journey/types";
import {
  actionEnded,
  actionStarted,
  announced,
  bannerDismissed,
  blocked,
  checked,
  confirmAsked,
  deleted,
  failed,
  followStarted,
  initialJourneyState,
  journeyReducer,
  loaded,
  loadStarted,
  settled,
  statusMoved,
  storedResultChanged,
  type Banner,
  type JourneyEvent,
  type JourneyState,
} from "./journeyState";
import { shownReport } from "./validationGroups";
import { journeyRecord, snapshotOf } from "./testing/fakeJourneyService";

const STORED_RESULT = JSON.stringify({
  ActivityValidationResults: [
    { ActivityId: "", Fault: "NameMissing", Result: "Error", ErrorMessageArguments: [] },
    { ActivityId: "", Fault: "NameMissing", Result: "Error", ErrorMessageArguments: [] },
  ],
  Result: "Error",
});
const snapshot: JourneySnapshot = snapshotOf(journeyRecord());
const networkError = new JourneyError("network", "error.network");
const reduce = (state: JourneyState, ...events: JourneyEvent[]) => events.reduce(journeyReducer, state);

/** Freezes the state and everything in it, so that a reducer that changed it would throw. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

describe("initialJourneyState", () => {
  test("loads a saved journey, not a new one, and shows the stored result with its findings merged", () => {
    expect(initialJourneyState("", null)).toEqual({ loading: false, shown: null, banners: [] });
    const state = initialJourneyState(snapshot.id, STORED_RESULT);
    expect(state.loading).toBe(true);
    expect(state.shown).toMatchObject({ origin: "stored", checkedAt: null, report: { verdict: "Error" } });
    expect(state.shown?.findings).toHaveLength(1);
  });

  test("a stored result of blanks is no result", () => {
    expect(initialJourneyState(snapshot.id, "  ").shown).toBeNull();
  });
});

describe("journeyReducer", () => {
  const start = () => frozen(initialJourneyState(snapshot.id, null));

  test("a load shows the journey and takes away the previous error, keeping the other banners", () => {
    const blockedBanner: Banner = { kind: "blocked", errorCount: 2 };
    const state = reduce(
      start(),
      blocked(2, "2 errors"),
      failed(networkError, "No connection", "loading"),
      loadStarted,
    );
    expect(state).toMatchObject({ loading: true, banners: [blockedBanner, { kind: "error", error: networkError }] });
    const after = journeyReducer(frozen(state), loaded(snapshot, snapshot.record));
    expect(after).toMatchObject({ loading: false, snapshot, values: snapshot.record, banners: [blockedBanner] });
  });

  test("a failure replaces the error banner, ends what failed, and is announced again even in the same words", () => {
    const once = reduce(start(), followStarted, failed(networkError, "No connection", "following"));
    const twice = journeyReducer(frozen(once), failed(networkError, "No connection"));
    expect(once.following).toBe(false);
    expect(twice.banners).toEqual([{ kind: "error", error: networkError }]);
    expect(twice.announcement).toEqual({ message: "No connection", sequence: 2 });
    expect(twice.loading).toBe(true);
  });

  test("a check's report replaces the blocked and server-unavailable banners, adding the new reason when the server could not check", () => {
    const shown = shownReport({ verdict: "Valid", entries: [] }, "form", "2026-11-28T10:00:00.000Z");
    const state = reduce(start(), blocked(1, "1 error"), checked(shown, "Checked", networkError));
    expect(state.shown).toBe(shown);
    expect(state.banners).toEqual([{ kind: "serverUnavailable", error: networkError }]);
    expect(journeyReducer(frozen(state), checked(shown, "Checked")).banners).toEqual([]);
  });

  test("the validate action missing is one state of the environment: one banner over any number of checks, gone once a server check runs", () => {
    const missing = new JourneyError("actionMissing", "error.actionMissing");
    const shown = shownReport({ verdict: "Valid", entries: [] }, "local", null);
    const state = reduce(start(), checked(shown, "Checked", missing), checked(shown, "Checked", missing));
    expect(state.banners).toEqual([{ kind: "actionMissing", error: missing }]);
    expect(journeyReducer(frozen(state), checked(shown, "Checked")).banners).toEqual([]);
  });

  test("a status the journey moved to shows on the snapshot and its record, and is announced", () => {
    const opened = reduce(start(), loaded(snapshot, snapshot.record));
    const moved = journeyReducer(frozen(opened), statusMoved(S.GoingLive, "Going live"));
    // When it moved is not known until the journey is read again: not the time of the status before.
    expect(moved.snapshot).toMatchObject({
      status: S.GoingLive,
      modifiedOn: null,
      record: { statuscode: S.GoingLive },
    });
    expect(snapshot.status).toBe(S.Draft);
    expect(moved.announcement?.message).toBe("Going live");
    expect(journeyReducer(start(), statusMoved(S.Live, "Live")).snapshot).toBeUndefined();
  });

  test("following ends when the journey settles, with the settled snapshot", () => {
    const live = snapshotOf(journeyRecord({ statuscode: S.Live }));
    const state = reduce(start(), followStarted, settled(live, live.record, "Not processed"));
    expect(state).toMatchObject({ following: false, snapshot: live, values: live.record, banners: [] });
    expect(state.announcement).toBeUndefined();
  });

  test("a follow that ends still Going live says it is not processed, once; the next follow takes that back", () => {
    const stuck = snapshotOf(journeyRecord({ statuscode: S.GoingLive }));
    const notProcessed = { kind: "notProcessed", text: "Not processed since Nov 1" };
    const once = reduce(start(), followStarted, settled(stuck, stuck.record, notProcessed.text));
    expect(once).toMatchObject({ following: false, snapshot: stuck, banners: [notProcessed] });
    expect(once.announcement?.message).toBe(notProcessed.text);
    const again = reduce(frozen(once), followStarted);
    expect(again).toMatchObject({ following: true, banners: [] });
    expect(reduce(again, settled(stuck, stuck.record, notProcessed.text)).banners).toEqual([notProcessed]);
  });

  test("a new stored result replaces what is shown; an empty one leaves it", () => {
    const state = reduce(start(), storedResultChanged(STORED_RESULT));
    expect(state.shown?.origin).toBe("stored");
    expect(journeyReducer(frozen(state), storedResultChanged(""))).toBe(state);
    expect(journeyReducer(frozen(state), storedResultChanged(null))).toBe(state);
  });

  test("an action runs until it finishes, which also closes its question", () => {
    const asking = reduce(start(), actionStarted("stop"), confirmAsked({ kind: "stop", args: ["Spring newsletter"] }));
    expect(asking).toMatchObject({ running: "stop", confirm: { kind: "stop" } });
    const done = journeyReducer(frozen(asking), actionEnded);
    expect(done.running).toBeUndefined();
    expect(done.confirm).toBeUndefined();
  });

  test("a deleted journey is marked deleted and announced; banners can be dismissed one by one", () => {
    const error: Banner = { kind: "error", error: networkError };
    const state = reduce(start(), failed(networkError, "No connection"), deleted("Deleted"));
    expect(state).toMatchObject({ deleted: true, banners: [error], announcement: { message: "Deleted" } });
    expect(journeyReducer(frozen(state), bannerDismissed(state.banners[0])).banners).toEqual([]);
  });

  test("an announcement of its own only tells screen readers", () => {
    const state = start();
    const told = journeyReducer(state, announced("Copied"));
    expect(told).toEqual({ ...state, announcement: { message: "Copied", sequence: 1 } });
  });
});
