import { COLUMNS_THE_CONTROL_SETS } from "../bridge/bridgeProtocol";
import { hostFormBridge, type EventSourceControl, type FormBridgeHost } from "../bridge/formBridgeHost";
import type { FormBridge, FormEvent, MissingSetup, NotificationLevel } from "../bridge/formBridgeTypes";
import { fillPlaceholders } from "../journey/faultCatalogue";
import { isFieldLocked } from "./fieldLockApplier";
import type { FormEnvironment } from "./formEnvironment";
import { STATUS_FIELD, formRecordId, readFormValues, statusOnForm } from "./formValues";
import { saveThroughGate } from "./saveGate";

type BridgeValue = Parameters<FormBridge["setValue"]>[1];

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";

function toAttributeValue(
  attribute: Xrm.Attributes.Attribute,
  value: BridgeValue,
): Xrm.Attributes.AttributeValues | null {
  if (value === null) return null;
  const name = attribute.getName();
  switch (attribute.getAttributeType()) {
    case "datetime": {
      const date = isDate(value) ? value : typeof value === "string" ? new Date(value) : new Date(NaN);
      if (Number.isNaN(date.getTime())) throw new Error(`${name}: ${JSON.stringify(value)} is not a date.`);
      return date;
    }
    case "lookup":
      throw new Error(`${name} is a lookup: only clearing it (null) is supported through the bridge.`);
    default:
      return value;
  }
}

/** The column the control is bound to: the form designer may place the control in the body and in the header. */
const CONTROL_COLUMN = "msdyncrm_validationresults";

/** The columns the checks read: the form reports each change of them (and of Status Reason) to the control. */
const CHECKED_COLUMNS = [
  "msdyncrm_name",
  "msdyncrm_startdatetime",
  "msdyncrm_enddatetime",
  "msdyncrm_isrecurring",
  "msdyncrm_recurrenceintervaldays",
  "msdyncrm_recurrencecount",
  "msdyncrm_workflowdefinition",
];

function setFormValue(form: Xrm.FormContext, name: string, value: BridgeValue, env: FormEnvironment): void {
  const attribute = form.getAttribute(name);
  const label = form.getControl<Xrm.Controls.StandardControl>(name)?.getLabel() || name;
  if (!COLUMNS_THE_CONTROL_SETS.includes(name))
    throw new Error(fillPlaceholders(env.getString("form.notSetByControl"), [label]));
  if (!attribute) throw new Error(fillPlaceholders(env.getString("form.fieldNotOnForm"), [label]));
  if (isFieldLocked(form, name, env.now())) {
    const status = env.getString(`status.${statusOnForm(form)}`);
    throw new Error(fillPlaceholders(env.getString("form.fieldLocked"), [label, status]));
  }
  attribute.setValue(toAttributeValue(attribute, value));
  attribute.fireOnChange();
}

/**
 * The form bridge for one open form. Every call first makes sure the form still shows `recordId`:
 * the Client API has no unload event, and a form context outlives its form when the user moves on.
 */
function createFormBridge(
  form: Xrm.FormContext,
  recordId: string,
  env: FormEnvironment,
  onGone: () => void,
): FormBridge {
  const stillOpen = (): void => {
    let current: string | null;
    try {
      current = formRecordId(form);
    } catch {
      current = null;
    }
    if (current !== recordId) {
      onGone();
      throw new Error(env.getString("form.formClosed"));
    }
  };
  /** The bridge call `action`, run only while the form still shows the record. */
  const whileOpen =
    <Args extends unknown[], Result>(action: (...args: Args) => Result | Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      stillOpen();
      return action(...args);
    };
  return {
    getValues: whileOpen(() => ({ values: readFormValues(form), isDirty: form.data.entity.getIsDirty() })),
    save: whileOpen(() => saveThroughGate(form, env)),
    // A refresh reloads the saved values: with unsaved changes on the form it waits for the user's save, never
    // discarding them unless asked to (refresh(false) reloads the record over them).
    refresh: whileOpen(async (discard?: boolean) => {
      if (discard || !form.data.entity.getIsDirty()) await form.data.refresh(false);
    }),
    setValue: whileOpen((name: string, value: BridgeValue) => setFormValue(form, name, value, env)),
    setNotification: whileOpen((message: string, level: NotificationLevel, id: string) => {
      form.ui.setFormNotification(message, level, id);
    }),
    clearNotification: whileOpen((id: string) => {
      form.ui.clearFormNotification(id);
    }),
  };
}

/** Every instance of the control on the form (body, header): the controls of its column that raise custom events. */
function controlInstances(form: Xrm.FormContext): EventSourceControl[] {
  const controls: unknown[] = form.getAttribute(CONTROL_COLUMN)?.controls.get() ?? [];
  return controls.filter(
    (control): control is EventSourceControl =>
      typeof (control as Partial<EventSourceControl>).addEventHandler === "function",
  );
}

/**
 * Answers every instance of the control on the form with the form bridge of `recordId` (see createFormBridge),
 * telling each at connect what is missing from the form's set-up.
 */
export function hostBridgeOnForm(
  form: Xrm.FormContext,
  recordId: string,
  env: FormEnvironment,
  onGone: () => void,
  missingSetup: () => MissingSetup[],
): FormBridgeHost {
  return hostFormBridge(controlInstances(form), createFormBridge(form, recordId, env, onGone), missingSetup);
}

/** Reports each change of the checked columns and of Status Reason on the form, typed or set by a script. */
export function reportColumnChanges(form: Xrm.FormContext, report: (event: FormEvent) => void): void {
  for (const column of CHECKED_COLUMNS)
    form.getAttribute(column)?.addOnChange(() => report({ kind: "changed", column }));
  form.getAttribute(STATUS_FIELD)?.addOnChange(() => report({ kind: "statusChanged", status: statusOnForm(form) }));
}
