import type { JourneyRecord, ValidationReport } from "../journey/types";
import { toValidationResultJson } from "../journey/validationResult";
import type { JourneyError } from "./journeyError";
import { JOURNEY_ENTITY, type CheckOutcome, type JourneyService, type JourneySnapshot } from "./journeyService";
import { isActionMissing, toJourneyError } from "./webApiErrors";
import type { WebApiPort } from "./webApiPort";

/** A bulk action runs at most this many journeys at once. */
export const BULK_CONCURRENCY = 2;

/** An AbortSignal, or anything with its flag: once set, no journey starts. */
export interface CancelFlag {
  readonly aborted: boolean;
}

export type BulkOutcome<Result> = { id: string; result: Result } | { id: string; error: JourneyError };

export interface BulkEvents<Result> {
  onStart?(id: string): void;
  onOutcome(outcome: BulkOutcome<Result>): void;
}

/**
 * Runs `task` for each id once (an id given twice runs once), at most BULK_CONCURRENCY at a time, telling each
 * start and each outcome. Once `cancel` is set no further id starts; those running finish. Resolves with the
 * outcomes of the ids that ran, in the order they ended.
 */
export async function runBulk<Result>(
  ids: readonly string[],
  task: (id: string) => Promise<Result>,
  events: BulkEvents<Result>,
  cancel: CancelFlag,
): Promise<BulkOutcome<Result>[]> {
  const queue = [...new Set(ids)];
  const outcomes: BulkOutcome<Result>[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined && !cancel.aborted; id = queue.shift()) {
      events.onStart?.(id);
      const outcome = await task(id).then(
        (result) => ({ id, result }),
        (error: unknown) => ({ id, error: toJourneyError(error, "read") }),
      );
      outcomes.push(outcome);
      events.onOutcome(outcome);
    }
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
  return outcomes;
}

export interface BulkDeps {
  service: JourneyService;
  /** The service's port: the results write goes through it. */
  webApi: WebApiPort;
}

/**
 * Stores a check's report in the journey's msdyncrm_validationresults, so that its form shows it: one update,
 * carrying the row version it was loaded with where the port can send it (If-Match), retried when throttled (and
 * said so through the service's onServerBusy).
 */
function storeResults({ service, webApi }: BulkDeps, snapshot: JourneySnapshot, report: ValidationReport) {
  const data = { msdyncrm_validationresults: toValidationResultJson(report) };
  const { etag, id } = snapshot;
  return service.request("write", () =>
    etag && webApi.ifMatch
      ? webApi.ifMatch.updateRecord(`${JOURNEY_ENTITY}s`, id, data, etag)
      : webApi.updateRecord(JOURNEY_ENTITY, id, data),
  );
}

/**
 * The bulk "Check for errors" of one journey: loads it, checks it as the form control does (the validate action,
 * or the local checks alone where the org lacks it), stores the result. A check the server could not run for any
 * other reason rejects with why, and nothing is stored. Three requests: read, validate, write.
 */
export async function checkAndStore(deps: BulkDeps, id: string): Promise<CheckOutcome> {
  const snapshot = await deps.service.load(id);
  const outcome = await deps.service.check(snapshot.record);
  const unavailable = outcome.serverUnavailable;
  if (unavailable && !isActionMissing(unavailable)) throw unavailable;
  await storeResults(deps, snapshot, outcome.report);
  return outcome;
}

/**
 * The journey as the user saw it in the list: a stop compares the row's version and content with it, so a
 * journey someone else changed since the list was read is refused (the form control's conflict rule): pass it
 * to the service's `transition(seen, "stop")`, which refuses a journey not Live without a request.
 */
export function seenSnapshot(record: JourneyRecord & { msdyncrm_customerjourneyid: string }): JourneySnapshot {
  return {
    record,
    id: record.msdyncrm_customerjourneyid,
    status: record.statuscode ?? NaN,
    modifiedOn: record.modifiedon ?? null,
  };
}
