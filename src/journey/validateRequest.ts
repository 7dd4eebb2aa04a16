import type { JourneyRecord } from "./types";

export const VALIDATE_ACTION_NAME = "msdyncrm_CustomerJourneyValidate";

export type ValidateParameterName =
  | "FieldValueCustomerJourneyId"
  | "FieldValueStatusCode"
  | "FieldValueName"
  | "FieldValueStartDateTime"
  | "FieldValueEndDateTime"
  | "FieldValueWorkflowDefinition"
  | "FieldValueIsRecurring"
  | "FieldValueRecurrenceIntervalDays"
  | "FieldValueRecurrenceCount"
  | "FieldValueRequiredConsent"
  | "FieldValueContentSettingsId"
  | "FieldValueEntityTarget"
  | "FieldValueSuppressionSegmentId"
  | "FieldValueCustomerJourneyTimeZone";

export type EdmTypeName = "Edm.String" | "Edm.Int32" | "Edm.Boolean" | "Edm.DateTimeOffset";

export interface ValidateParameter {
  name: ValidateParameterName;
  column: keyof JourneyRecord;
  typeName: EdmTypeName;
}

/** The action's parameters in the order of the API page's sample body. */
export const VALIDATE_PARAMETERS: readonly ValidateParameter[] = [
  { name: "FieldValueCustomerJourneyId", column: "msdyncrm_customerjourneyid", typeName: "Edm.String" },
  { name: "FieldValueStatusCode", column: "statuscode", typeName: "Edm.Int32" },
  { name: "FieldValueName", column: "msdyncrm_name", typeName: "Edm.String" },
  { name: "FieldValueStartDateTime", column: "msdyncrm_startdatetime", typeName: "Edm.DateTimeOffset" },
  { name: "FieldValueEndDateTime", column: "msdyncrm_enddatetime", typeName: "Edm.DateTimeOffset" },
  { name: "FieldValueWorkflowDefinition", column: "msdyncrm_workflowdefinition", typeName: "Edm.String" },
  { name: "FieldValueIsRecurring", column: "msdyncrm_isrecurring", typeName: "Edm.Boolean" },
  { name: "FieldValueRecurrenceIntervalDays", column: "msdyncrm_recurrenceintervaldays", typeName: "Edm.Int32" },
  { name: "FieldValueRecurrenceCount", column: "msdyncrm_recurrencecount", typeName: "Edm.Int32" },
  { name: "FieldValueRequiredConsent", column: "msgdpr_requiredconsent", typeName: "Edm.Int32" },
  { name: "FieldValueContentSettingsId", column: "_msdyncrm_contentsettingsid_value", typeName: "Edm.String" },
  { name: "FieldValueEntityTarget", column: "msdyncrm_entitytarget", typeName: "Edm.Int32" },
  { name: "FieldValueSuppressionSegmentId", column: "_msdyncrm_suppressionsegmentid_value", typeName: "Edm.String" },
  { name: "FieldValueCustomerJourneyTimeZone", column: "msdyncrm_customerjourneytimezone", typeName: "Edm.Int32" },
];

export type ValidateParameters = Partial<Record<ValidateParameterName, string | number | boolean>>;

/** Columns that hold a record id; the action takes them braced and upper case. */
const ID_COLUMNS: ReadonlySet<keyof JourneyRecord> = new Set<keyof JourneyRecord>([
  "msdyncrm_customerjourneyid",
  "_msdyncrm_contentsettingsid_value",
  "_msdyncrm_suppressionsegmentid_value",
]);

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function isInt32(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/** The action's parameters for a journey's current values. Absent, null and unreadable values are left out. */
export function toValidateParameters(record: JourneyRecord): ValidateParameters {
  const parameters: ValidateParameters = {};
  for (const { name, column, typeName } of VALIDATE_PARAMETERS) {
    const value: unknown = record[column];
    if (value === undefined || value === null) continue;
    if (ID_COLUMNS.has(column)) {
      const guid = typeof value === "string" ? GUID.exec(value.trim()) : null;
      if (guid) parameters[name] = `{${guid[1].toUpperCase()}}`;
    } else if (typeName === "Edm.DateTimeOffset") {
      const time = typeof value === "string" ? Date.parse(value) : NaN;
      if (!Number.isNaN(time)) parameters[name] = new Date(time).toISOString();
    } else if (typeName === "Edm.Int32") {
      if (isInt32(value)) parameters[name] = value;
    } else if (typeName === "Edm.Boolean") {
      if (typeof value === "boolean") parameters[name] = value;
    } else if (typeof value === "string") {
      parameters[name] = value;
    }
  }
  return parameters;
}

/** Dataverse returns dates without milliseconds: "2019-02-08T11:48:00Z". */
function asRetrievedDate(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * The journey values an action body carries, as `retrieveRecord` would return them (lower-case
 * GUIDs without braces, dates without milliseconds), and every problem the body has: unknown
 * parameters and values that are not of the parameter's Edm type. Used by the emulated org.
 */
export function fromValidateParameters(body: unknown): { values: JourneyRecord; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { values: {}, problems: [`The request body must be a JSON object, not ${describeType(body)}.`] };
  }
  const given = body as Record<string, unknown>;
  const byName = new Map(VALIDATE_PARAMETERS.map((parameter) => [parameter.name as string, parameter]));
  for (const key of Object.keys(given)) {
    if (!byName.has(key)) problems.push(`${key}: not a parameter of ${VALIDATE_ACTION_NAME}.`);
  }
  for (const { name, column, typeName } of VALIDATE_PARAMETERS) {
    if (!Object.prototype.hasOwnProperty.call(given, name)) continue;
    const value = given[name];
    if (value === null) continue;
    const wrongType = () => problems.push(`${name}: expected ${typeName}, got ${describeType(value)} ${JSON.stringify(value)}.`);
    if (typeName === "Edm.Int32") {
      if (isInt32(value)) values[column] = value;
      else wrongType();
    } else if (typeName === "Edm.Boolean") {
      if (typeof value === "boolean") values[column] = value;
      else wrongType();
    } else if (typeof value !== "string") {
      wrongType();
    } else if (typeName === "Edm.DateTimeOffset") {
      const time = Date.parse(value);
      if (Number.isNaN(time)) problems.push(`${name}: "${value}" is not an ISO 8601 date and time.`);
      else values[column] = asRetrievedDate(time);
    } else if (ID_COLUMNS.has(column)) {
      const guid = GUID.exec(value.trim());
      if (guid) values[column] = guid[1].toLowerCase();
      else problems.push(`${name}: "${value}" is not a GUID.`);
    } else {
      values[column] = value;
    }
  }
  return { values: values as JourneyRecord, problems };
}
