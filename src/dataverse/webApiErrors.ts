import { JourneyError, type JourneyErrorKind } from "./journeyError";
import type { ActionResponse, WebApiError } from "./webApiPort";

/** What the failed request was doing; decides what a 404 means. */
export type RequestPurpose = "read" | "validate" | "write" | "create" | "delete";

/** ResourceNotFound ("Resource not found for the segment"): what Dataverse answers for a missing action. */
export const RESOURCE_NOT_FOUND = 0x8006088a;

/**
 * Dataverse error codes (unsigned) the service tells apart. "actionMissing" stands for "no such
 * resource": the validate action when validating, else the row.
 */
const KIND_BY_CODE: Partial<Record<number, JourneyErrorKind>> = {
  0x80040220: "forbidden", // PrivilegeDenied
  0x80040217: "notFound", // RowNotFound
  [RESOURCE_NOT_FOUND]: "actionMissing",
  0x80060882: "conflict", // ConcurrencyMismatch
  0x80040203: "refused", // InvalidStatusTransition
  0x80040265: "refused", // BusinessRuleRefused
  0x80072322: "throttled", // TooManyRequests
  0x80072321: "throttled", // ExecutionTimeExceeded
  0x80072326: "throttled", // TooManyConcurrentRequests
};

/** The HTTP status as a fallback when there is no known error code. */
const KIND_BY_STATUS: Partial<Record<number, JourneyErrorKind>> = {
  401: "unauthorized",
  403: "forbidden",
  404: "actionMissing",
  412: "conflict",
  429: "throttled",
  503: "throttled",
};

/**
 * The error code as an unsigned number. Xrm gives a number (2147951394), some clients the signed
 * 32-bit form (-2147015902), the HTTP body a hex string ("0x80072322").
 */
export function unsignedErrorCode(value: unknown): number | undefined {
  if (Number.isInteger(value) && value !== 0) return (value as number) >>> 0;
  if (typeof value === "string" && /^\s*0x[0-9a-f]{1,8}\s*$/i.test(value)) return parseInt(value, 16) >>> 0;
  return undefined;
}

/** The failure in the server's (or the Error's) own words; else its HTTP status, if any; else nothing. */
export function failureDetail(error: unknown): string {
  if (typeof error !== "object" || error === null) return error == null ? "" : String(error);
  const { message, status } = error as WebApiError;
  if (typeof message === "string" && message.trim()) return message;
  return typeof status === "number" && status > 0 ? `HTTP ${status}` : "";
}

/** What a fetch-style response with ok false stands for: its Dataverse error body (code, message), its status and its Retry-After seconds. */
export async function responseError(answer: ActionResponse): Promise<WebApiError> {
  const body: unknown = await answer.json().catch(() => undefined);
  const error = (body as { error?: unknown } | null | undefined)?.error;
  // Number("") and Number(null) are 0: only a header that is there counts.
  const retryAfter = answer.headers?.get("Retry-After");
  return {
    ...(typeof error === "object" ? error : {}),
    status: answer.status,
    ...(retryAfter ? { retryAfterSeconds: Number(retryAfter) } : {}),
  };
}

/**
 * One JourneyError for whatever a Web API call rejected with: the Dataverse error code first (what
 * the host's Xrm.WebApi gives), the HTTP status as a fallback, a rejection without either as network.
 */
export function toJourneyError(error: unknown, purpose: RequestPurpose): JourneyError {
  if (error instanceof JourneyError) return error;
  const raw: WebApiError = (typeof error === "object" && error) || {};
  const detail = failureDetail(error);
  const errorCode = unsignedErrorCode(raw.errorCode) ?? unsignedErrorCode(raw.code);
  // Status 0 is how fetch-based clients report "no answer at all".
  const status = typeof raw.status === "number" && raw.status > 0 ? raw.status : 0;

  let kind = KIND_BY_CODE[errorCode ?? 0] ?? KIND_BY_STATUS[status];
  // A rejection despite a success status means the answer itself could not be read.
  const unreadable = (error instanceof Error && error.name === "SyntaxError") || (status >= 200 && status < 300);
  kind ??= status < 400 && unreadable ? "malformed" : errorCode === undefined && !status ? "network" : "server";
  if (kind === "actionMissing" && purpose !== "validate") kind = "notFound";

  const refused = kind === "refused";
  return new JourneyError(kind, refused ? "error.serverRefused" : "error." + kind, {
    detail,
    args: refused ? [detail] : [],
  });
}

/** Whether a failed validate call means the org has no validate action (outbound marketing removed), not that the check failed. */
export function isActionMissing(error: unknown): boolean {
  return toJourneyError(error, "validate").kind === "actionMissing";
}
