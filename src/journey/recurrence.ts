import { localFinding } from "./faultCatalogue";
import { asText, timeOf } from "./jsonValues";
import type { JourneyRecord, ValidationEntry } from "./types";

export interface RecurrenceValues {
  isRecurring: boolean;
  intervalDays?: number | null;
  count?: number | null;
  start?: string | null;
  end?: string | null;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function recurrenceFromRecord(record: JourneyRecord): RecurrenceValues {
  return {
    isRecurring: record.msdyncrm_isrecurring === true,
    intervalDays: record.msdyncrm_recurrenceintervaldays,
    count: record.msdyncrm_recurrencecount,
    start: record.msdyncrm_startdatetime,
    end: record.msdyncrm_enddatetime,
  };
}

/** The time in ms with seconds and milliseconds dropped, as the service disregards them; null when absent or unreadable. */
function toMinute(value: string | null | undefined): number | null {
  const time = timeOf(value);
  return Number.isNaN(time) ? null : Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

/** ISO text of a time; null beyond the dates JavaScript can represent. */
function isoOrNull(time: number): string | null {
  return Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : null;
}

function isNonNegativeInteger(value: number | null | undefined): boolean {
  return value == null || (Number.isInteger(value) && value >= 0);
}

/** Start, interval and count of a recurring journey, when usable (an absent interval or count counting as 0). */
function schedule(values: RecurrenceValues): { start: number; interval: number; count: number } | null {
  const start = toMinute(values.start);
  const { intervalDays, count } = values;
  if (!values.isRecurring || start === null || !isNonNegativeInteger(intervalDays) || !isNonNegativeInteger(count))
    return null;
  return { start, interval: intervalDays ?? 0, count: count ?? 0 };
}

/** The end date the fit rule needs at the least: start + interval × count days; null when it cannot be worked out. */
export function earliestFittingEnd(values: RecurrenceValues): string | null {
  const plan = schedule(values);
  return plan && isoOrNull(plan.start + plan.interval * plan.count * DAY_MS);
}

/** interval × count ≤ end − start, in days. A journey that does not recur always fits. */
export function recurrenceFits(values: RecurrenceValues): boolean {
  const end = toMinute(values.end);
  const earliest = earliestFittingEnd(values);
  return !values.isRecurring || (end !== null && earliest !== null && end >= Date.parse(earliest));
}

/** The iterations of a recurring journey (at most `max`), numbered from 1. */
export function iterationCalendar(
  values: RecurrenceValues,
  max = 100,
): { index: number; start: string; end: string }[] {
  const plan = schedule(values);
  const calendar: { index: number; start: string; end: string }[] = [];
  if (!plan || plan.interval === 0) return calendar;
  const length = plan.interval * DAY_MS;
  for (let index = 1; index <= Math.min(plan.count, max); index += 1) {
    const from = plan.start + (index - 1) * length;
    const to = isoOrNull(from + length);
    if (to === null) break;
    calendar.push({ index, start: new Date(from).toISOString(), end: to });
  }
  return calendar;
}

/**
 * What is wrong with the recurrence, journey-wide. The fit finding's arguments are
 * [earliest fitting end (ISO, or "" when none exists), interval days, count, days between start and end],
 * so the UI can offer "Set end date to …".
 */
export function recurrenceFindings(values: RecurrenceValues): ValidationEntry[] {
  if (!values.isRecurring) return [];
  const { intervalDays, count } = values;
  const findings: ValidationEntry[] = [];
  if (!isNonNegativeInteger(intervalDays))
    findings.push(localFinding("RecurrenceIntervalInvalid", "", [asText(intervalDays)]));
  if (!isNonNegativeInteger(count)) findings.push(localFinding("RecurrenceCountInvalid", "", [asText(count)]));
  const start = toMinute(values.start);
  const end = toMinute(values.end);
  if (start === null || end === null) findings.push(localFinding("RecurrenceDatesMissing"));
  else if (findings.length === 0 && !recurrenceFits(values)) {
    findings.push(
      localFinding("ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations", "", [
        // "" when no date can hold the schedule (beyond the last date JavaScript can represent).
        earliestFittingEnd(values) ?? "",
        String(intervalDays ?? 0),
        String(count ?? 0),
        String(Math.floor(((end - start) / DAY_MS) * 100) / 100),
      ]),
    );
  }
  return findings;
}
