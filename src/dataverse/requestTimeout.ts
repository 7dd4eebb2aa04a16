import { JourneyError } from "./journeyError";
import type { RequestPurpose } from "./webApiErrors";

/** A read or the error check gives up after this long without an answer… */
export const READ_TIMEOUT_MS = 30_000;
/** …a write after this long (it may still have been made: its message says so). */
export const WRITE_TIMEOUT_MS = 60_000;

/** Milliseconds as the whole seconds a message shows ({0}). */
export function seconds(ms: number): string {
  return String(Math.ceil(ms / 1000));
}

/**
 * What `call` settles with, or, when it has not after `ms`, a "timeout" JourneyError whose
 * message (`messageKey`) gets the seconds as {0}. Xrm.WebApi cannot cancel a request: a late answer is ignored.
 */
export function withinTime<T>(call: Promise<T>, ms: number, messageKey = "error.requestTimeout"): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JourneyError("timeout", messageKey, { args: [seconds(ms)] })), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** One try of a Web API request, bounded by the timeout of its kind. */
export function timedRequest<T>(purpose: RequestPurpose, call: () => Promise<T>): Promise<T> {
  const isRead = purpose === "read" || purpose === "validate";
  return isRead ? withinTime(call(), READ_TIMEOUT_MS) : withinTime(call(), WRITE_TIMEOUT_MS, "error.writeTimeout");
}
