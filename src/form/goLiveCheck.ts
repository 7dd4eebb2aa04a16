import { isJourneyError } from "../dataverse/journeyError";
import { withinTime } from "../dataverse/requestTimeout";
import type { RetryTiming } from "../dataverse/retryPolicy";
import { askValidateAction } from "../dataverse/validateAction";
import type { WebApiPort } from "../dataverse/webApiPort";
import { isActionMissing, toJourneyError } from "../dataverse/webApiErrors";
import { runLocalChecks } from "../journey/localChecks";
import type { JourneyRecord, ValidationReport } from "../journey/types";
import { mergeReports } from "../journey/validationResult";

/** A check that takes longer refuses the save and says so: the user is not left waiting on a save. */
export const CHECK_TIMEOUT_MS = 10_000;

export type CheckOutcome =
  | { kind: "clean" | "warnings" | "blocked"; report: ValidationReport }
  /** The validate action could not be asked; `report` holds the local checks only. */
  | { kind: "failed"; report: ValidationReport; failure: CheckFailure };

export type CheckFailure =
  { reason: "unavailable" } | { reason: "timeout"; seconds: number } | { reason: "error"; message: string };

function describeFailure(error: unknown, timeoutMs: number): CheckFailure {
  if (isJourneyError(error) && error.kind === "timeout")
    return { reason: "timeout", seconds: Math.ceil(timeoutMs / 1000) };
  if (isActionMissing(error)) return { reason: "unavailable" };
  return { reason: "error", message: toJourneyError(error, "validate").detail };
}

/**
 * The product's own checks and the validate action (retried while throttled, as the control does), on
 * the values the form holds now.
 */
export async function runGoLiveCheck(
  values: JourneyRecord,
  webApi: Pick<WebApiPort, "online">,
  timing: RetryTiming,
  now: () => Date,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckOutcome> {
  const local = runLocalChecks(values, now);
  let server: ValidationReport;
  try {
    // The save gate's budget for the whole check, retries included, through the one request timeout.
    server = await withinTime(askValidateAction(webApi, values, timing), timeoutMs);
  } catch (error) {
    return { kind: "failed", report: local, failure: describeFailure(error, timeoutMs) };
  }
  const report = mergeReports(local, server);
  const kind = report.verdict === "Error" ? "blocked" : report.verdict === "Warning" ? "warnings" : "clean";
  return { kind, report };
}
