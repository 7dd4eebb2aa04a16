import { calendarFindings } from "./calendarChecks";
import { localFinding } from "./faultCatalogue";
import { timeOf } from "./jsonValues";
import { recurrenceFindings, recurrenceFromRecord } from "./recurrence";
import type { JourneyRecord, ValidationEntry, ValidationReport } from "./types";
import { verdictOf } from "./validationResult";
import { parseDefinition } from "./workflowDefinition";

/**
 * The product's own checks on the journey's current field values (saved or not): name, start
 * before end, recurrence, the tile layout's structure and, given the clock, the dates against now.
 * Instant, no server needed. Without a clock (the emulated org's check, which knows no calendar
 * faults) the dates are not held against now.
 */
export function runLocalChecks(values: JourneyRecord, now?: () => Date): ValidationReport {
  const entries: ValidationEntry[] = [];
  const { msdyncrm_name: name, msdyncrm_startdatetime: start, msdyncrm_enddatetime: end } = values;
  if (typeof name !== "string" || name.trim() === "") entries.push(localFinding("NameMissing"));
  // An unreadable date gives NaN, and a comparison with NaN is false: only two readable dates are compared.
  if (timeOf(start) >= timeOf(end))
    entries.push(localFinding("StartNotBeforeEnd", "", [start as string, end as string]));
  entries.push(
    ...recurrenceFindings(recurrenceFromRecord(values)),
    ...parseDefinition(values.msdyncrm_workflowdefinition).findings,
    ...(now ? calendarFindings(values, now) : []),
  );
  return { verdict: verdictOf(entries), entries };
}
