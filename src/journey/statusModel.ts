import { hasOwn } from "./jsonValues";
import { JourneyStatus, type JourneyStatusCode } from "./types";

export interface StatusInfo {
  code: JourneyStatusCode;
  /** statecode: 0 Active, 1 Inactive. */
  stateCode: 0 | 1;
  /** The statuses the entity's TransitionData allows next. */
  next: readonly JourneyStatusCode[];
  /** The service moves the journey on by itself; clients wait and re-read. */
  transitional: boolean;
}

function status(
  code: JourneyStatusCode,
  stateCode: 0 | 1,
  next: readonly JourneyStatusCode[],
  transitional = false,
): StatusInfo {
  return { code, stateCode, next, transitional };
}

const S = JourneyStatus;

export const STATUSES = Object.fromEntries(
  [
    status(S.Draft, 0, [S.GoingLive, S.Expired]),
    status(S.Live, 0, [S.Stopping, S.Stopped, S.GoingLive, S.LiveEditable, S.Error]),
    status(S.Stopped, 0, [S.Expired, S.GoingLive]),
    status(S.LiveEditable, 0, [S.Live, S.Error, S.GoingLive]),
    status(S.Expired, 1, []),
    status(S.Error, 0, [S.GoingLive, S.Stopping]),
    status(S.GoingLive, 0, [S.Live, S.Error], true),
    status(S.Stopping, 0, [S.Stopped, S.Error], true),
  ].map((info) => [info.code, info]),
) as Readonly<Record<JourneyStatusCode, StatusInfo>>;

/**
 * A journey Going live or Stopping this long after its last change is not processed: the marketing
 * service has not picked it up (outbound marketing services may have been removed from the org).
 */
export const NOT_PROCESSED_AFTER_MS = 600_000;

export function isJourneyStatus(value: unknown): value is JourneyStatusCode {
  return typeof value === "number" && hasOwn(STATUSES, value);
}

/** Undefined for a code that is no journey status (or none). */
export function statusInfo(code: number | undefined): StatusInfo | undefined {
  return isJourneyStatus(code) ? STATUSES[code] : undefined;
}

export function canTransition(from: number, to: number): boolean {
  const info = statusInfo(from);
  return info !== undefined && isJourneyStatus(to) && info.next.includes(to);
}
