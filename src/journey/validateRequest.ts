import { hasOwn, timeOf } from "./jsonValues";
import type { JourneyRecord } from "./types";

export const VALIDATE_ACTION_NAME = "msdyncrm_CustomerJourneyValidate";

/** A parameter's name is `FieldValue` and one of these. */
type FieldName =
  | "CustomerJourneyId"
  | "StatusCode"
  | "Name"
  | "StartDateTime"
  | "EndDateTime"
  | "WorkflowDefinition"
  | "IsRecurring"
  | "RecurrenceIntervalDays"
  | "RecurrenceCount"
  | "RequiredConsent"
  | "ContentSettingsId"
  | "EntityTarget"
  | "SuppressionSegmentId"
  | "CustomerJourneyTimeZone";

export type ValidateParameterName = `FieldValue${FieldName}`;

export type EdmTypeName = "Edm.String" | "Edm.Int32" | "Edm.Boolean" | "Edm.DateTimeOffset";

export interface ValidateParameter {
  name: ValidateParameterName;
  column: keyof JourneyRecord;
  typeName: EdmTypeName;
}

const EDM_STRING = "Edm.String";
const EDM_INT32 = "Edm.Int32";
const EDM_DATE = "Edm.DateTimeOffset";
const EDM_BOOLEAN = "Edm.Boolean";

/**
 * The parameter `FieldValue<field>`. Its column follows the Web API's naming unless given:
 * `msdyncrm_` and the field in lower case.
 */
function parameter(
  field: FieldName,
  typeName: EdmTypeName,
  column = `msdyncrm_${field.toLowerCase()}`,
): ValidateParameter {
  return { name: `FieldValue${field}`, column: column as keyof JourneyRecord, typeName };
}

/** A lookup's id: its column is `_msdyncrm_<field in lower case>_value`. */
function lookupParameter(field: FieldName): ValidateParameter {
  return parameter(field, EDM_STRING, `_msdyncrm_${field.toLowerCase()}_value`);
}

/** The action's parameters in the order of the API page's sample body. */
export const VALIDATE_PARAMETERS: readonly ValidateParameter[] = [
  parameter("CustomerJourneyId", EDM_STRING),
  parameter("StatusCode", EDM_INT32, "statuscode"),
  parameter("Name", EDM_STRING),
  parameter("StartDateTime", EDM_DATE),
  parameter("EndDateTime", EDM_DATE),
  parameter("WorkflowDefinition", EDM_STRING),
  parameter("IsRecurring", EDM_BOOLEAN),
  parameter("RecurrenceIntervalDays", EDM_INT32),
  parameter("RecurrenceCount", EDM_INT32),
  parameter("RequiredConsent", EDM_INT32, "msgdpr_requiredconsent"),
  lookupParameter("ContentSettingsId"),
  parameter("EntityTarget", EDM_INT32),
  lookupParameter("SuppressionSegmentId"),
  parameter("CustomerJourneyTimeZone", EDM_INT32),
];

export type ValidateParameters = Partial<Record<ValidateParameterName, string | number | boolean>>;

/** The parameters named `…Id` carry a record id; the action takes it braced and upper case. */
function isIdParameter({ name }: ValidateParameter): boolean {
  return name.endsWith("Id");
}

/** A record id, with or without braces; group 1 is the bare id. */
export const GUID = /^\{?([\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12})\}?$/i;

function isInt32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
}

/** The action's parameters for a journey's current values. Absent, null and unreadable values are left out. */
export function toValidateParameters(record: JourneyRecord): ValidateParameters {
  const parameters: ValidateParameters = {};
  for (const parameter of VALIDATE_PARAMETERS) {
    const { name, column, typeName } = parameter;
    // Absent and null values fail every type check below, so they are left out too.
    const value: unknown = record[column];
    if (isIdParameter(parameter)) {
      const guid = typeof value === "string" ? GUID.exec(value.trim()) : null;
      if (guid) parameters[name] = `{${guid[1].toUpperCase()}}`;
    } else if (typeName === EDM_DATE) {
      const time = timeOf(value);
      if (!Number.isNaN(time)) parameters[name] = new Date(time).toISOString();
    } else if (typeName === EDM_INT32) {
      if (isInt32(value)) parameters[name] = value;
    } else if (typeName === EDM_BOOLEAN) {
      if (typeof value === "boolean") parameters[name] = value;
    } else if (typeof value === "string") {
      parameters[name] = value;
    }
  }
  return parameters;
}

/** The same text for two journeys' values exactly when the validate action would be asked the same about them. */
export function checkedValuesKey(values: JourneyRecord): string {
  return JSON.stringify(toValidateParameters(values));
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
  for (const parameter of VALIDATE_PARAMETERS) {
    const { name, column, typeName } = parameter;
    if (!hasOwn(given, name)) continue;
    const value = given[name];
    if (value === null) continue;
    const wrongType = () =>
      problems.push(`${name}: expected ${typeName}, got ${describeType(value)} ${JSON.stringify(value)}.`);
    if (typeName === EDM_INT32) {
      if (isInt32(value)) values[column] = value;
      else wrongType();
    } else if (typeName === EDM_BOOLEAN) {
      if (typeof value === "boolean") values[column] = value;
      else wrongType();
    } else if (typeof value !== "string") {
      wrongType();
    } else if (typeName === EDM_DATE) {
      const time = Date.parse(value);
      if (Number.isNaN(time)) problems.push(`${name}: "${value}" is not an ISO 8601 date and time.`);
      else values[column] = asRetrievedDate(time);
    } else if (isIdParameter(parameter)) {
      const guid = GUID.exec(value.trim());
      if (guid) values[column] = guid[1].toLowerCase();
      else problems.push(`${name}: "${value}" is not a GUID.`);
    } else {
      values[column] = value;
    }
  }
  return { values: values as JourneyRecord, problems };
}
