import type { ConnectedFormBridge, FormEvent } from "../bridge/formBridgeTypes";
import {
  JOURNEY_ENTITY,
  type CheckOutcome,
  type JourneyService,
  type JourneySnapshot,
} from "../dataverse/journeyService";
import { JourneyError, isJourneyError } from "../dataverse/journeyError";
import type { JourneyAction, JourneyActionId } from "../journey/journeyActions";
import { earliestFittingEnd, recurrenceFits, recurrenceFromRecord } from "../journey/recurrence";
import { runLocalChecks } from "../journey/localChecks";
import { statusInfo } from "../journey/statusModel";
import { describeFault } from "../journey/faultCatalogue";
import { countBySeverity, type Finding } from "../journey/findings";
import { referencedRecords } from "../journey/recordReferences";
import type { JourneyRecord } from "../journey/types";
import { parseDefinition } from "../journey/workflowDefinition";
import type { ConfirmAnswer, ConfirmKind, ConfirmRequest } from "./ConfirmDialog";
import type { JourneyControlProps } from "./journeyControlProps";
import type { LookUpNames } from "../dataverse/recordNames";
import {
  actionEnded,
  actionStarted,
  announced,
  bannerDismissed,
  blocked,
  checked,
  checkStarted,
  confirmAnswered,
  confirmAsked,
  deleted,
  failed,
  followStarted,
  initialJourneyState,
  journeyReducer,
  loaded,
  loadStarted,
  namesFound,
  serverBusyChanged,
  settled,
  statusMoved,
  storedResultChanged,
  valuesRead,
  type Banner,
  type JourneyEvent,
  type JourneyState,
} from "./journeyState";
import { verdictText } from "./reportText";
import { shownReport, type CheckNotRun, type ReportOrigin, type ShownReport } from "./validationGroups";
import { statusLabel, type Localise } from "./strings";
import { useEffect, useReducer, useRef } from "./platform";

export interface JourneyController extends JourneyState {
  run(action: JourneyAction): void;
  /** Answers the question the running action asked. */
  answer(answer: ConfirmAnswer): void;
  reload(): void;
  dismiss(banner: Banner): void;
  /** A journey not processed: one read of its status, then decides again (settled, still not processed, or follows it). */
  checkAgain(): void;
  /**
   * Writes on the form the earliest end date its recurrence fits, worked out from the form's values at
   * the click (the interval or the count may have changed since the preview was drawn), then re-reads them;
   * gives the date written, or null when the end already fitted.
   */
  fitEnd(): Promise<string | null>;
}

/** The form's own check ran, but could not reach the server's. */
const FORM_CHECK_NOT_RUN: CheckNotRun = { kind: "form", args: [] };

/** The local checks re-run at most this long after the form's last "changed" event. */
const CHANGE_SETTLE_MS = 150;

type Dispatch = (event: JourneyEvent) => void;
/** False once the control has unmounted: late answers then change nothing. */
type Mounted = { readonly current: boolean };
/** Shows a failure as an error banner and tells screen readers; `ended` is what the failed operation was doing. */
type Fail = (error: unknown, ended?: "loading" | "following") => void;
/** The form's current values, else (no form, or it cannot be read) the snapshot's. */
type ReadValues = (snapshot: JourneySnapshot) => Promise<JourneyRecord>;
/** Shows and announces a status the journey moved to. */
type ShowStatus = (status: number) => void;
/** Follows from `shownStatus`; `readFirst` (Check again) reads before deciding, not from the journey as loaded. */
type Follow = (id: string, shownStatus: number, readFirst?: boolean) => Promise<void>;
/** Shows a check's report and announces its verdict; gives its findings. */
type ShowCheck = (outcome: CheckOutcome, origin?: ReportOrigin, notRun?: CheckNotRun) => readonly Finding[];
type FindBridge = () => Promise<ConnectedFormBridge | null>;

function asJourneyError(error: unknown): JourneyError {
  if (isJourneyError(error)) return error;
  return new JourneyError("server", "banner.unexpected", {
    detail: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Keeps the journey up to date: gives [load, follow]. It loads once per record (none before it is saved),
 * load again serving Reload and the actions; follow follows a Going live / Stopping status until it
 * settles or is found not processed (`notProcessed` says so; one follow at a time), showing each status read.
 */
function useReading(
  service: JourneyService,
  recordId: string,
  dispatch: Dispatch,
  mounted: Mounted,
  fail: Fail,
  readValues: ReadValues,
  showStatus: ShowStatus,
  /** What the control says when the journey is not processed (the follow ended still Going live / Stopping). */
  notProcessed: (snapshot: JourneySnapshot) => string,
): [load: () => Promise<void>, follow: Follow] {
  const following = useRef(false);
  const follow: Follow = async (id, shownStatus, readFirst) => {
    if (following.current) return;
    following.current = true;
    dispatch(followStarted);
    let lastStatus = shownStatus;
    try {
      const final = await service.waitUntilSettled(id, {
        readFirst,
        onProgress: (status) => {
          if (!mounted.current || status === lastStatus) return;
          lastStatus = status;
          showStatus(status);
        },
      });
      if (!mounted.current) return;
      const values = await readValues(final);
      if (final.status !== lastStatus) showStatus(final.status);
      dispatch(settled(final, values, notProcessed(final)));
    } catch (error) {
      fail(error, "following");
    } finally {
      following.current = false;
    }
  };

  const load = async () => {
    dispatch(loadStarted);
    try {
      const snapshot = await service.load(recordId);
      const values = await readValues(snapshot);
      if (!mounted.current) return;
      dispatch(loaded(snapshot, values));
      // Opened (or reloaded) while Going live / Stopping: follow it like after our own write.
      if (statusInfo(snapshot.status)?.transitional) void follow(snapshot.id, snapshot.status);
    } catch (error) {
      fail(error, "loading");
    }
  };
  useEffect(() => {
    if (recordId) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per record and service; load is remade each render
  }, [recordId, service]);
  return [load, follow];
}

/** The user's actions, one at a time, each asking first where it must; gives [run, answerConfirm]. */
function useActions(
  props: JourneyControlProps,
  localise: Localise,
  state: JourneyState,
  dispatch: Dispatch,
  mounted: Mounted,
  fail: Fail,
  showStatus: ShowStatus,
  showCheck: ShowCheck,
  follow: Follow,
  load: () => Promise<void>,
  findBridge: FindBridge,
): [run: (action: JourneyAction) => void, answerConfirm: (answer: ConfirmAnswer) => void] {
  const { service } = props;
  // A ref, not state: a second click arrives before React has re-rendered the disabled buttons.
  const running = useRef<JourneyActionId | null>(null);
  const confirmAnswer = useRef<((answer: ConfirmAnswer) => void) | null>(null);

  const ask = (confirm: ConfirmRequest): Promise<ConfirmAnswer> =>
    new Promise((resolve) => {
      confirmAnswer.current = resolve;
      dispatch(confirmAsked(confirm));
    });

  const transition = async (actionId: JourneyActionId, snapshot: JourneySnapshot) => {
    const outcome = await service.transition(snapshot, actionId, {
      confirmWarnings: async (check) => {
        const warnings = showCheck(check).filter(({ entry }) => entry.severity === "Warning");
        const answer = await ask({
          kind: check.serverUnavailable ? "serviceMissing" : "warnings",
          args: [warnings.length],
          items: warnings.map(({ entry }) => describeFault(entry, localise).message),
        });
        return answer === "confirm";
      },
    });
    if (!outcome.done) {
      const errorCount = countBySeverity(showCheck(outcome.check)).Error;
      if (outcome.reason === "checkErrors") dispatch(blocked(errorCount, localise("live.blocked", errorCount)));
      return;
    }
    if (outcome.check) showCheck(outcome.check);
    showStatus(outcome.status);
    if (statusInfo(outcome.status)?.transitional) void follow(snapshot.id, outcome.status);
    else await load();
  };

  const perform = async (action: JourneyAction, snapshot: JourneySnapshot) => {
    const askAbout = (kind: ConfirmKind) => ask({ kind, args: [snapshot.record.msdyncrm_name ?? ""] });
    /** Copy and Cancel edit ask what becomes of unsaved changes on the form (the other actions save them first); undefined: there are none. */
    const askIfUnsaved = async (kind: ConfirmKind) =>
      (await service.currentValues(snapshot)).isDirty ? askAbout(kind) : undefined;
    if (action.confirm && (await askAbout(action.confirm)) !== "confirm") return;
    if (action.id === "check") {
      const current = await service.currentValues(snapshot);
      // The product's own findings at once; the server's check then replaces them with the whole report.
      const shown = shownReport(runLocalChecks(current.values, props.now), "checking", null);
      dispatch(checkStarted(current.values, shown));
      showCheck(await service.check(current.values), current.fromForm ? "form" : "saved");
    } else if (action.id === "copy") {
      const answer = await askIfUnsaved("copyUnsaved");
      if (answer === "cancel") return;
      // "Save and copy": the form's save (with its checks) first, so the copy is made of what was typed.
      if (answer === "confirm") await service.saveForm();
      // The template itself, "Copy of {0}": the service fills in the name (localise would empty the placeholder).
      const copied = await service.copy(snapshot, props.getString("copy.nameTemplate"));
      dispatch(announced(localise("live.copied")));
      props.openRecord(JOURNEY_ENTITY, copied.id);
    } else if (action.id === "delete") {
      await service.delete(snapshot);
      dispatch(deleted(localise("live.deleted")));
      // Nothing is left to do on this form: back to the journeys list.
      props.openJourneyList();
    } else {
      if (action.id === "cancelEdit") {
        const answer = await askIfUnsaved("cancelEditUnsaved");
        if (answer === "cancel") return;
        // "Discard and cancel edit": the form reloads what is saved, so nothing unsaved is left to lose.
        if (answer) await (await findBridge())?.refresh(true);
      }
      await transition(action.id, snapshot);
    }
  };
  const run = (action: JourneyAction) => {
    const snapshot = state.snapshot;
    if (running.current !== null || !snapshot || state.deleted) return;
    running.current = action.id;
    dispatch(actionStarted(action.id));
    perform(action, snapshot)
      .catch(fail)
      .finally(() => {
        running.current = null;
        if (mounted.current) dispatch(actionEnded);
      });
  };

  const answerConfirm = (answer: ConfirmAnswer) => {
    const answered = confirmAnswer.current;
    confirmAnswer.current = null;
    dispatch(confirmAnswered);
    answered?.(answer);
  };

  return [run, answerConfirm];
}

/**
 * Follows the form: subscribes to its events once the bridge is found, and again on a later find when the
 * form script answered only after the first (or the connection was made anew); unsubscribes on unmount.
 * Gives the find that subscribes.
 */
function useFormEvents(findBridge: FindBridge, mounted: Mounted, onEvent: { current: (event: FormEvent) => void }) {
  const subscription = useRef<{ bridge: ConnectedFormBridge; unsubscribe(): void } | null>(null);
  const find: FindBridge = async () => {
    const bridge = await findBridge();
    if (bridge && mounted.current && subscription.current?.bridge !== bridge) {
      subscription.current?.unsubscribe();
      subscription.current = { bridge, unsubscribe: bridge.onFormEvent((event) => onEvent.current(event)) };
    }
    return bridge;
  };
  useEffect(() => {
    find().catch(() => null);
    return () => {
      subscription.current?.unsubscribe();
      subscription.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribes once; find is remade each render
  }, []);
  return find;
}

/**
 * Looks up the names of the records the shown findings and the tiles refer to: afresh for each check result
 * (stored, or the server's: a segment may have been renamed since), else only for records not asked yet.
 */
function useRecordNames(lookUpNames: LookUpNames, state: JourneyState, dispatch: Dispatch, mounted: Mounted) {
  const { shown, names } = state;
  const definitionText = state.values?.msdyncrm_workflowdefinition;
  const lastResult = useRef<ShownReport | null>(null);
  const lookups = useRef(0);
  useEffect(() => {
    const fresh = shown !== lastResult.current && shown?.origin !== "local" && shown?.origin !== "checking";
    if (fresh) lastResult.current = shown;
    const records = referencedRecords(shown?.report.entries ?? [], parseDefinition(definitionText));
    if (!fresh && records.every((record) => names?.has(record.id))) return;
    const lookup = ++lookups.current;
    void lookUpNames(records, fresh).then((found) => {
      if (mounted.current && lookup === lookups.current) dispatch(namesFound(found));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asks when the findings or the tiles change, not when names arrive
  }, [shown, definitionText]);
}

/** The journey's state and what the user can do with it; `localise` gives the words it announces and shows. */
export function useJourney(props: JourneyControlProps, localise: Localise): JourneyController {
  const { service, recordId, storedValidationResults } = props;
  const [state, dispatch] = useReducer(journeyReducer, undefined, () =>
    initialJourneyState(recordId, storedValidationResults),
  );
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const fail: Fail = (error, ended) => {
    if (!mounted.current) return;
    const journeyError = asJourneyError(error);
    dispatch(failed(journeyError, localise(journeyError.messageKey, ...journeyError.args), ended));
  };
  const onFormEvent = useRef<(event: FormEvent) => void>(() => undefined);
  const findBridge = useFormEvents(props.findBridge, mounted, onFormEvent);
  const readValues: ReadValues = (snapshot) => {
    // Each read is a chance to subscribe when the form script answered late.
    findBridge().catch(() => null);
    return service.currentValues(snapshot).then(
      (current) => current.values,
      () => snapshot.record,
    );
  };
  const showStatus: ShowStatus = (status) =>
    dispatch(statusMoved(status, localise("live.status", statusLabel(status, localise))));

  const notProcessed = (snapshot: JourneySnapshot) =>
    localise("banner.notProcessed", props.formatDateTime(snapshot.modifiedOn));
  const [load, follow] = useReading(service, recordId, dispatch, mounted, fail, readValues, showStatus, notProcessed);
  // A new stored result (the form was refreshed after a go-live, say) replaces what is shown.
  // (On mounting, this shows again the stored result the state starts with.)
  useEffect(() => dispatch(storedResultChanged(storedValidationResults)), [storedValidationResults]);
  // Unsubscribes on unmounting: a late report then changes nothing.
  useEffect(() => service.onServerBusy((busy) => dispatch(serverBusyChanged(busy))), [service]);
  const changeTimer = useRef<ReturnType<typeof setTimeout>>();
  /** Counts the reports shown: typed values' own checks that began before the latest one are stale. */
  const reportsShown = useRef(0);
  useEffect(() => () => clearTimeout(changeTimer.current), []);
  const showCheck: ShowCheck = (outcome, origin = "form", notRun) => {
    clearTimeout(changeTimer.current);
    reportsShown.current += 1;
    const shown = shownReport(outcome.report, origin, props.now().toISOString(), outcome.serverUnavailable ?? notRun);
    const message = localise("live.checked", verdictText(shown, localise));
    dispatch(checked(shown, message, outcome.serverUnavailable));
    return shown.findings;
  };
  useRecordNames(props.lookUpNames, state, dispatch, mounted);
  const [run, answerConfirm] = useActions(
    props,
    localise,
    state,
    dispatch,
    mounted,
    fail,
    showStatus,
    showCheck,
    follow,
    load,
    findBridge,
  );

  const latest = useRef(state);
  latest.current = state;
  /** The form's values changed: the product's own checks on them, marked as not yet checked by the server. */
  const checkTypedValues = async () => {
    const snapshot = latest.current.snapshot;
    if (!snapshot) return;
    const shownBefore = reportsShown.current;
    const values = await readValues(snapshot);
    if (mounted.current && shownBefore === reportsShown.current)
      dispatch(checkStarted(values, shownReport(runLocalChecks(values, props.now), "local", null)));
  };
  onFormEvent.current = (event) => {
    if (event.kind === "changed") {
      clearTimeout(changeTimer.current);
      changeTimer.current = setTimeout(() => void checkTypedValues(), CHANGE_SETTLE_MS);
    } else if (event.kind === "checked") {
      showCheck({ report: event.report }, "form", event.serverChecked ? undefined : FORM_CHECK_NOT_RUN);
    } else if (!latest.current.running && !latest.current.following) {
      // Saved, status moved or a status command on the form: the row as it now is (an action of the
      // control's own, or a follow, reads it when it ends). The snapshot is then the new row, so the
      // user's own form saves never look like someone else's change.
      void load();
    }
  };

  const fitEndDate = async () => {
    const bridge = await findBridge();
    const snapshot = state.snapshot;
    if (!bridge || !snapshot) throw new Error(localise("recurrence.noForm"));
    const current = recurrenceFromRecord(await readValues(snapshot));
    // Fixed on the form meanwhile: nothing to write, the preview only catches up.
    const fits = recurrenceFits(current);
    const isoEnd = fits ? null : earliestFittingEnd(current);
    if (!fits && !isoEnd) throw new Error(localise("recurrence.noFittingEnd"));
    if (isoEnd) {
      await bridge.setValue("msdyncrm_enddatetime", new Date(isoEnd));
      dispatch(announced(localise("live.endDateSet", props.formatDateTime(isoEnd))));
    }
    const values = await readValues(snapshot);
    if (mounted.current) dispatch(valuesRead(values));
    return isoEnd;
  };

  return {
    ...state,
    run,
    answer: answerConfirm,
    reload: load,
    dismiss: (banner) => dispatch(bannerDismissed(banner)),
    // The status is said again as it is read.
    checkAgain: () => void follow(recordId, 0, true),
    fitEnd: fitEndDate,
  };
}
