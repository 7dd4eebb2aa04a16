import { validateActionRequest } from "../dataverse/validateActionRequest";
import type { WebApiPort } from "../dataverse/webApiPort";
import { failureDetail, responseError } from "../dataverse/webApiErrors";
import { runLocalChecks } from "../journey/localChecks";
import type { JourneyRecord, ValidationReport } from "../journey/types";
import { mergeReports, parseValidationResponse } from "../journey/validationResult";

/** Below the platform's 10-second limit for an asynchronous OnSave handler, so the form can still say why. */
export const CHECK_TIMEOUT_MS = 8_000;

export type CheckOutcome =
  | { kind: "clean" | "warnings" | "blocked"; report: ValidationReport }
  /** The validate action could not be asked; `report` holds the local checks only. */
  | { kind: "failed"; report: ValidationReport; failure: CheckFailure };

export type CheckFailure =
  { reason: "unavailable" } | { reason: "timeout"; seconds: number } | { reason: "error"; message: string };

class CheckTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The action is gone where outbound marketing was removed: 404, "Resource not found for the segment ...". */
function isActionMissing(error: unknown): boolean {
  const { status, message } = (typeof error === "object" && error !== null ? error : {}) as {
    status?: unknown;
    message?: unknown;
  };
  return (
    status === 404 || (typeof message === "string" && /resource not found|could not find|does not exist/i.test(message))
  );
}

function describeFailure(error: unknown, timeoutMs: number): CheckFailure {
  if (error instanceof CheckTimeout) return { reason: "timeout", seconds: Math.ceil(timeoutMs / 1000) };
  if (isActionMissing(error)) return { reason: "unavailable" };
  return { reason: "error", message: failureDetail(error) };
}

async function askValidateAction(values: JourneyRecord, webApi: Pick<WebApiPort, "online">): Promise<ValidationReport> {
  const response = await webApi.online.execute(validateActionRequest(values));
  if (!response.ok) throw await responseError(response);
  // A body that is not JSON rejects: the check could not run, as the control also says.
  return parseValidationResponse(await response.json());
}

/** The product's own checks and the validate action, on the values the form holds now. */
export async function runGoLiveCheck(
  values: JourneyRecord,
  webApi: Pick<WebApiPort, "online">,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckOutcome> {
  const local = runLocalChecks(values);
  let server: ValidationReport;
  try {
    server = await withTimeout(askValidateAction(values, webApi), timeoutMs);
  } catch (error) {
    return { kind: "failed", report: local, failure: describeFailure(error, timeoutMs) };
  }
  const report = mergeReports(local, server);
  const kind = report.verdict === "Error" ? "blocked" : report.verdict === "Warning" ? "warnings" : "clean";
  return { kind, report };
}
