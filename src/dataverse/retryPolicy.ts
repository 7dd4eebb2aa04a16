import { timedRequest } from "./requestTimeout";
import { toJourneyError, type RequestPurpose } from "./webApiErrors";
import type { WebApiError } from "./webApiPort";

export interface RetryTiming {
  sleep(ms: number): Promise<void>;
  /** 0 ≤ x < 1. */
  random(): number;
}

/** Real waiting and real randomness, where no test gives its own. */
export const REAL_TIMING: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** At most this many tries of one request. */
export const MAX_ATTEMPTS = 3;
/** A request gives up rather than wait longer than this in total. */
export const MAX_TOTAL_WAIT_MS = 20_000;
/** No request follows a refused one sooner: the product's one request per 2 s also holds for retries, polls included. */
export const MIN_RETRY_GAP_MS = 2_000;

/** The wait (ms) a refused request's Retry-After asked for, when the server said. */
export function retryAfterMs(raw: unknown): number | undefined {
  const askedSeconds = (raw as WebApiError | null | undefined)?.retryAfterSeconds;
  return Number.isFinite(askedSeconds) ? askedSeconds! * 1000 : undefined;
}

/**
 * Runs one Web API request, trying again only when the server said it was throttled (429, 503,
 * service protection): such a request was not carried out, so trying again cannot do anything twice.
 * Waits what Retry-After asked, else an exponential back-off with jitter, and never less than
 * MIN_RETRY_GAP_MS; bounded in tries and total wait. Each try has its timeout (timedRequest); one that
 * timed out is not tried again (a write may have been made). Rejects with a JourneyError.
 */
export async function withRetries<T>(
  purpose: RequestPurpose,
  request: () => Promise<T>,
  timing: RetryTiming,
): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await timedRequest(purpose, request);
    } catch (raw) {
      const error = toJourneyError(raw, purpose);
      if (error.kind !== "throttled" || attempt >= MAX_ATTEMPTS) throw error;
      const wait = Math.max(
        MIN_RETRY_GAP_MS,
        retryAfterMs(raw) ?? Math.round(MIN_RETRY_GAP_MS * 2 ** (attempt - 1) * (1 + timing.random() / 2)),
      );
      if (waited + wait > MAX_TOTAL_WAIT_MS) throw error;
      waited += wait;
      await timing.sleep(wait);
    }
  }
}
