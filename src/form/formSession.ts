import type { FormBridgeHost } from "../bridge/formBridgeHost";
import { formRecordId } from "./formValues";

/** What the script remembers about one open journey form between its events. */
export interface FormSession {
  /** The status as last loaded or saved: what a save moves the journey away from. */
  savedStatus: number | null;
  /** The values the go-live check already passed, so the save that follows is not checked twice. */
  approvedFingerprint: string | null;
  checkInFlight: boolean;
  /** Controls the form designer made read-only: the status locks never unlock them. */
  designDisabled: Set<string> | null;
  /** Ids of the check notifications on the form now, cleared before the next check shows its own. */
  checkNotificationIds: string[];
  /** Answers the control instances on the form and reports to them (null before the record has an id). */
  bridgeHost: FormBridgeHost | null;
}

/**
 * Keyed by record id rather than form context: the platform may hand each event a different
 * context object for the same form. A new record (no id yet) shares the "" entry.
 */
const sessions = new Map<string, FormSession>();

export function sessionFor(form: Xrm.FormContext): FormSession {
  const key = formRecordId(form);
  let session = sessions.get(key);
  if (!session) {
    session = {
      savedStatus: null,
      approvedFingerprint: null,
      checkInFlight: false,
      designDisabled: null,
      checkNotificationIds: [],
      bridgeHost: null,
    };
    sessions.set(key, session);
  }
  return session;
}

export function allSessions(): IterableIterator<FormSession> {
  return sessions.values();
}
