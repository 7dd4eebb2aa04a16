import { normalisedGuid } from "../journey/workflowDefinition";
import type { JourneyRecord } from "../journey/types";

type FormValue = string | number | boolean | null;

function webApiColumn(attribute: Xrm.Attributes.Attribute): { column: string; value: FormValue } {
  const name = attribute.getName();
  const value: unknown = attribute.getValue();
  switch (attribute.getAttributeType()) {
    case "lookup": {
      const first = Array.isArray(value) ? (value[0] as Xrm.LookupValue | undefined) : undefined;
      return { column: `_${name}_value`, value: first?.id ? normalisedGuid(first.id) : null };
    }
    case "datetime":
      return {
        column: name,
        value: value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null,
      };
    default:
      return { column: name, value: value === undefined ? null : (value as FormValue) };
  }
}

/** The form's current values (saved or not) with Web API column names: lookups as `_x_value` ids, dates as ISO strings. */
export function readFormValues(form: Xrm.FormContext): JourneyRecord {
  const values: Record<string, FormValue> = {};
  for (const attribute of form.getAttribute()) {
    const { column, value } = webApiColumn(attribute);
    values[column] = value;
  }
  const id = formRecordId(form);
  if (id) values.msdyncrm_customerjourneyid = id;
  return values as JourneyRecord;
}

/** The form's record id, lower case without braces; "" for a record not yet created. */
export function formRecordId(form: Xrm.FormContext): string {
  return normalisedGuid(form.data.entity.getId() ?? "");
}

/** Status Reason: the column whose value is the journey's status. */
export const STATUS_FIELD = "statuscode";

export function statusOnForm(form: Xrm.FormContext): number | null {
  const value: unknown = form.getAttribute(STATUS_FIELD)?.getValue();
  return typeof value === "number" ? value : null;
}
