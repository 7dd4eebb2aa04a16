import { canTransition } from "../../src/journey";
import type { FormAttribute, FormValue, JourneyForm, LookupValue } from "./formModel";
import type { FieldSpec } from "./journeyFields";

export type LookupChoices = Record<string, { id: string; name: string }[]>;

const pad = (n: number) => String(n).padStart(2, "0");

/** The form shows dates in the user's time zone; the harness user works in UTC. */
function toInputDate(value: Date): string {
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
}

function inputText(spec: FieldSpec, value: FormValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : toInputDate(value);
  if (Array.isArray(value))
    return spec.lookup && !spec.systemLocked
      ? (value[0]?.id.replace(/[{}]/g, "").toLowerCase() ?? "")
      : (value[0]?.name ?? "");
  return String(value);
}

function parseInput(
  spec: FieldSpec,
  element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  choices: LookupChoices,
): FormValue {
  const text = element.value;
  switch (spec.type) {
    case "boolean":
      return (element as HTMLInputElement).checked;
    case "integer":
    case "optionset": {
      if (text.trim() === "") return null;
      const number = Number(text);
      return Number.isInteger(number) ? number : null;
    }
    case "datetime": {
      if (text === "") return null;
      const date = new Date(`${text}:00Z`);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    case "lookup": {
      if (text === "" || !spec.lookup) return null;
      const choice = (choices[spec.name] ?? []).find((c) => c.id === text);
      const value: LookupValue = {
        id: `{${text.toUpperCase()}}`,
        name: choice?.name ?? "",
        entityType: spec.lookup.entityType,
      };
      return [value];
    }
    default:
      return text;
  }
}

function createInput(
  spec: FieldSpec,
  choices: LookupChoices,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (spec.type === "memo") return document.createElement("textarea");
  if (spec.type === "optionset" || (spec.type === "lookup" && !spec.systemLocked)) {
    const select = document.createElement("select");
    const empty = document.createElement("option");
    empty.value = "";
    empty.textContent = "---";
    select.append(empty);
    const options =
      spec.type === "optionset"
        ? (spec.options ?? []).map((o) => ({ id: String(o.value), name: o.text }))
        : (choices[spec.name] ?? []);
    for (const option of options) {
      const element = document.createElement("option");
      element.value = option.id;
      element.textContent = option.name;
      select.append(element);
    }
    return select;
  }
  const input = document.createElement("input");
  input.type = { boolean: "checkbox", integer: "number", datetime: "datetime-local" }[spec.type as string] ?? "text";
  if (spec.type === "integer") input.step = "1";
  return input;
}

interface FieldElements {
  attribute: FormAttribute;
  wrapper: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  notice: HTMLElement;
}

/** Draws the form's fields and keeps them in step with the form model both ways. */
export function renderFields(
  container: HTMLElement,
  form: JourneyForm,
  choices: LookupChoices,
): { refresh(): void; focus(name: string): void } {
  const fields: FieldElements[] = [];
  for (const attribute of form.attributes) {
    const spec = attribute.spec;
    if (!spec.shown) continue;
    const wrapper = document.createElement("div");
    wrapper.className = "field";
    wrapper.dataset.field = spec.name;
    const label = document.createElement("label");
    label.htmlFor = `field-${spec.name}`;
    label.textContent = spec.type === "datetime" ? `${spec.label} (UTC)` : spec.label;
    const input = createInput(spec, choices);
    input.id = `field-${spec.name}`;
    input.name = spec.name;
    const notice = document.createElement("div");
    notice.className = "locked";
    notice.setAttribute("role", "alert");
    const cell = document.createElement("div");
    cell.append(input, notice);
    wrapper.append(label, cell);
    container.append(wrapper);
    input.addEventListener("change", () => {
      attribute.setValue(parseInput(spec, input, choices));
      attribute.fireOnChange();
    });
    fields.push({ attribute, wrapper, input, notice });
  }

  const refresh = () => {
    for (const { attribute, wrapper, input, notice } of fields) {
      const value = attribute.getValue();
      if (document.activeElement !== input || attribute.spec.type === "optionset") {
        if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = value === true;
        else if (input.value !== inputText(attribute.spec, value)) input.value = inputText(attribute.spec, value);
      }
      if (attribute.getName() === "statuscode" && input instanceof HTMLSelectElement)
        offerAllowedStatuses(input, attribute.getInitialValue());
      const control = attribute.control;
      input.disabled = control.getDisabled() || attribute.spec.systemLocked === true;
      wrapper.hidden = !control.getVisible();
      wrapper.classList.toggle("dirty", attribute.getIsDirty());
      notice.textContent = [...control.notifications.values()].join(" ");
    }
  };
  refresh();
  return {
    refresh,
    focus: (name) => fields.find((f) => f.attribute.getName() === name)?.input.focus(),
  };
}

/** With enforced state transitions the Status Reason list offers the saved status and where TransitionData allows it to go. */
function offerAllowedStatuses(select: HTMLSelectElement, saved: FormValue): void {
  for (const option of Array.from(select.options)) {
    const value = Number(option.value);
    option.disabled =
      option.value === "" || (value !== saved && !(typeof saved === "number" && canTransition(saved, value)));
  }
}

export function renderNotifications(container: HTMLElement, form: JourneyForm): void {
  container.replaceChildren(
    ...[...form.notifications.entries()].map(([id, { message, level }]) => {
      const element = document.createElement("div");
      element.className = `notification ${level}`;
      element.dataset.notificationId = id;
      element.textContent = message;
      return element;
    }),
  );
}
