import { JourneyError } from "./journeyError";
import type { WebApiError } from "./webApiPort";

/** What the failed request was doing; decides what a 404 means. */
export type RequestPurpose = "read" | "validate" | "write" | "create" | "delete";

/** Dataverse error codes (unsigned) the service tells apart. */
export const ErrorCodes = {
  PrivilegeDenied: 0x80040220,
  RowNotFound: 0x80040217,
  ResourceNotFound: 0x8006088a,
  ConcurrencyMismatch: 0x80060882,
  InvalidStatusTransition: 0x80040203,
  BusinessRuleRefused: 0x80040265,
  TooManyRequests: 0x80072322,
  ExecutionTimeExceeded: 0x80072321,
  TooManyConcurrentRequests: 0x80072326,
} as const;

const THROTTLING_CODES: ReadonlySet<number> = new Set([
  ErrorCodes.TooManyRequests,
  ErrorCodes.ExecutionTimeExceeded,
  ErrorCodes.TooManyConcurrentRequests,
]);

/**
 * The error code as an unsigned number. Xrm gives a number (2147951394), some clients the signed
 * 32-bit form (-2147015902), the HTTP body a hex string ("0x80072322").
 */
export function unsignedErrorCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value !== 0) return value >>> 0;
  if (typeof value === "string" && /^0x[0-9a-f]{1,8}$/i.test(value.trim())) return Number.parseInt(value.trim().slice(2), 16) >>> 0;
  return undefined;
}

function asWebApiError(error: unknown): WebApiError {
  return typeof error === "object" && error !== null ? (error as WebApiError) : {};
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = asWebApiError(error).message;
  if (typeof message === "string") return message;
  try {
    return String(error);
  } catch {
    // An object whose toString is broken: nothing readable to show, the message key still says what failed.
    return "";
  }
}

function isSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError || (error instanceof Error && error.name === "SyntaxError");
}

/** Seconds the server asked to wait, when it said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const seconds = asWebApiError(error).retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * One JourneyError for whatever a Web API call rejected with: the Dataverse error code first (what
 * the host's Xrm.WebApi gives), the HTTP status as a fallback, a rejection without either as network.
 */
export function toJourneyError(error: unknown, purpose: RequestPurpose): JourneyError {
  if (error instanceof JourneyError) return error;
  const raw = asWebApiError(error);
  const detail = messageOf(error);
  const errorCode = unsignedErrorCode(raw.errorCode) ?? unsignedErrorCode(raw.code);
  const withCode = { detail, ...(errorCode !== undefined ? { errorCode } : {}) };

  const byCode = errorCode === undefined ? undefined : classifyCode(errorCode, purpose, detail, withCode);
  if (byCode) return byCode;

  // Status 0 is how fetch-based clients report "no answer at all".
  const status = typeof raw.status === "number" && raw.status > 0 ? raw.status : undefined;
  const byStatus = status === undefined ? undefined : classifyStatus(status, purpose, withCode);
  if (byStatus) return byStatus;

  // A rejection despite a success status means the answer itself could not be read.
  if (isSyntaxError(error) || (status !== undefined && status >= 200 && status < 300)) {
    return new JourneyError("malformed", "error.malformed", withCode);
  }
  if (errorCode === undefined && status === undefined) return new JourneyError("network", "error.network", { detail, retryable: true });
  return new JourneyError("server", "error.server", { ...withCode, retryable: true });
}

type ErrorOptions = { detail: string; errorCode?: number };

function classifyCode(code: number, purpose: RequestPurpose, detail: string, options: ErrorOptions): JourneyError | undefined {
  if (THROTTLING_CODES.has(code)) return new JourneyError("throttled", "error.throttled", { ...options, retryable: true });
  switch (code) {
    case ErrorCodes.PrivilegeDenied:
      return new JourneyError("forbidden", "error.forbidden", options);
    case ErrorCodes.RowNotFound:
      return new JourneyError("notFound", "error.notFound", options);
    case ErrorCodes.ResourceNotFound:
      return purpose === "validate"
        ? new JourneyError("actionMissing", "error.actionMissing", options)
        : new JourneyError("notFound", "error.notFound", options);
    case ErrorCodes.ConcurrencyMismatch:
      return new JourneyError("conflict", "error.conflict", options);
    case ErrorCodes.InvalidStatusTransition:
    case ErrorCodes.BusinessRuleRefused:
      return new JourneyError("refused", "error.serverRefused", { ...options, args: [detail] });
    default:
      return undefined;
  }
}

function classifyStatus(status: number, purpose: RequestPurpose, options: ErrorOptions): JourneyError | undefined {
  switch (status) {
    case 401:
      return new JourneyError("unauthorized", "error.unauthorized", options);
    case 403:
      return new JourneyError("forbidden", "error.forbidden", options);
    case 404:
      return purpose === "validate"
        ? new JourneyError("actionMissing", "error.actionMissing", options)
        : new JourneyError("notFound", "error.notFound", options);
    case 412:
      return new JourneyError("conflict", "error.conflict", options);
    case 429:
    case 503:
      return new JourneyError("throttled", "error.throttled", { ...options, retryable: true });
    default:
      return status >= 400 ? new JourneyError("server", "error.server", { ...options, retryable: status >= 500 }) : undefined;
  }
}
