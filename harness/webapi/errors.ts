/** Dataverse error codes the emulated org answers with, and the error type that carries them to the HTTP layer. */
export const DataverseErrorCode = {
  /** A row with that id does not exist. */
  RowNotFound: "0x80040217",
  /** Unknown URL segment: entity set, action or function. */
  ResourceNotFound: "0x8006088a",
  /** The request body or URL could not be read (syntax, types, unknown payload property). */
  BadRequest: "0x80060888",
  /** $select / $filter / $orderby name a column the table does not have. */
  PropertyNotFound: "0x80048d19",
  /** If-Match named an older row version. */
  ConcurrencyMismatch: "0x80060882",
  /** A row with the same primary key exists. */
  DuplicateRecord: "0x80040237",
  /** The caller lacks the privilege. */
  PrivilegeDenied: "0x80040220",
  /** A rule of the table's business logic refused the change (what a plug-in throws). */
  BusinessRuleRefused: "0x80040265",
  /** The status change is not in the table's TransitionData. */
  InvalidStatusTransition: "0x80040203",
  /** Service protection: number of requests. */
  TooManyRequests: "0x80072322",
  /** Service protection: combined execution time. */
  ExecutionTimeExceeded: "0x80072321",
  /** Service protection: concurrent requests. */
  TooManyConcurrentRequests: "0x80072326",
  /** An unexpected server error. */
  Unexpected: "0x80040216",
  /** The HTTP method is not allowed on the resource. */
  MethodNotAllowed: "0x80060889",
  /** A value failed the column's validation (length). */
  ValidationFailed: "0x80044331",
  /** A number outside the column's accepted values. */
  ValueOutOfRange: "0x8004431a",
} as const;

export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }

  toResponse(): {
    status: number;
    headers: Record<string, string>;
    body: { error: { code: string; message: string } };
  } {
    return { status: this.status, headers: this.headers, body: this.toBody() };
  }
}

/** Anything else that went wrong inside the harness, answered the way Dataverse answers an unexpected error. */
export function harnessFailure(error: unknown): DataverseError {
  if (error instanceof DataverseError) return error;
  return new DataverseError(500, DataverseErrorCode.Unexpected, `The harness failed: ${(error as Error).message}`);
}

export const rowNotFound = (logicalName: string, id: string): DataverseError =>
  new DataverseError(404, DataverseErrorCode.RowNotFound, `${logicalName} With Id = ${id} Does Not Exist`);

export const segmentNotFound = (segment: string): DataverseError =>
  new DataverseError(404, DataverseErrorCode.ResourceNotFound, `Resource not found for the segment '${segment}'.`);

export const badRequest = (message: string): DataverseError =>
  new DataverseError(400, DataverseErrorCode.BadRequest, message);

/** The largest request body the emulated org reads (*inferred*: Dataverse does not document its own). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const bodyTooLarge = (): DataverseError =>
  new DataverseError(
    413,
    DataverseErrorCode.BadRequest,
    `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB (${MAX_BODY_BYTES.toLocaleString("en-US")} bytes), the most the emulated org accepts.`,
  );

export const propertyNotFound = (column: string, logicalName: string): DataverseError =>
  new DataverseError(
    400,
    DataverseErrorCode.PropertyNotFound,
    `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${logicalName}'.`,
  );

/** The default error a queued fault answers with when the test gives no body: a realistic one per status. */
export function defaultFaultError(status: number, retryAfterSeconds?: number): DataverseError {
  switch (status) {
    case 401:
      return new DataverseError(401, "0x80090313", "The user is not authenticated. Sign in again.", {
        "WWW-Authenticate": "Bearer",
      });
    case 403:
      return new DataverseError(
        403,
        DataverseErrorCode.PrivilegeDenied,
        "Principal user (Id=d0e20c01-d6c6-480f-aab5-0fa6749565a5, type=8) is missing prvWritemsdyncrm_customerjourney privilege.",
      );
    case 404:
      return new DataverseError(404, DataverseErrorCode.RowNotFound, "The requested row Does Not Exist");
    case 412:
      return new DataverseError(
        412,
        DataverseErrorCode.ConcurrencyMismatch,
        "The version of the existing record doesn't match the RowVersion property provided.",
      );
    case 429:
      return new DataverseError(
        429,
        DataverseErrorCode.TooManyRequests,
        "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
        { "Retry-After": String(retryAfterSeconds ?? 5) },
      );
    case 503:
      return new DataverseError(
        503,
        DataverseErrorCode.Unexpected,
        "The service is temporarily unavailable. Try again later.",
      );
    default:
      return new DataverseError(status, DataverseErrorCode.Unexpected, "An unexpected error occurred.");
  }
}
