import { FaultCode, localFinding } from "./faultCatalogue";
import { recurrenceFindings, recurrenceFromRecord } from "./recurrence";
import type { JourneyRecord, ValidationEntry, ValidationReport } from "./types";
import { verdictOf } from "./validationResult";
import { parseDefinition } from "./workflowDefinition";

/**
 * The product's own checks on the journey's current field values (saved or not): name, start
 * before end, recurrence and the tile layout's structure. Instant, no server needed.
 */
export function runLocalChecks(values: JourneyRecord): ValidationReport {
  const entries: ValidationEntry[] = [];
  if (typeof values.msdyncrm_name !== "string" || values.msdyncrm_name.trim() === "") {
    entries.push(localFinding(FaultCode.NameMissing));
  }
  const start = values.msdyncrm_startdatetime ? Date.parse(values.msdyncrm_startdatetime) : NaN;
  const end = values.msdyncrm_enddatetime ? Date.parse(values.msdyncrm_enddatetime) : NaN;
  if (!Number.isNaN(start) && !Number.isNaN(end) && start >= end) {
    entries.push(
      localFinding(FaultCode.StartNotBeforeEnd, "", [
        String(values.msdyncrm_startdatetime),
        String(values.msdyncrm_enddatetime),
      ]),
    );
  }
  entries.push(...recurrenceFindings(recurrenceFromRecord(values)));
  entries.push(...parseDefinition(values.msdyncrm_workflowdefinition).findings);
  return { verdict: verdictOf(entries), entries };
}
