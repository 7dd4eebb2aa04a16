import { fillPlaceholders } from "../journey/faultCatalogue";
import { canTransition } from "../journey/statusModel";
import { JourneyStatus } from "../journey/types";
import { checkedValuesKey } from "../journey/validateRequest";
import { noticesFor, showNotices } from "./checkNotifications";
import { applyFieldLocks } from "./fieldLockApplier";
import type { FormEnvironment } from "./formEnvironment";
import { sessionFor, type FormSession } from "./formSession";
import { STATUS_FIELD, readFormValues, statusOnForm } from "./formValues";
import { runGoLiveCheck, type CheckOutcome } from "./goLiveCheck";

/** A save the gate stopped; the form already shows why. */
export class SaveRefused extends Error {}

export type SaveDecision = { kind: "pass" } | { kind: "check" } | { kind: "forbidden"; from: number; to: number };

/** What a save from `savedStatus` to `newStatus` needs: nothing, the go-live check, or refusing (TransitionData). */
export function decideSave(savedStatus: number | null, newStatus: number | null): SaveDecision {
  if (newStatus === null || newStatus === savedStatus) return { kind: "pass" };
  if (savedStatus !== null && !canTransition(savedStatus, newStatus))
    return { kind: "forbidden", from: savedStatus, to: newStatus };
  return newStatus === JourneyStatus.GoingLive ? { kind: "check" } : { kind: "pass" };
}

/**
 * The status the save moves away from: remembered at load and after each save. Without OnLoad
 * registered, the attribute's initial value where the platform offers one (Choice columns do;
 * not every client exposes it for Status Reason).
 */
export function originalStatus(form: Xrm.FormContext, session: FormSession): number | null {
  if (session.savedStatus !== null) return session.savedStatus;
  const attribute = form.getAttribute(STATUS_FIELD) as Partial<Xrm.Attributes.OptionSetAttribute> | null;
  const initial: unknown = attribute?.getInitialValue?.();
  return typeof initial === "number" ? initial : null;
}

function fingerprint(form: Xrm.FormContext): string {
  return checkedValuesKey(readFormValues(form));
}

/** Puts the saved status back so the fields unlock again and nothing the user typed is lost. */
function restoreStatus(form: Xrm.FormContext, session: FormSession, status: number | null, env: FormEnvironment): void {
  const attribute = form.getAttribute(STATUS_FIELD);
  if (!attribute || status === null) return;
  attribute.setValue(status);
  applyFieldLocks(form, session, env.now());
}

function refuseTransition(
  form: Xrm.FormContext,
  session: FormSession,
  from: number,
  to: number,
  env: FormEnvironment,
): string {
  const label = (status: number) => env.getString(`status.${status}`);
  const message = fillPlaceholders(env.getString("form.transitionNotAllowed"), [label(from), label(to)]);
  showNotices(form, session, [{ level: "ERROR", message }]);
  restoreStatus(form, session, from, env);
  return message;
}

/**
 * The form's values as the validate action is asked about them: with the status as saved (as the API page's
 * sample sends it), not the Going live the user chose; left out when nothing tells the saved status.
 */
function valuesToCheck(form: Xrm.FormContext, session: FormSession) {
  return { ...readFormValues(form), statuscode: originalStatus(form, session) };
}

/**
 * Runs the check on the form's values and shows its notices: `goLive` for the gate, `check` for the
 * user's "Check for errors". Returns the outcome and the summary line.
 */
export async function checkAndNotify(
  form: Xrm.FormContext,
  session: FormSession,
  env: FormEnvironment,
  purpose: "goLive" | "check",
): Promise<{ outcome: CheckOutcome; message: string }> {
  const values = valuesToCheck(form, session);
  session.checkInFlight = true;
  try {
    const outcome = await runGoLiveCheck(values, env.webApi, env.timing, env.now, env.checkTimeoutMs);
    return { outcome, message: showNotices(form, session, noticesFor(outcome, purpose, values, env.getString)) };
  } finally {
    session.checkInFlight = false;
  }
}

/** Runs the go-live check and shows the result; rejects with SaveRefused (status restored) when it may not go live. */
async function checkGoLive(form: Xrm.FormContext, session: FormSession, env: FormEnvironment): Promise<void> {
  const from = originalStatus(form, session);
  const { outcome, message } = await checkAndNotify(form, session, env, "goLive");
  if (outcome.kind !== "clean" && outcome.kind !== "warnings") {
    restoreStatus(form, session, from, env);
    throw new SaveRefused(message);
  }
}

/** Saves values the check passed: the OnSave this save raises recognises them and lets them through. */
async function saveCheckedValues(form: Xrm.FormContext, session: FormSession, saveMode?: number): Promise<void> {
  session.approvedFingerprint = fingerprint(form);
  try {
    await (saveMode === undefined ? form.data.save() : form.data.save({ saveMode }));
  } finally {
    session.approvedFingerprint = null;
  }
}

const CHECK_RUNNING_NOTIFICATION = "cjt-check-running";

function refuseWhileChecking(form: Xrm.FormContext, session: FormSession, env: FormEnvironment): string {
  const message = env.getString("form.checkInProgress");
  form.ui.setFormNotification(message, "INFO", CHECK_RUNNING_NOTIFICATION);
  session.checkNotificationIds.push(CHECK_RUNNING_NOTIFICATION);
  return message;
}

/** getSaveMode's values for the saves that leave the form afterwards. */
const SAVE_AND_CLOSE = 2;
const SAVE_AND_NEW = 59;

/**
 * The one place that finishes a save the gate cancelled and repeated: `formContext.data.save({ saveMode })`
 * only tells the OnSave handlers the mode ("setting the saveMode does not actually take the corresponding
 * action", Client API reference), so after a successful re-save the form closes or opens a new journey
 * here, as the user's own Save & Close or Save & New would have.
 */
async function saveAsTheUserAsked(
  form: Xrm.FormContext,
  session: FormSession,
  env: FormEnvironment,
  saveMode: number,
): Promise<void> {
  await saveCheckedValues(form, session, saveMode);
  if (saveMode === SAVE_AND_CLOSE) form.ui.close();
  else if (saveMode === SAVE_AND_NEW) env.openNewForm(form.data.entity.getEntityName());
}

/**
 * The OnSave handler. A save into Going live is cancelled at once, whatever the app's "Async save handler"
 * setting (off, the platform would not wait for a promise and save unchecked); the gate checks, then saves
 * again in the user's save mode once the values passed (that second save passes the gate because its
 * values match the ones checked).
 */
export function gateSave(context: Xrm.Events.SaveEventContext, env: FormEnvironment): void {
  const form = context.getFormContext();
  const args = context.getEventArgs();
  const session = sessionFor(form);
  const decision = decideSave(originalStatus(form, session), statusOnForm(form));
  if (decision.kind === "pass") return;
  if (decision.kind === "forbidden") {
    args.preventDefault();
    refuseTransition(form, session, decision.from, decision.to, env);
    return;
  }
  if (session.approvedFingerprint !== null && session.approvedFingerprint === fingerprint(form)) {
    session.approvedFingerprint = null;
    return;
  }
  args.preventDefault();
  if (session.checkInFlight) {
    refuseWhileChecking(form, session, env);
    return;
  }
  const saveMode = args.getSaveMode();
  void checkGoLive(form, session, env)
    .then(() => saveAsTheUserAsked(form, session, env, saveMode))
    // The form already shows why the check refused, and the platform reports a failed save itself.
    .catch(() => undefined);
}

/**
 * Saves the form through the same gate, checking first instead of cancelling (the bridge's save
 * and the command buttons). Rejects with SaveRefused when the gate stopped it, or with the
 * platform's error when the save itself failed.
 */
export async function saveThroughGate(form: Xrm.FormContext, env: FormEnvironment): Promise<void> {
  const session = sessionFor(form);
  const decision = decideSave(originalStatus(form, session), statusOnForm(form));
  if (decision.kind === "forbidden")
    throw new SaveRefused(refuseTransition(form, session, decision.from, decision.to, env));
  if (decision.kind === "check") {
    if (session.checkInFlight) throw new SaveRefused(refuseWhileChecking(form, session, env));
    await checkGoLive(form, session, env);
    await saveCheckedValues(form, session);
  } else {
    await form.data.save();
  }
  session.savedStatus = statusOnForm(form);
}
