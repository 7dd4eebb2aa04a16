import type { FormBridge } from "../bridge/formBridgeTypes";
import type { JourneyActionId } from "../journey/journeyActions";
import type { JourneyRecord, JourneyStatusCode, ValidationReport } from "../journey/types";
import type { JourneyError } from "./journeyError";
import type { WebApiPort } from "./webApiPort";

/** A journey as loaded: the saved values plus what the conflict check compares against. */
export interface JourneySnapshot {
  record: JourneyRecord;
  /** Lower-case id without braces. */
  id: string;
  status: number;
  etag?: string;
  /** ISO text as the server gave it; the conflict check compares it. */
  modifiedOn: string | null;
  /** Formatted value of modifiedby (the user's name), when the server gave it. */
  modifiedByName?: string;
  loadedAt: Date;
}

export interface CheckOutcome {
  /** Local and server findings merged; verdict = the worst. */
  report: ValidationReport;
  local: ValidationReport;
  /** Null when the server check could not run (see serverUnavailable). */
  server: ValidationReport | null;
  /** Why the server check did not run; kind "actionMissing" means the org lacks the validate action. */
  serverUnavailable?: JourneyError;
}

export type TransitionStep = "checking" | "confirming" | "saving" | "rereading" | "writing";

export interface TransitionOptions {
  /**
   * Asked when the check found warnings but no errors, or the server check was unavailable;
   * resolve true to go on. Absent: the transition is not made.
   */
  confirmWarnings?: (outcome: CheckOutcome) => Promise<boolean>;
  onProgress?: (step: TransitionStep) => void;
}

export type TransitionOutcome =
  /** The status was written; `check` is set when the action ran the check first. */
  | { done: true; status: JourneyStatusCode; check?: CheckOutcome; savedForm: boolean }
  /** The check found errors, or the user declined the warnings; nothing was written. */
  | { done: false; reason: "checkErrors" | "warningsDeclined"; check: CheckOutcome };

export interface SettleOptions {
  /** Called with every status read while waiting. */
  onProgress?: (status: number) => void;
  /** Default 120 000 ms; then the wait rejects with kind "timeout". */
  timeoutMs?: number;
}

export interface CurrentValues {
  values: JourneyRecord;
  isDirty: boolean;
  /** True when the values came from the form (bridge), false when from the snapshot. */
  fromForm: boolean;
}

export interface JourneyServiceDeps {
  webApi: WebApiPort;
  /** Finds the form bridge (e.g. () => connectFormBridge(id)); null/absent: no form, use the snapshot. */
  bridge?: () => Promise<FormBridge | null>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for back-off jitter. */
  random?: () => number;
}

/**
 * Loads, checks, moves, copies and deletes a customer journey over the Web API.
 * Every failure rejects with a JourneyError.
 */
export class JourneyService {
  constructor(private readonly deps: JourneyServiceDeps) {}

  /** One request: the needed columns, the ETag and modifiedby's formatted value. */
  load(id: string): Promise<JourneySnapshot> {
    return notYet(id);
  }

  /** The form's current (possibly unsaved) values via the bridge, else the snapshot's. */
  currentValues(snapshot: JourneySnapshot): Promise<CurrentValues> {
    return notYet(snapshot);
  }

  /** The instant local checks only (no request). */
  checkLocally(values: JourneyRecord): ValidationReport {
    throw new Error(`not implemented yet ${String(values)}`);
  }

  /** Local checks, then the validate action (one request). */
  check(values: JourneyRecord): Promise<CheckOutcome> {
    return notYet(values);
  }

  /** Runs an action that writes a status (goLive, stop, edit, republish, cancelEdit, retry, restart). */
  transition(snapshot: JourneySnapshot, actionId: JourneyActionId, options: TransitionOptions = {}): Promise<TransitionOutcome> {
    return notYet([snapshot, actionId, options]);
  }

  /** After Going live / Stopping: follows the status until it settles, then refreshes the form. */
  waitUntilSettled(id: string, options: SettleOptions = {}): Promise<JourneySnapshot> {
    return notYet([id, options]);
  }

  /**
   * A new Draft copied from the snapshot; `namePrefixTemplate` is the localised "Copy of {0}".
   * The caller opens it (Xrm.Navigation.openForm).
   */
  copy(snapshot: JourneySnapshot, namePrefixTemplate: string): Promise<{ id: string }> {
    return notYet([snapshot, namePrefixTemplate]);
  }

  /** Deletes the journey where its status allows it; the UI confirms first. */
  delete(snapshot: JourneySnapshot): Promise<void> {
    return notYet(snapshot);
  }
}

function notYet(..._args: unknown[]): Promise<never> {
  return Promise.reject(new Error("not implemented yet"));
}
