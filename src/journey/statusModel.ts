import { JourneyStatus, type JourneyStatusCode } from "./types";

export interface StatusInfo {
  code: JourneyStatusCode;
  /** resx key of the status label: "status.<code>". */
  labelKey: string;
  /** statecode: 0 Active, 1 Inactive. */
  stateCode: 0 | 1;
  /** The statuses the entity's TransitionData allows next. */
  next: readonly JourneyStatusCode[];
  /** The service moves the journey on by itself; clients wait and re-read. */
  transitional: boolean;
  /** Nothing follows. */
  terminal: boolean;
}

function status(
  code: JourneyStatusCode,
  stateCode: 0 | 1,
  next: readonly JourneyStatusCode[],
  transitional = false,
): StatusInfo {
  return { code, labelKey: `status.${code}`, stateCode, next, transitional, terminal: next.length === 0 };
}

const S = JourneyStatus;

export const STATUSES: Readonly<Record<JourneyStatusCode, StatusInfo>> = {
  [S.Draft]: status(S.Draft, 0, [S.GoingLive, S.Expired]),
  [S.Live]: status(S.Live, 0, [S.Stopping, S.Stopped, S.GoingLive, S.LiveEditable, S.Error]),
  [S.Stopped]: status(S.Stopped, 0, [S.Expired, S.GoingLive]),
  [S.LiveEditable]: status(S.LiveEditable, 0, [S.Live, S.Error, S.GoingLive]),
  [S.Expired]: status(S.Expired, 1, []),
  [S.Error]: status(S.Error, 0, [S.GoingLive, S.Stopping]),
  [S.GoingLive]: status(S.GoingLive, 0, [S.Live, S.Error], true),
  [S.Stopping]: status(S.Stopping, 0, [S.Stopped, S.Error], true),
};

export function isJourneyStatus(value: unknown): value is JourneyStatusCode {
  return typeof value === "number" && Object.prototype.hasOwnProperty.call(STATUSES, value);
}

export function statusInfo(code: number): StatusInfo | undefined {
  return isJourneyStatus(code) ? STATUSES[code] : undefined;
}

export function canTransition(from: number, to: number): boolean {
  const info = statusInfo(from);
  return info !== undefined && isJourneyStatus(to) && info.next.includes(to);
}
