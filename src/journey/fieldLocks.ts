import { timeOf } from "./jsonValues";
import { JourneyStatus } from "./types";

/**
 * Form attribute names of the fields whose editability depends on the status, each with whether it
 * stays editable while Live, editable or Stopped (the start date only until the journey has started).
 */
const EDITABLE_AFTER_GO_LIVE = {
  msdyncrm_name: true,
  msdyncrm_startdatetime: true,
  msdyncrm_enddatetime: true,
  msdyncrm_isrecurring: false,
  msdyncrm_recurrencecount: true,
  msdyncrm_recurrenceintervaldays: true,
  msdyncrm_contentsettingsid: false,
  msdyncrm_suppressionsegmentid: false,
  msdyncrm_customerjourneytimezone: false,
  msdyncrm_workflowdefinition: false,
} as const;

export type LockableField = keyof typeof EDITABLE_AFTER_GO_LIVE;

export const LOCKABLE_FIELDS = Object.keys(EDITABLE_AFTER_GO_LIVE) as readonly LockableField[];

function hasStarted(startDateTime: string | null | undefined, now: Date): boolean {
  // NaN (no readable date) <= anything is false.
  return timeOf(startDateTime) <= now.getTime();
}

/** Which fields the user may not change in this status (true = locked): none in Draft, all but a few after go-live. */
export function lockedFields(
  status: number,
  startDateTime: string | null | undefined,
  now: Date,
): Record<LockableField, boolean> {
  const afterGoLive = status === JourneyStatus.LiveEditable || status === JourneyStatus.Stopped;
  const locks = {} as Record<LockableField, boolean>;
  for (const field of LOCKABLE_FIELDS) {
    locks[field] =
      status !== JourneyStatus.Draft &&
      (!afterGoLive ||
        !EDITABLE_AFTER_GO_LIVE[field] ||
        (field === "msdyncrm_startdatetime" && hasStarted(startDateTime, now)));
  }
  return locks;
}
