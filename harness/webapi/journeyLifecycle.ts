import { JourneyStatus, toValidationResultJson, type JourneyRecord } from "../../src/journey";
import { JOURNEY } from "./entities";
import { checkJourney } from "./journeyChecks";
import type { Store } from "./store";

/**
 * The marketing service's part of the status model: a journey saved as Going live is checked one
 * last time and moves on to Live (or Error, with the check result written to
 * msdyncrm_validationresults); Stopping moves on to Stopped. Both after `delayMs()`.
 */
export class JourneyLifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    private readonly delayMs: () => number,
    private readonly serviceUserId: string,
  ) {}

  statusWritten(journeyId: string, status: unknown): void {
    if (status !== JourneyStatus.GoingLive && status !== JourneyStatus.Stopping) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.moveOn(journeyId, status);
    }, this.delayMs());
    this.timers.add(timer);
  }

  /** Forgets the pending moves (on reset and stop). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private moveOn(journeyId: string, from: number): void {
    const row = this.store.get(JOURNEY, journeyId);
    if (!row || row.statuscode !== from) return;
    if (from === JourneyStatus.Stopping) {
      this.store.update(JOURNEY, journeyId, { statuscode: JourneyStatus.Stopped, statecode: 0 }, this.serviceUserId);
      return;
    }
    const report = checkJourney(row as JourneyRecord, this.store);
    this.store.update(
      JOURNEY,
      journeyId,
      {
        statuscode: report.verdict === "Error" ? JourneyStatus.Error : JourneyStatus.Live,
        statecode: 0,
        msdyncrm_validationresults: toValidationResultJson(report),
      },
      this.serviceUserId,
    );
  }
}
