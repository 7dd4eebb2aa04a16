import { JourneyStatus } from "./types";

/** Form attribute names of the fields whose editability depends on the status. */
export type LockableField =
  | "msdyncrm_name"
  | "msdyncrm_startdatetime"
  | "msdyncrm_enddatetime"
  | "msdyncrm_isrecurring"
  | "msdyncrm_recurrencecount"
  | "msdyncrm_recurrenceintervaldays"
  | "msdyncrm_contentsettingsid"
  | "msdyncrm_suppressionsegmentid"
  | "msdyncrm_customerjourneytimezone"
  | "msdyncrm_workflowdefinition";

export const LOCKABLE_FIELDS: readonly LockableField[] = [
  "msdyncrm_name",
  "msdyncrm_startdatetime",
  "msdyncrm_enddatetime",
  "msdyncrm_isrecurring",
  "msdyncrm_recurrencecount",
  "msdyncrm_recurrenceintervaldays",
  "msdyncrm_contentsettingsid",
  "msdyncrm_suppressionsegmentid",
  "msdyncrm_customerjourneytimezone",
  "msdyncrm_workflowdefinition",
];

/** Editable while Live, editable or Stopped (the start date only until the journey has started). */
const EDITABLE_AFTER_GO_LIVE: ReadonlySet<LockableField> = new Set<LockableField>([
  "msdyncrm_name",
  "msdyncrm_startdatetime",
  "msdyncrm_enddatetime",
  "msdyncrm_recurrencecount",
  "msdyncrm_recurrenceintervaldays",
]);

function hasStarted(startDateTime: string | null | undefined, now: Date): boolean {
  if (typeof startDateTime !== "string" || startDateTime === "") return false;
  const start = Date.parse(startDateTime);
  return !Number.isNaN(start) && start <= now.getTime();
}

/** Which fields the user may not change in this status (true = locked). */
export function lockedFields(
  status: number,
  startDateTime: string | null | undefined,
  now: Date,
): Record<LockableField, boolean> {
  const locks = {} as Record<LockableField, boolean>;
  for (const field of LOCKABLE_FIELDS) {
    if (status === JourneyStatus.Draft) {
      locks[field] = false;
    } else if (status === JourneyStatus.LiveEditable || status === JourneyStatus.Stopped) {
      locks[field] =
        !EDITABLE_AFTER_GO_LIVE.has(field) || (field === "msdyncrm_startdatetime" && hasStarted(startDateTime, now));
    } else {
      locks[field] = true;
    }
  }
  return locks;
}
