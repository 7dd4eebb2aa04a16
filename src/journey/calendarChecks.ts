import { localFinding } from "./faultCatalogue";
import { timeOf } from "./jsonValues";
import { earliestFittingEnd, recurrenceFromRecord } from "./recurrence";
import { JourneyStatus, type JourneyRecord, type ValidationEntry } from "./types";

/**
 * The journey's dates against now: an end that has passed (it cannot run), iterations of its recurrence
 * that have all ended, and, for a draft, a start that has passed (it starts at once on go live; a journey
 * that ran before started long ago). One finding at most: the first of these that holds.
 */
export function calendarFindings(values: JourneyRecord, now: () => Date): ValidationEntry[] {
  const time = now().getTime();
  const { msdyncrm_startdatetime: start, msdyncrm_enddatetime: end, statuscode } = values;
  const recurrence = recurrenceFromRecord(values);
  // The last iteration ends at start + interval × count days; no iterations, nothing to run late.
  const lastEnd = recurrence.count ? earliestFittingEnd(recurrence) : null;
  const isDraft = statuscode == null || statuscode === JourneyStatus.Draft;
  const [code, date] =
    timeOf(end) <= time
      ? (["EndDatePassed", end] as const)
      : timeOf(lastEnd) <= time
        ? (["IterationsPassed", lastEnd] as const)
        : isDraft && timeOf(start) < time
          ? (["StartDatePassed", start] as const)
          : [];
  return code ? [localFinding(code, "", [date as string])] : [];
}
