import type { JourneyError } from "../dataverse/journeyError";
import type { RecordNames } from "../dataverse/recordNames";
import type { JourneySnapshot, ServerBusy } from "../dataverse/journeyService";
import type { JourneyActionId } from "../journey/journeyActions";
import { statusInfo } from "../journey/statusModel";
import type { JourneyRecord } from "../journey/types";
import { parseValidationResponse } from "../journey/validationResult";
import type { ConfirmRequest } from "./ConfirmDialog";
import { shownReport, type ShownReport } from "./validationGroups";

/** A banner: an error of the service, or a plain notice (e.g. the go-live was refused by the check). */
export type Banner =
  | { kind: "error"; error: JourneyError }
  | { kind: "blocked"; errorCount: number }
  /** actionMissing: the org has no validate action, a state of the environment shown (not dismissible) until a server check runs. */
  | { kind: "serverUnavailable" | "actionMissing"; error: JourneyError }
  /** Still Going live / Stopping long after its last change: the marketing service has not picked it up. */
  | { kind: "notProcessed"; text: string };

/** What the control shows; the optional parts are absent until there is something to show. */
export interface JourneyState {
  snapshot?: JourneySnapshot;
  /** The form's current values (saved or not), else the snapshot's. */
  values?: JourneyRecord;
  loading: boolean;
  shown: ShownReport | null;
  running?: JourneyActionId;
  /** Following a Going live / Stopping status until it settles. */
  following?: boolean;
  banners: Banner[];
  confirm?: ConfirmRequest;
  /** The last text for screen readers; a new sequence makes the same text again a new announcement. */
  announcement?: { message: string; sequence: number };
  deleted?: boolean;
  /** A throttled request is waiting to try again (null or absent: none is). */
  serverBusy?: ServerBusy | null;
  /** What is known of the records the findings and the tiles refer to (their names), by recordKey. */
  names?: RecordNames;
}

/**
 * A named event (`loaded(snapshot, values)`, `failed(error, message)`…): what happened to the journey or to
 * the user's action, as the change it makes to the state. Each is a pure function of the state; the
 * minifier renames the events like any function, where type strings would stand in the bundle at every
 * dispatch and again in the reducer.
 */
export type JourneyEvent = (state: JourneyState) => JourneyState;

/** The state after the event. */
export function journeyReducer(state: JourneyState, event: JourneyEvent): JourneyState {
  return event(state);
}

/** The bound column's value changed: a stored result of the last check replaces what is shown. */
export const storedResultChanged =
  (raw: string | null): JourneyEvent =>
  (state) =>
    raw?.trim() ? { ...state, shown: shownReport(parseValidationResponse(raw), "stored", null) } : state;

/** Loading the journey (none before it is saved), showing the stored result of the last check. */
export function initialJourneyState(recordId: string, storedRaw: string | null): JourneyState {
  return storedResultChanged(storedRaw)({ loading: recordId !== "", shown: null, banners: [] });
}

/** The state with `message` announced (`message` is what screen readers are told) and the banners of the given kinds replaced by `added`. */
function told(state: JourneyState, message: string, kinds: Banner["kind"][] = [], ...added: Banner[]): JourneyState {
  return {
    ...state,
    banners: [...state.banners.filter((banner) => !kinds.includes(banner.kind)), ...added],
    announcement: { message, sequence: (state.announcement?.sequence ?? 0) + 1 },
  };
}

export const loadStarted: JourneyEvent = (state) => ({ ...state, loading: true });

/** The journey as loaded; the error that stopped an earlier load goes. */
export const loaded =
  (snapshot: JourneySnapshot, values: JourneyRecord): JourneyEvent =>
  (state) => ({
    ...state,
    snapshot,
    values,
    loading: false,
    banners: state.banners.filter((banner) => banner.kind !== "error"),
  });

export const followStarted: JourneyEvent = (state) => ({
  ...state,
  following: true,
  banners: state.banners.filter((banner) => banner.kind !== "notProcessed"),
});

/**
 * The follow of Going live / Stopping ended: the journey settled, or it is still there, not processed
 * (`notProcessed` is then what the control says).
 */
export const settled =
  (snapshot: JourneySnapshot, values: JourneyRecord, notProcessed: string): JourneyEvent =>
  (state) => {
    const ended = { ...state, snapshot, values, following: false };
    return statusInfo(snapshot.status)?.transitional
      ? told(ended, notProcessed, [], { kind: "notProcessed", text: notProcessed })
      : ended;
  };

/** An operation failed; `ended` is what it was doing, when that shows (loading or following). */
export const failed =
  (error: JourneyError, message: string, ended?: "loading" | "following"): JourneyEvent =>
  (state) =>
    told(ended ? { ...state, [ended]: false } : state, message, ["error"], { kind: "error", error });

/** The product's own findings, shown at once while the server's check runs. */
export const checkStarted =
  (values: JourneyRecord, shown: ShownReport): JourneyEvent =>
  (state) => ({ ...state, values, shown });

/**
 * A check's report; `unavailable` says why the server could not check, when it could not. The validate
 * action missing is a state of the org, one banner that stays while checks find it missing.
 */
export const checked =
  (shown: ShownReport, message: string, unavailable?: JourneyError): JourneyEvent =>
  (state) =>
    told(
      { ...state, shown },
      message,
      ["serverUnavailable", "blocked", "actionMissing"],
      ...(unavailable
        ? [
            {
              kind: unavailable.kind === "actionMissing" ? ("actionMissing" as const) : ("serverUnavailable" as const),
              error: unavailable,
            },
          ]
        : []),
    );

/** The check's errors refused the status change. */
export const blocked =
  (errorCount: number, message: string): JourneyEvent =>
  (state) =>
    told(state, message, ["blocked"], { kind: "blocked", errorCount });

export const actionStarted =
  (running: JourneyActionId): JourneyEvent =>
  (state) => ({ ...state, running });

/** The action ended, and with it any question it asked. */
export const actionEnded: JourneyEvent = (state) => ({ ...state, running: undefined, confirm: undefined });

export const confirmAsked =
  (confirm: ConfirmRequest): JourneyEvent =>
  (state) => ({ ...state, confirm });

export const confirmAnswered: JourneyEvent = (state) => ({ ...state, confirm: undefined });

/** The journey's status moved (written, or read while following), at a time not yet read. */
export const statusMoved =
  (status: number, message: string): JourneyEvent =>
  (state) => {
    const { snapshot } = state;
    const moved = snapshot && {
      snapshot: { ...snapshot, status, modifiedOn: null, record: { ...snapshot.record, statuscode: status } },
    };
    return told({ ...state, ...moved }, message);
  };

/** The form's values, read again. */
export const valuesRead =
  (values: JourneyRecord): JourneyEvent =>
  (state) => ({ ...state, values });

/** The journey was deleted: every action is disabled, saying so, until the form closes. */
export const deleted =
  (message: string): JourneyEvent =>
  (state) =>
    told({ ...state, deleted: true }, message);

/** Something screen readers are told, and nothing else. */
export const announced =
  (message: string): JourneyEvent =>
  (state) =>
    told(state, message);

export const bannerDismissed =
  (banner: Banner): JourneyEvent =>
  (state) => ({ ...state, banners: state.banners.filter((shown) => shown !== banner) });

export const serverBusyChanged =
  (serverBusy: ServerBusy | null): JourneyEvent =>
  (state) => ({ ...state, serverBusy });

export const namesFound =
  (names: RecordNames): JourneyEvent =>
  (state) => ({ ...state, names });
