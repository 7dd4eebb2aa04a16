/** What went wrong, in the terms the user is told about. */
export type JourneyErrorKind =
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "actionMissing"
  | "conflict"
  | "throttled"
  | "server"
  | "network"
  | "malformed"
  | "refused"
  | "timeout"
  | "unsavedChanges"
  | "checkFailed"
  /** The server answered a write with success but the row did not change. */
  | "notApplied";

export interface JourneyErrorOptions {
  args?: string[];
  detail?: string;
}

/**
 * The one error the journey service rejects with. `messageKey` is a resx key ("error.<something>")
 * whose text takes `args` as {0}, {1}….
 */
export class JourneyError extends Error {
  readonly args: string[];
  /** What went wrong in the server's (or the cause's) own words; "" when nothing said. */
  readonly detail: string;

  constructor(
    readonly kind: JourneyErrorKind,
    readonly messageKey: string,
    { args = [], detail = "" }: JourneyErrorOptions = {},
  ) {
    super(detail ? `${messageKey}: ${detail}` : messageKey);
    this.name = "JourneyError";
    this.args = args;
    this.detail = detail;
  }
}

/** A JourneyError whose message key is the kind's own, "error.<kind>". */
export function failure(kind: JourneyErrorKind, options?: JourneyErrorOptions): JourneyError {
  return new JourneyError(kind, "error." + kind, options);
}

export function isJourneyError(value: unknown): value is JourneyError {
  return value instanceof JourneyError;
}
