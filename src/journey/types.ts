/** Status Reason (statuscode) values of msdyncrm_customerjourney. */
export const JourneyStatus = {
  Draft: 192350000,
  Live: 192350001,
  Stopped: 192350002,
  LiveEditable: 192350003,
  Expired: 192350004,
  Error: 192350005,
  GoingLive: 192350006,
  Stopping: 192350007,
} as const;

export type JourneyStatusCode = (typeof JourneyStatus)[keyof typeof JourneyStatus];

/** A journey row with Web API column names, as `retrieveRecord` returns it (lookups as `_x_value`). */
export interface JourneyRecord {
  msdyncrm_customerjourneyid?: string;
  msdyncrm_name?: string | null;
  statuscode?: number | null;
  statecode?: number | null;
  msdyncrm_startdatetime?: string | null;
  msdyncrm_enddatetime?: string | null;
  msdyncrm_workflowdefinition?: string | null;
  msdyncrm_customerjourneydesignerstate?: string | null;
  msdyncrm_isrecurring?: boolean | null;
  msdyncrm_recurrenceintervaldays?: number | null;
  msdyncrm_recurrencecount?: number | null;
  msgdpr_requiredconsent?: number | null;
  msdyncrm_entitytarget?: number | null;
  msdyncrm_customerjourneytimezone?: number | null;
  msdyncrm_type?: number | null;
  msdyncrm_validationresults?: string | null;
  _msdyncrm_contentsettingsid_value?: string | null;
  _msdyncrm_suppressionsegmentid_value?: string | null;
  _ownerid_value?: string | null;
  _modifiedby_value?: string | null;
  modifiedon?: string | null;
  "@odata.etag"?: string;
}

export type Severity = "Valid" | "Warning" | "Error";

/** Where a finding came from: the product's own instant checks, or the validate action. */
export type FindingSource = "local" | "server";

/** One finding, shaped like an entry of the validate action's ActivityValidationResults. */
export interface ValidationEntry {
  /** The tile's ActivityId; "" when the finding is about the whole journey (its fields). */
  activityId: string;
  fault: string;
  severity: Severity;
  args: string[];
  source: FindingSource;
}

export interface ValidationReport {
  /** Valid: nothing to fix; Warning: may go live after a confirm; Error: blocks go-live. */
  verdict: Severity;
  entries: ValidationEntry[];
  /** Set when the input could not be read (the entries say why); `raw` keeps what was received, as text. */
  unreadable?: { raw: string };
}
