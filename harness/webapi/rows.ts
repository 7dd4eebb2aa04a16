import {
  columnType,
  entityBySet,
  INT32_MAX,
  INT32_MIN,
  ownColumnType,
  readableColumns,
  type EntityDefinition,
} from "./entities";
import { badRequest, DataverseError, DataverseErrorCode, propertyNotFound, rowNotFound } from "./errors";
import { etagOf, type Row, type Store } from "./store";

const FORMATTED = "OData.Community.Display.V1.FormattedValue";
const NAVIGATION = "Microsoft.Dynamics.CRM.associatednavigationproperty";
const LOOKUP_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMO_MAX_LENGTH = 1_048_576;

/** Which instance annotations the caller asked for with `Prefer: odata.include-annotations="..."`. */
export type AnnotationFilter = (annotation: string) => boolean;

export function annotationFilter(prefer: string | undefined): AnnotationFilter {
  const match = /odata\.include-annotations\s*=\s*"?([^";]*)"?/i.exec(prefer ?? "");
  if (!match) return () => false;
  const patterns = match[1]
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const included = patterns.filter((p) => !p.startsWith("-"));
  const excluded = patterns.filter((p) => p.startsWith("-")).map((p) => p.slice(1));
  const hit = (name: string, pattern: string) =>
    pattern === "*" || pattern === name || (pattern.endsWith(".*") && name.startsWith(pattern.slice(0, -1)));
  return (name) => included.some((p) => hit(name, p)) && !excluded.some((p) => hit(name, p));
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hours = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`;
}

function formattedValue(entity: EntityDefinition, column: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (ownColumnType(entity, column)) {
    case "option":
      return entity.optionLabels[column]?.[value as number] ?? String(value);
    case "bool":
      return value ? "Yes" : "No";
    case "datetime":
      return formatDateTime(String(value));
    case "int":
      return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
    default:
      return undefined;
  }
}

/** A row as the Web API returns it: etag, the selected columns (primary key always), and the annotations asked for. */
export function projectRow(
  entity: EntityDefinition,
  row: Row,
  select: readonly string[] | null,
  wants: AnnotationFilter,
  store: Store,
): Row {
  const columns = select ? [...new Set([...select, entity.primaryId])] : readableColumns(entity);
  const out: Row = { "@odata.etag": etagOf(row) };
  for (const column of columns) {
    const value = row[column] ?? null;
    const lookup = entity.lookups.find((l) => l.column === column);
    if (lookup && value !== null) {
      const target = entityBySet(lookup.target);
      const targetRow = target ? store.get(target, String(value)) : undefined;
      if (wants(FORMATTED) && target && targetRow)
        out[`${column}@${FORMATTED}`] = String(targetRow[target.primaryName] ?? "");
      if (wants(NAVIGATION)) out[`${column}@${NAVIGATION}`] = lookup.navigation;
      if (wants(LOOKUP_NAME) && target) out[`${column}@${LOOKUP_NAME}`] = target.logicalName;
    } else if (wants(FORMATTED)) {
      const formatted = formattedValue(entity, column, value);
      if (formatted !== undefined) out[`${column}@${FORMATTED}`] = formatted;
    }
    out[column] = value;
  }
  return out;
}

export function checkColumns(entity: EntityDefinition, columns: readonly string[]): void {
  for (const column of columns) {
    if (!columnType(entity, column)) throw propertyNotFound(column, entity.logicalName);
  }
}

/** `/set(id)`, `set(id)` or an absolute URL ending in one: the target set and id of an `@odata.bind`. */
export function parseBindReference(reference: string): { set: string; id: string } | null {
  const match = /(?:^|\/)([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F-]{36})\}?\)$/.exec(reference.trim());
  return match && GUID.test(match[2]) ? { set: match[1], id: match[2].toLowerCase() } : null;
}

function invalidValue(entity: EntityDefinition, column: string, value: unknown, expected: string): DataverseError {
  return badRequest(
    `Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${expected}' for property '${column}' of 'Microsoft.Dynamics.CRM.${entity.logicalName}'.`,
  );
}

function normaliseDateTime(entity: EntityDefinition, column: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidValue(entity, column, value, "Edm.DateTimeOffset");
  }
  return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function checkInt32(entity: EntityDefinition, column: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw invalidValue(entity, column, value, "Edm.Int32");
  }
  const minimum = entity.minimumValues?.[column] ?? INT32_MIN;
  if (value < minimum) {
    throw new DataverseError(
      400,
      DataverseErrorCode.ValueOutOfRange,
      `A validation error occurred. The value ${value} of '${column}' on record of type '${entity.logicalName}' is outside the valid range. Accepted Values: ${minimum} to ${INT32_MAX}.`,
    );
  }
  return value;
}

function checkValue(entity: EntityDefinition, column: string, value: unknown): unknown {
  if (value === null) return null;
  switch (ownColumnType(entity, column)) {
    case "string":
      if (typeof value !== "string") throw invalidValue(entity, column, value, "Edm.String");
      if (value.length > MEMO_MAX_LENGTH) {
        throw new DataverseError(
          400,
          DataverseErrorCode.ValidationFailed,
          `A validation error occurred. The length of the '${column}' attribute of the '${entity.logicalName}' entity exceeded the maximum allowed length of '${MEMO_MAX_LENGTH}'.`,
        );
      }
      return value;
    case "int":
    case "option":
      return checkInt32(entity, column, value);
    case "bool":
      if (typeof value !== "boolean") throw invalidValue(entity, column, value, "Edm.Boolean");
      return value;
    case "datetime":
      return normaliseDateTime(entity, column, value);
    case "guid":
      if (typeof value !== "string" || !GUID.test(value.replace(/[{}]/g, "")))
        throw invalidValue(entity, column, value, "Edm.Guid");
      return value.replace(/[{}]/g, "").toLowerCase();
    default:
      return value;
  }
}

/**
 * Reads a create/update body into stored columns: plain columns type-checked, `nav@odata.bind`
 * resolved to `_x_value` (the target must exist), service-maintained columns ignored.
 */
export function readPayload(entity: EntityDefinition, body: unknown, store: Store): Row {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body must be a JSON object describing the row.");
  }
  const changes: Row = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith("@")) continue;
    if (key.endsWith("@odata.bind")) {
      const navigation = key.slice(0, -"@odata.bind".length);
      const lookup = entity.lookups.find((l) => l.navigation === navigation && l.writable);
      if (!lookup) {
        throw badRequest(
          `An undeclared property '${navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
        );
      }
      if (value === null) {
        changes[lookup.column] = null;
        continue;
      }
      const reference = typeof value === "string" ? parseBindReference(value) : null;
      if (!reference)
        throw badRequest(
          `The value '${String(value)}' of '${key}' is not a valid entity reference such as '/${lookup.target}(<id>)'.`,
        );
      const target = entityBySet(reference.set);
      if (!target || reference.set !== lookup.target) {
        throw badRequest(
          `'${reference.set}' is not a valid target for the navigation property '${navigation}' (expected '${lookup.target}').`,
        );
      }
      if (!store.get(target, reference.id)) throw rowNotFound(target.logicalName, reference.id);
      changes[lookup.column] = reference.id;
      continue;
    }
    if (entity.lookups.some((l) => l.column === key)) {
      throw badRequest(
        `The property '${key}' is a read-only lookup value. Use '${entity.lookups.find((l) => l.column === key)?.navigation}@odata.bind' to set it.`,
      );
    }
    if (!ownColumnType(entity, key)) {
      throw badRequest(
        `The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${entity.logicalName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (entity.readOnly.includes(key)) continue;
    changes[key] = checkValue(entity, key, value);
  }
  return changes;
}

export function privilegeDenied(privilege: string, entity: EntityDefinition, userId: string): DataverseError {
  return new DataverseError(
    403,
    DataverseErrorCode.PrivilegeDenied,
    `Principal user (Id=${userId}, type=8) is missing prv${privilege}${entity.logicalName} privilege on OTC=${entity.logicalName}.`,
  );
}
