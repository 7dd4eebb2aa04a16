import { countBySeverity, mergeFindings } from "./findings";
import { timeOf } from "./jsonValues";
import { recurrenceFromRecord, type RecurrenceValues } from "./recurrence";
import { NOT_PROCESSED_AFTER_MS, statusInfo } from "./statusModel";
import type { JourneyRecord, Severity, ValidationReport } from "./types";
import { parseValidationResponse } from "./validationResult";

const DAY_MS = 86_400_000;

/** The last check as the stored results (msdyncrm_validationresults) tell it. */
export interface StoredCheck {
  verdict: Severity;
  errors: number;
  warnings: number;
}

/** One journey as the journeys view lists it, worked out from its row and the time now. */
export interface JourneyListRow {
  id: string;
  name: string;
  status: number;
  start: string | null;
  end: string | null;
  /** Whole days left until the end (rounded up) while it is ahead; null without an end or once it passed. */
  endsInDays: number | null;
  recurrence: RecurrenceValues;
  /** Null when the journey was never checked (nothing stored). */
  lastCheck: StoredCheck | null;
  modifiedOn: string | null;
  /** Going live or Stopping with no change for NOT_PROCESSED_AFTER_MS: its last change (the mark says since when). */
  notProcessedSince: string | null;
}

/** A report's verdict and counts, counted as the form's panel counts them (merged findings). */
export function checkSummary(report: ValidationReport): StoredCheck {
  const counts = countBySeverity(mergeFindings(report.entries));
  return { verdict: report.verdict, errors: counts.Error, warnings: counts.Warning };
}

/** The summary of the stored results; null when nothing is stored. */
export function storedCheck(stored: string | null | undefined): StoredCheck | null {
  return stored?.trim() ? checkSummary(parseValidationResponse(stored)) : null;
}

export function journeyListRow(record: JourneyRecord, now: Date): JourneyListRow {
  const status = record.statuscode ?? NaN;
  const end = timeOf(record.msdyncrm_enddatetime);
  const left = end - now.getTime();
  const modifiedOn = record.modifiedon ?? null;
  const changed = timeOf(modifiedOn);
  const stuck = !!statusInfo(status)?.transitional && now.getTime() - changed >= NOT_PROCESSED_AFTER_MS;
  return {
    id: record.msdyncrm_customerjourneyid ?? "",
    name: record.msdyncrm_name ?? "",
    status,
    start: record.msdyncrm_startdatetime ?? null,
    end: record.msdyncrm_enddatetime ?? null,
    endsInDays: left > 0 ? Math.ceil(left / DAY_MS) : null,
    recurrence: recurrenceFromRecord(record),
    lastCheck: storedCheck(record.msdyncrm_validationresults),
    modifiedOn,
    notProcessedSince: stuck ? modifiedOn : null,
  };
}
