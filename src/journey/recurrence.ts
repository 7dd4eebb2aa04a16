import { FaultCode, localFinding } from "./faultCatalogue";
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
  if (typeof value !== "string" || value === "") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

/** A value for a message; typed as a number, it may still be anything an unsaved form holds. */
function shown(value: unknown): string {
  if (typeof value === "number" || typeof value === "string") return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function isNonNegativeInteger(value: number | null | undefined): boolean {
  return value === null || value === undefined || (Number.isInteger(value) && value >= 0);
}

/** Interval and count are usable: non-negative integers, an absent value counting as 0. */
function schedule(values: RecurrenceValues): { interval: number; count: number } | null {
  if (!isNonNegativeInteger(values.intervalDays) || !isNonNegativeInteger(values.count)) return null;
  return { interval: values.intervalDays ?? 0, count: values.count ?? 0 };
}

/** The end date the fit rule needs at the least: start + interval × count days; null when it cannot be worked out. */
export function earliestFittingEnd(values: RecurrenceValues): string | null {
  if (!values.isRecurring) return null;
  const start = toMinute(values.start);
  const plan = schedule(values);
  if (start === null || plan === null) return null;
  const end = start + plan.interval * plan.count * DAY_MS;
  return Number.isFinite(end) && Math.abs(end) <= 8.64e15 ? new Date(end).toISOString() : null;
}

/** interval × count ≤ end − start, in days. A journey that does not recur always fits. */
export function recurrenceFits(values: RecurrenceValues): boolean {
  if (!values.isRecurring) return true;
  const end = toMinute(values.end);
  const earliest = earliestFittingEnd(values);
  return end !== null && earliest !== null && end >= Date.parse(earliest);
}

/** The iterations of a recurring journey (at most `max`), numbered from 1. */
export function iterationCalendar(
  values: RecurrenceValues,
  max = 100,
): { index: number; start: string; end: string }[] {
  const start = toMinute(values.start);
  const plan = schedule(values);
  if (!values.isRecurring || start === null || plan === null || plan.interval === 0) return [];
  const calendar: { index: number; start: string; end: string }[] = [];
  for (let i = 0; i < Math.min(plan.count, max); i += 1) {
    const from = start + i * plan.interval * DAY_MS;
    const to = from + plan.interval * DAY_MS;
    if (Math.abs(to) > 8.64e15) break;
    calendar.push({ index: i + 1, start: new Date(from).toISOString(), end: new Date(to).toISOString() });
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
  const findings: ValidationEntry[] = [];
  if (!isNonNegativeInteger(values.intervalDays)) {
    findings.push(localFinding(FaultCode.RecurrenceIntervalInvalid, "", [shown(values.intervalDays)]));
  }
  if (!isNonNegativeInteger(values.count)) {
    findings.push(localFinding(FaultCode.RecurrenceCountInvalid, "", [shown(values.count)]));
  }
  const start = toMinute(values.start);
  const end = toMinute(values.end);
  if (start === null || end === null) {
    findings.push(localFinding(FaultCode.RecurrenceDatesMissing));
  }
  if (findings.length > 0) return findings;
  if (!recurrenceFits(values)) {
    const windowDays = Math.floor((((end as number) - (start as number)) / DAY_MS) * 100) / 100;
    findings.push(
      localFinding(FaultCode.ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations, "", [
        // "" when no date can hold the schedule (beyond the last date JavaScript can represent).
        earliestFittingEnd(values) ?? "",
        String(values.intervalDays ?? 0),
        String(values.count ?? 0),
        String(windowDays),
      ]),
    );
  }
  return findings;
}
