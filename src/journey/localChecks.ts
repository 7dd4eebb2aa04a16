import { localFinding } from "./faultCatalogue";
import { recurrenceFindings, recurrenceFromRecord } from "./recurrence";
import type { JourneyRecord, ValidationEntry, ValidationReport } from "./types";
import { verdictOf } from "./validationResult";
import { parseDefinition } from "./workflowDefinition";

/** Milliseconds of an ISO date string; NaN for anything else (values may come from an unsaved form). */
function timeOf(value: unknown): number {
  return typeof value === "string" ? Date.parse(value) : NaN;
}

/**
 * The product's own checks on the journey's current field values (saved or not): name, start
 * before end, recurrence and the tile layout's structure. Instant, no server needed.
 */
export function runLocalChecks(values: JourneyRecord): ValidationReport {
  const entries: ValidationEntry[] = [];
  if (typeof values.msdyncrm_name !== "string" || values.msdyncrm_name.trim() === "") {
    entries.push(localFinding("NameMissing"));
  }
  const start = timeOf(values.msdyncrm_startdatetime);
  const end = timeOf(values.msdyncrm_enddatetime);
  if (!Number.isNaN(start) && !Number.isNaN(end) && start >= end) {
    entries.push(
      localFinding("StartNotBeforeEnd", "", [
        values.msdyncrm_startdatetime as string,
        values.msdyncrm_enddatetime as string,
      ]),
    );
  }
  entries.push(...recurrenceFindings(recurrenceFromRecord(values)));
  entries.push(...parseDefinition(values.msdyncrm_workflowdefinition).findings);
  return { verdict: verdictOf(entries), entries };
}
