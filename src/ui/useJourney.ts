import type { CheckOutcome, JourneySnapshot } from "../dataverse/journeyService";
import { JourneyError, isJourneyError } from "../dataverse/journeyError";
import type { JourneyAction, JourneyActionId } from "../journey/journeyActions";
import { earliestFittingEnd, recurrenceFits, recurrenceFromRecord } from "../journey/recurrence";
import { runLocalChecks } from "../journey/localChecks";
import { statusInfo } from "../journey/statusModel";
import { countBySeverity } from "../journey/findings";
import type { JourneyRecord } from "../journey/types";
import { parseValidationResponse } from "../journey/validationResult";
import type { ConfirmRequest } from "./ConfirmDialog";
import type { JourneyControlProps } from "./journeyControlProps";
import { verdictText } from "./reportText";
import { shownReport, type ReportOrigin, type ShownReport } from "./validationGroups";
import { statusLabel, type Localise } from "./strings";
import { useEffect, useRef, useState } from "./platform";

/** A banner: an error of the service, or a plain notice (e.g. the go-live was refused by the check). */
export type Banner =
  | { kind: "error"; error: JourneyError }
  | { kind: "blocked"; errorCount: number }
  | { kind: "serverUnavailable"; error: JourneyError }
  | { kind: "deleted" };

/** What the control shows; the optional parts are absent until there is something to show. */
export interface JourneyState {
  snapshot?: JourneySnapshot;
  /** The form's current values (saved or not), else the snapshot's. */
  values?: JourneyRecord;
  loading: boolean;
  shown: ShownReport | null;
  running?: JourneyActionId;
  /** Following a Going live / Stopping status until it settles. */
  following?: boolean;
  banners: Banner[];
  confirm?: ConfirmRequest;
  /** The last text for screen readers; a new sequence makes the same text again a new announcement. */
  announcement?: { message: string; sequence: number };
  deleted?: boolean;
}

export interface JourneyController extends JourneyState {
  run(action: JourneyAction): void;
  answerConfirm(confirmed: boolean): void;
  reload(): void;
  dismissBanner(banner: Banner): void;
  /**
   * Writes on the form the earliest end date its recurrence fits, worked out from the form's values at
   * the click (the interval or the count may have changed since the preview was drawn), then re-reads them.
   */
  fitEndDate(): Promise<void>;
}

function storedReport(raw: string | null): ShownReport | null {
  return raw?.trim() ? shownReport(parseValidationResponse(raw), "stored", null) : null;
}

function asJourneyError(error: unknown): JourneyError {
  if (isJourneyError(error)) return error;
  return new JourneyError("server", "banner.unexpected", {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** The journey's state and what the user can do with it; `localise` gives the words it announces and shows. */
export function useJourney(props: JourneyControlProps, localise: Localise): JourneyController {
  const { service, recordId } = props;
  const [state, setState] = useState<JourneyState>(() => ({
    loading: recordId !== "",
    shown: storedReport(props.storedValidationResults),
    banners: [],
  }));
  const update = (patch: Partial<JourneyState> | ((current: JourneyState) => Partial<JourneyState>)) =>
    setState((current) => ({ ...current, ...(typeof patch === "function" ? patch(current) : patch) }));

  // A ref, not state: a second click arrives before React has re-rendered the disabled buttons.
  const runningRef = useRef<JourneyActionId | null>(null);
  const followingRef = useRef(false);
  const confirmAnswer = useRef<((confirmed: boolean) => void) | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  /** Tells screen readers the localised text of `key`. */
  const announce = (key: string, ...args: (string | number)[]) =>
    update((current) => ({
      announcement: { message: localise(key, ...args), sequence: (current.announcement?.sequence ?? 0) + 1 },
    }));
  /** Replaces the banners of the given kinds by `added`. */
  const replaceBanners = (kinds: Banner["kind"][], ...added: Banner[]) =>
    update((current) => ({ banners: [...current.banners.filter((banner) => !kinds.includes(banner.kind)), ...added] }));
  const showError = (error: unknown) => {
    const journeyError = asJourneyError(error);
    replaceBanners(["error"], { kind: "error", error: journeyError });
    announce(journeyError.messageKey, ...journeyError.args);
  };
  /** After a failed read: unless unmounted meanwhile, applies `patch` and shows the error. */
  const failed = (patch: Partial<JourneyState>, error: unknown) => {
    if (!mounted.current) return;
    update(patch);
    showError(error);
  };

  /** The form's current values, else (no form, or it cannot be read) the snapshot's. */
  const readValues = (snapshot: JourneySnapshot): Promise<JourneyRecord> =>
    service.currentValues(snapshot).then(
      (current) => current.values,
      () => snapshot.record,
    );

  const loadSnapshot = async (): Promise<void> => {
    update({ loading: true });
    try {
      const snapshot = await service.load(recordId);
      const values = await readValues(snapshot);
      if (!mounted.current) return;
      update({ snapshot, values, loading: false });
      replaceBanners(["error"]);
      // Opened (or reloaded) while Going live / Stopping: follow it like after our own write.
      if (statusInfo(snapshot.status)?.transitional) void follow(snapshot.id, snapshot.status);
    } catch (error) {
      failed({ loading: false }, error);
    }
  };

  useEffect(() => {
    // Once per record (none before the journey is saved); later loads follow actions or the Reload button.
    if (recordId) void loadSnapshot();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per record and service; loadSnapshot is remade each render
  }, [recordId, service]);

  // A new stored result (the form was refreshed after a go-live, say) replaces what is shown.
  // (On mounting, this shows again the stored result the state starts with.)
  const storedRaw = props.storedValidationResults;
  useEffect(() => {
    const stored = storedReport(storedRaw);
    if (stored) update({ shown: stored });
  }, [storedRaw]);

  /** Shows the check's report; returns its findings' counts. */
  const showCheck = (outcome: CheckOutcome, origin: ReportOrigin = "form") => {
    const shown = shownReport(outcome.report, origin, props.now().toISOString());
    update({ shown });
    const unavailable = outcome.serverUnavailable;
    replaceBanners(
      ["serverUnavailable", "blocked"],
      ...(unavailable ? [{ kind: "serverUnavailable" as const, error: unavailable }] : []),
    );
    announce("live.checked", verdictText(shown, localise));
    return countBySeverity(shown.findings);
  };

  const ask = (request: ConfirmRequest): Promise<boolean> =>
    new Promise((resolve) => {
      confirmAnswer.current = resolve;
      update({ confirm: request });
    });

  /** Shows and announces a status the journey moved to. */
  const showStatus = (status: number) => {
    update((current) =>
      current.snapshot
        ? { snapshot: { ...current.snapshot, status, record: { ...current.snapshot.record, statuscode: status } } }
        : {},
    );
    announce("live.status", statusLabel(status, localise));
  };

  const follow = async (id: string, writtenStatus: number) => {
    if (followingRef.current) return;
    followingRef.current = true;
    update({ following: true });
    let lastStatus = writtenStatus;
    try {
      const settled = await service.waitUntilSettled(id, {
        onProgress: (status) => {
          if (!mounted.current || status === lastStatus) return;
          lastStatus = status;
          showStatus(status);
        },
      });
      if (!mounted.current) return;
      const values = await readValues(settled);
      if (settled.status !== lastStatus) showStatus(settled.status);
      update({ snapshot: settled, values, following: false });
    } catch (error) {
      failed({ following: false }, error);
    } finally {
      followingRef.current = false;
    }
  };

  const perform = async (action: JourneyAction, snapshot: JourneySnapshot) => {
    const name = snapshot.record.msdyncrm_name ?? "";
    if (action.confirm && !(await ask({ kind: action.confirm, args: [name] }))) return;
    switch (action.id) {
      case "check": {
        const current = await service.currentValues(snapshot);
        // The product's own findings at once; the server's check then replaces them with the whole report.
        update({
          values: current.values,
          shown: shownReport(runLocalChecks(current.values), "checking", null),
        });
        showCheck(await service.check(current.values), current.fromForm ? "form" : "saved");
        return;
      }
      case "copy": {
        // The template itself, "Copy of {0}": the service fills in the name (localise would empty the placeholder).
        const copied = await service.copy(snapshot, props.getString("copy.nameTemplate"));
        announce("live.copied");
        props.openJourney(copied.id);
        return;
      }
      case "delete": {
        await service.delete(snapshot);
        update({ deleted: true });
        replaceBanners([], { kind: "deleted" });
        announce("live.deleted");
        return;
      }
      default:
        break;
    }
    const outcome = await service.transition(snapshot, action.id, {
      confirmWarnings: (check) =>
        ask({
          kind: check.serverUnavailable ? "serverUnavailable" : "warnings",
          args: [showCheck(check).Warning],
        }),
    });
    if (!outcome.done) {
      const counts = showCheck(outcome.check);
      if (outcome.reason === "checkErrors") {
        const errorCount = counts.Error;
        replaceBanners(["blocked"], { kind: "blocked", errorCount });
        announce("live.blocked", errorCount);
      }
      return;
    }
    if (outcome.check) showCheck(outcome.check);
    const status = outcome.status;
    showStatus(status);
    if (statusInfo(status)?.transitional) {
      void follow(snapshot.id, status);
    } else {
      await loadSnapshot();
    }
  };

  const run = (action: JourneyAction) => {
    const snapshot = state.snapshot;
    if (runningRef.current !== null || !snapshot || state.deleted) return;
    runningRef.current = action.id;
    update({ running: action.id });
    perform(action, snapshot)
      .catch(showError)
      .finally(() => {
        runningRef.current = null;
        if (mounted.current) update({ running: undefined, confirm: undefined });
      });
  };

  const answerConfirm = (confirmed: boolean) => {
    const answer = confirmAnswer.current;
    confirmAnswer.current = null;
    update({ confirm: undefined });
    answer?.(confirmed);
  };

  const fitEndDate = async () => {
    const bridge = await props.findBridge();
    const snapshot = state.snapshot;
    if (!bridge || !snapshot) throw new Error(localise("recurrence.noForm"));
    const current = recurrenceFromRecord(await readValues(snapshot));
    // Fixed on the form meanwhile: nothing to write, the preview only catches up.
    if (!recurrenceFits(current)) {
      const isoEnd = earliestFittingEnd(current);
      if (!isoEnd) throw new Error(localise("recurrence.noFittingEnd"));
      await bridge.setValue("msdyncrm_enddatetime", new Date(isoEnd));
      announce("live.endDateSet", props.formatDateTime(isoEnd));
    }
    const values = await readValues(snapshot);
    if (mounted.current) update({ values });
  };

  return {
    ...state,
    run,
    answerConfirm,
    reload: () => void loadSnapshot(),
    dismissBanner: (banner) => update((current) => ({ banners: current.banners.filter((b) => b !== banner) })),
    fitEndDate,
  };
}
