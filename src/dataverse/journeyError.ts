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
  | "checkFailed";

/**
 * The one error the journey service rejects with. `messageKey` is a resx key ("error.<something>")
 * whose text takes `args` as {0}, {1}…; `retryable` says whether trying the same thing again may help.
 */
export class JourneyError extends Error {
  readonly kind: JourneyErrorKind;
  readonly messageKey: string;
  readonly args: string[];
  readonly retryable: boolean;
  /** The error code the server gave, when there was one (for "Copy details" and support). */
  readonly errorCode?: number;

  constructor(
    kind: JourneyErrorKind,
    messageKey: string,
    options: { args?: string[]; retryable?: boolean; errorCode?: number; detail?: string } = {},
  ) {
    super(options.detail ? `${messageKey}: ${options.detail}` : messageKey);
    this.name = "JourneyError";
    this.kind = kind;
    this.messageKey = messageKey;
    this.args = options.args ?? [];
    this.retryable = options.retryable ?? false;
    if (options.errorCode !== undefined) this.errorCode = options.errorCode;
  }
}

export function isJourneyError(value: unknown): value is JourneyError {
  return value instanceof JourneyError;
}
