import type { FormBridge, NotificationLevel } from "../bridge/formBridgeTypes";
import { fillPlaceholders } from "../journey/faultCatalogue";
import { isFieldLocked } from "./fieldLockApplier";
import type { FormEnvironment } from "./formEnvironment";
import { formRecordId, readFormValues, statusOnForm } from "./formValues";
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

function setFormValue(form: Xrm.FormContext, name: string, value: BridgeValue, env: FormEnvironment): void {
  const attribute = form.getAttribute(name);
  const label = form.getControl<Xrm.Controls.StandardControl>(name)?.getLabel() || name;
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
export function createFormBridge(
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
    // A refresh reloads the saved values: with unsaved changes on the form it waits for the user's save, never discarding them.
    refresh: whileOpen(async () => {
      if (!form.data.entity.getIsDirty()) await form.data.refresh(false);
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
