import { normalisedGuid } from "../journey/workflowDefinition";
import type { JourneyRecord } from "../journey/types";

/** The columns whose saved value the user acts on; a change by someone else to one of them is a conflict. */
export const CONTENT_COLUMNS = [
  "msdyncrm_name",
  "msdyncrm_startdatetime",
  "msdyncrm_enddatetime",
  "msdyncrm_workflowdefinition",
  "msdyncrm_isrecurring",
  "msdyncrm_recurrenceintervaldays",
  "msdyncrm_recurrencecount",
  "msgdpr_requiredconsent",
  "msdyncrm_entitytarget",
  "msdyncrm_customerjourneytimezone",
  "msdyncrm_type",
  "_msdyncrm_contentsettingsid_value",
  "_msdyncrm_suppressionsegmentid_value",
] as const satisfies readonly (keyof JourneyRecord)[];

/** A row's status and version. */
export interface RowVersion {
  status: number;
  etag?: string;
  modifiedOn: string | null;
}

/** What the user is acting on: the form's values (or the loaded ones) and whether some are unsaved. */
export interface SeenValues {
  values: JourneyRecord;
  isDirty: boolean;
}

/**
 * Whether writing now would act on a journey the user has not seen. Unchanged version (ETag, else
 * modifiedon): no. A different status: yes. Otherwise the row was saved since it was loaded; with
 * unsaved form changes that is a conflict, without them only when a content column the user sees differs
 * from what they see (so the user's own save from the form is not mistaken for someone else's).
 */
export function isConflict(
  loaded: RowVersion,
  fresh: RowVersion,
  freshRow: Record<string, unknown>,
  seen: SeenValues,
): boolean {
  if (fresh.status !== loaded.status) return true;
  if (sameVersion(loaded, fresh)) return false;
  if (seen.isDirty) return true;
  // Only the content the user was shown: the journeys view's list row holds its view's columns alone.
  return CONTENT_COLUMNS.some(
    (column) => column in seen.values && !sameValue(column, freshRow[column], seen.values[column]),
  );
}

/** Whether two reads saw the same version of the row: by ETag when both have one, else by modifiedon. */
export function sameVersion(a: RowVersion, b: RowVersion): boolean {
  return a.etag && b.etag ? a.etag === b.etag : sameInstant(a.modifiedOn, b.modifiedOn);
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function sameValue(column: string, a: unknown, b: unknown): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a === b) return true;
  if (typeof a !== "string" || typeof b !== "string") return false;
  // Of the content columns, the start and end dates are the ones ending in "datetime", the lookups (ids) the ones starting with "_".
  if (column.endsWith("datetime")) return sameInstant(a, b);
  return column.startsWith("_") && normalisedGuid(a) === normalisedGuid(b);
}

function sameInstant(a: string | null, b: string | null): boolean {
  // An unreadable date parses to NaN, which equals nothing; so does null (read as "null").
  return a === b || Date.parse(a as string) === Date.parse(b as string);
}
