import { JourneyStatus } from "../journey/types";
import { applyFieldLocks } from "./fieldLockApplier";
import { createFormBridge } from "./formBridgeAdapter";
import type { FormEnvironment } from "./formEnvironment";
import { allSessions, sessionFor } from "./formSession";
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

function unpublishAll(): void {
  for (const session of allSessions()) {
    session.unpublishBridge?.();
    session.unpublishBridge = null;
    session.bridgeForm = null;
  }
}

export interface FormHandlers {
  onLoad(context: Xrm.Events.EventContext): void;
  onSave(context: Xrm.Events.SaveEventContext): Promise<void> | undefined;
  onStatusChange(context: Xrm.Events.EventContext): void;
  checkForErrors(primary: Primary): Promise<void>;
  goLive(primary: Primary): Promise<void>;
  stop(primary: Primary): Promise<void>;
  edit(primary: Primary): Promise<void>;
}

/** The handlers of the form web resource; `environment` is read at each event (Xrm exists only then). */
export function createFormHandlers(environment: () => FormEnvironment): FormHandlers {
  /** After the record's data (re)loaded or was saved: remember its status, lock, flag Error, offer the bridge. */
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
    // Data OnLoad follows every save and refresh: keep the bridge a control is connected to.
    if (recordId && session.bridgeForm !== form) {
      session.unpublishBridge?.();
      const unpublish = env.publishBridge(
        recordId,
        createFormBridge(form, recordId, env, () => {
          // Let the call that found the form gone answer first, then withdraw.
          setTimeout(unpublish, 0);
          if (session.unpublishBridge === unpublish) {
            session.unpublishBridge = null;
            session.bridgeForm = null;
          }
        }),
      );
      session.unpublishBridge = unpublish;
      session.bridgeForm = form;
    }
  };

  /** Locks and unlocks the fields for the status now on the form. */
  const lockFields = (form: Xrm.FormContext): void => applyFieldLocks(form, sessionFor(form), environment().now());

  const changeStatusAndSave = async (primary: Primary, status: number): Promise<void> => {
    const env = environment();
    const form = formOf(primary);
    const attribute = form.getAttribute(STATUS_FIELD);
    if (!attribute) return;
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
      dataLoaded(form);
      form.data.addOnLoad?.(() => dataLoaded(form));
      form.data.entity.addOnPostSave?.((postSave) => {
        if (postSave.getEventArgs().getIsSaveSuccess()) dataLoaded(form);
      });
      globalThis.addEventListener?.("pagehide", unpublishAll);
    },

    onSave(context) {
      return gateSave(context, environment());
    },

    onStatusChange(context) {
      lockFields(context.getFormContext());
    },

    async checkForErrors(primary) {
      const env = environment();
      const form = formOf(primary);
      const session = sessionFor(form);
      if (session.checkInFlight) return;
      form.ui.clearFormNotification(SAVE_FAILED_NOTIFICATION);
      await checkAndNotify(form, session, env, "check");
    },

    goLive: (primary) => changeStatusAndSave(primary, JourneyStatus.GoingLive),

    edit: (primary) => changeStatusAndSave(primary, JourneyStatus.LiveEditable),

    async stop(primary) {
      const env = environment();
      const confirmed = await env.confirm(
        env.getString("form.confirmStop.title"),
        env.getString("form.confirmStop.text"),
      );
      if (confirmed) await changeStatusAndSave(primary, JourneyStatus.Stopping);
    },
  };
}
