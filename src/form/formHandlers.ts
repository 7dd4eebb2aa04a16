import type { FormCommand, FormEvent, MissingSetup } from "../bridge/formBridgeTypes";
import { JourneyStatus } from "../journey/types";
import { applyFieldLocks } from "./fieldLockApplier";
import { hostBridgeOnForm, reportColumnChanges } from "./formBridgeAdapter";
import type { FormEnvironment } from "./formEnvironment";
import { sessionFor } from "./formSession";
import { STATUS_FIELD, formRecordId, statusOnForm } from "./formValues";
import { SaveRefused, checkAndNotify, gateSave, saveThroughGate } from "./saveGate";

const IN_ERROR_NOTIFICATION = "cjt-journey-error";
const SAVE_FAILED_NOTIFICATION = "cjt-save-failed";

/** A command bar button passes the primary control (the form context); tolerate an execution context too. */
type Primary = Xrm.FormContext | Xrm.Events.EventContext;

function formOf(primary: Primary): Xrm.FormContext {
  const maybeContext = primary as Partial<Xrm.Events.EventContext>;
  return typeof maybeContext.getFormContext === "function"
    ? maybeContext.getFormContext()
    : (primary as Xrm.FormContext);
}

/** Tells the control instances connected on the form. */
function tellControls(form: Xrm.FormContext, event: FormEvent): void {
  sessionFor(form).bridgeHost?.notify(event);
}

export interface FormHandlers {
  onLoad(context: Xrm.Events.EventContext): void;
  onSave(context: Xrm.Events.SaveEventContext): void;
  onStatusChange(context: Xrm.Events.EventContext): void;
  checkForErrors(primary: Primary): Promise<void>;
  goLive(primary: Primary): Promise<void>;
  stop(primary: Primary): Promise<void>;
  edit(primary: Primary): Promise<void>;
}

/** The handlers of the form web resource; `environment` is read at each event (Xrm exists only then). */
export function createFormHandlers(environment: () => FormEnvironment): FormHandlers {
  /**
   * Whether OnSave and Status Reason's OnChange ran (true) or their event went by without them (false) since
   * the last OnLoad: a handler knows it is registered only by running.
   */
  let seen: Partial<Record<"onSave" | "onStatusChange", boolean>> = {};
  const missingSetup = (form: Xrm.FormContext): MissingSetup[] => [
    ...(["onSave", "onStatusChange"] as const).filter((handler) => seen[handler] === false),
    ...(form.getAttribute(STATUS_FIELD) ? [] : ["statusReason" as const]),
    ...(environment().stringsLoaded() ? [] : ["strings" as const]),
  ];
  /** The event of `handler` went by without it: unless it ran before, it is not registered; tell the controls. */
  const noteMissing = (form: Xrm.FormContext, handler: keyof typeof seen): void => {
    if (seen[handler] !== undefined) return;
    seen[handler] = false;
    tellControls(form, { kind: "setup", missing: missingSetup(form) });
  };

  /** After the record's data (re)loaded or was saved: remember its status, lock, flag Error, answer the control. */
  const dataLoaded = (form: Xrm.FormContext): void => {
    const env = environment();
    const session = sessionFor(form);
    session.savedStatus = statusOnForm(form);
    applyFieldLocks(form, session, env.now());
    if (session.savedStatus === JourneyStatus.Error) {
      form.ui.setFormNotification(env.getString("form.journeyInError"), "ERROR", IN_ERROR_NOTIFICATION);
    } else {
      form.ui.clearFormNotification(IN_ERROR_NOTIFICATION);
    }
    const recordId = formRecordId(form);
    // A new record gets its id with its first save; after that every save and refresh keeps the bridge.
    if (recordId && !session.bridgeHost) {
      const host = hostBridgeOnForm(
        form,
        recordId,
        env,
        () => {
          host.close();
          if (session.bridgeHost === host) session.bridgeHost = null;
        },
        () => missingSetup(form),
      );
      session.bridgeHost = host;
    }
  };

  /** Locks and unlocks the fields for the status now on the form. */
  const lockFields = (form: Xrm.FormContext): void => applyFieldLocks(form, sessionFor(form), environment().now());

  const changeStatusAndSave = async (primary: Primary, command: FormCommand, status: number): Promise<void> => {
    const env = environment();
    const form = formOf(primary);
    const attribute = form.getAttribute(STATUS_FIELD);
    if (!attribute) return;
    tellControls(form, { kind: "command", command });
    const before = attribute.getValue();
    attribute.setValue(status);
    attribute.fireOnChange();
    lockFields(form);
    try {
      await saveThroughGate(form, env);
    } catch (error) {
      if (error instanceof SaveRefused) return;
      // The platform refused the save (server error, privileges, a concurrent change): say so, undo the status.
      const message = (error as { message?: unknown } | null)?.message;
      form.ui.setFormNotification(
        typeof message === "string" ? message : String(error),
        "ERROR",
        SAVE_FAILED_NOTIFICATION,
      );
      attribute.setValue(before);
      lockFields(form);
    }
  };

  return {
    onLoad(context) {
      const form = context.getFormContext();
      seen = {};
      // The same record opened again in this script's frame: its controls are new ones.
      const reopened = sessionFor(form);
      reopened.bridgeHost?.close();
      reopened.bridgeHost = null;
      dataLoaded(form);
      form.data.addOnLoad?.(() => dataLoaded(form));
      form.data.entity.addOnPostSave?.((postSave) => {
        if (!postSave.getEventArgs().getIsSaveSuccess()) return;
        dataLoaded(form);
        // A save that reached OnPostSave passed OnSave: without a run of ours, it is not registered.
        noteMissing(form, "onSave");
        tellControls(form, { kind: "saved", status: statusOnForm(form) });
      });
      reportColumnChanges(form, (event) => {
        // Once every OnChange handler of this change has run (in whatever order the form calls them).
        if (event.kind === "statusChanged") queueMicrotask(() => noteMissing(form, "onStatusChange"));
        tellControls(form, event);
      });
    },

    onSave(context) {
      seen.onSave = true;
      gateSave(context, environment());
    },

    onStatusChange(context) {
      seen.onStatusChange = true;
      lockFields(context.getFormContext());
    },

    async checkForErrors(primary) {
      const env = environment();
      const form = formOf(primary);
      const session = sessionFor(form);
      if (session.checkInFlight) return;
      form.ui.clearFormNotification(SAVE_FAILED_NOTIFICATION);
      const { outcome } = await checkAndNotify(form, session, env, "check");
      tellControls(form, { kind: "checked", report: outcome.report, serverChecked: outcome.kind !== "failed" });
    },

    goLive: (primary) => changeStatusAndSave(primary, "goLive", JourneyStatus.GoingLive),

    edit: (primary) => changeStatusAndSave(primary, "edit", JourneyStatus.LiveEditable),

    async stop(primary) {
      const env = environment();
      const confirmed = await env.confirm(
        env.getString("form.confirmStop.title"),
        env.getString("form.confirmStop.text"),
      );
      if (confirmed) await changeStatusAndSave(primary, "stop", JourneyStatus.Stopping);
    },
  };
}
