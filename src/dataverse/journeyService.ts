import type { FormBridge } from "../bridge/formBridgeTypes";
import { allowedAction, type JourneyActionId } from "../journey/journeyActions";
import { runLocalChecks } from "../journey/localChecks";
import { canTransition, NOT_PROCESSED_AFTER_MS, statusInfo } from "../journey/statusModel";
import { JourneyStatus, type JourneyRecord, type JourneyStatusCode, type ValidationReport } from "../journey/types";
import { checkedValuesKey, GUID } from "../journey/validateRequest";
import { mergeReports } from "../journey/validationResult";
import { fillPlaceholders } from "../journey/faultCatalogue";
import { CONTENT_COLUMNS, isConflict, sameVersion, type RowVersion, type SeenValues } from "./journeyConflict";
import { JourneyError, failure, type JourneyErrorKind } from "./journeyError";
import { REAL_TIMING, retryAfterMs, withRetries, type RetryTiming } from "./retryPolicy";
import { READ_TIMEOUT_MS, seconds, withinTime } from "./requestTimeout";
import { singleFlight } from "./singleFlight";
import { askValidateAction } from "./validateAction";
import { failureDetail, toJourneyError, type RequestPurpose } from "./webApiErrors";
import type { WebApiPort } from "./webApiPort";

/** A journey as loaded: the saved values plus what the conflict check compares against. */
export interface JourneySnapshot {
  record: JourneyRecord;
  /** Lower-case id without braces. */
  id: string;
  status: number;
  /** The row version (`@odata.etag`); the conflict check compares it when both sides have one. */
  etag?: string;
  /** ISO text as the server gave it; the conflict check compares it when there is no ETag. */
  modifiedOn: string | null;
  /** Formatted value of modifiedby (the user's name), when the server gave it. */
  modifiedByName?: string;
}

export interface CheckOutcome {
  /** Local and server findings merged, verdict the worst; the local findings alone when the server check could not run. */
  report: ValidationReport;
  /** Why the server check did not run; kind "actionMissing" means the org lacks the validate action. */
  serverUnavailable?: JourneyError;
}

export interface TransitionOptions {
  /**
   * Asked when the check found warnings but no errors, or when the server check is missing from
   * the org (only local checks ran); resolve true to go on. Absent: the transition is not made.
   */
  confirmWarnings?: (outcome: CheckOutcome) => Promise<boolean>;
}

export type TransitionOutcome =
  /** The status was written; `check` is set when the action ran the check first. */
  | { done: true; status: JourneyStatusCode; check?: CheckOutcome }
  /** The check found errors, or the user declined the warnings; nothing was written. */
  | { done: false; reason: "checkErrors" | "warningsDeclined"; check: CheckOutcome };

export interface SettleOptions {
  /** Called with every status read while waiting. */
  onProgress?: (status: number) => void;
  /** Reads first ("Check again", after the shortest interval) instead of deciding from the journey as this service last saw it. */
  readFirst?: boolean;
}

/**
 * "Server busy, trying again": a throttled request waits `retryInMs` before its next try; `messageKey` and `args`
 * say so (the seconds as a number, so that the text takes the count's plural form).
 */
export interface ServerBusy {
  messageKey: string;
  args: [seconds: number];
  retryInMs: number;
}

export interface CurrentValues {
  values: JourneyRecord;
  isDirty: boolean;
  /** True when the values came from the form (bridge), false when from the snapshot. */
  fromForm: boolean;
}

export interface JourneyServiceDeps {
  webApi: WebApiPort;
  /**
   * Finds the form bridge (e.g. () => connectFormBridge(id)); null/absent: no form, the snapshot's
   * values are used. Asked at each need: the finder keeps what it found (src/bridge/formBridgeFinder).
   */
  bridge?: () => Promise<FormBridge | null>;
  now?: () => Date;
  /** How the service waits between tries and polls, and the jitter of its back-off; real time by default. */
  timing?: RetryTiming;
}

export const JOURNEY_ENTITY = "msdyncrm_customerjourney";

/** The journey's entity set (the Web API path the If-Match writes use): Dataverse's plural, the name plus "s". */
const JOURNEY_SET = `${JOURNEY_ENTITY}s`;

/** The form was saved, then the row changed (or the status write was refused): the status was not written. */
const CONFLICT_AFTER_SAVE = "error.conflictAfterSave";

const DESIGNER_STATE = "msdyncrm_customerjourneydesignerstate";

/** The columns a snapshot holds: what the header, the checks, the conflict check and a copy need. */
export const SNAPSHOT_COLUMNS: readonly (keyof JourneyRecord)[] = [
  "msdyncrm_customerjourneyid",
  "statuscode",
  "statecode",
  ...CONTENT_COLUMNS,
  DESIGNER_STATE,
  "msdyncrm_validationresults",
  "_modifiedby_value",
  "modifiedon",
];

/** The row's version (the ETag comes with every row) and status: what a light read asks for. */
const VERSION_COLUMNS = "statuscode,versionnumber,modifiedon";

const SNAPSHOT_SELECT = `?$select=${SNAPSHOT_COLUMNS.join(",")},versionnumber`;

/** The conflict re-read asks for the version first… */
const VERSION_SELECT = `?$select=${VERSION_COLUMNS}`;
/** …and for the content the user acts on only when the version moved since the snapshot. */
const CONTENT_SELECT = `?$select=${VERSION_COLUMNS},${CONTENT_COLUMNS.join(",")}`;
/** Polling asks for the status alone… */
const POLL_SELECT = "?$select=statuscode,statecode,modifiedon";
/** …and, once it settled, for what the service changed with it (the check's stored result, who changed it). */
const SETTLED_SELECT = `${POLL_SELECT},versionnumber,msdyncrm_validationresults,_modifiedby_value`;

const MODIFIED_BY_NAME = "_modifiedby_value@OData.Community.Display.V1.FormattedValue";

/** Columns a copy takes over as they are: the content but its name and lookups (bound apart), and the design. */
const COPIED_COLUMNS: readonly (keyof JourneyRecord)[] = [
  ...CONTENT_COLUMNS.filter((column) => column !== "msdyncrm_name" && !column.startsWith("_")),
  DESIGNER_STATE,
];

/** The lookups a copy binds: the column read, the navigation property it is bound through, and its entity set. */
const LOOKUP_BINDS = [
  ["_msdyncrm_contentsettingsid_value", "msdyncrm_contentsettingsId", "msdyncrm_contentsettingss"],
  ["_msdyncrm_suppressionsegmentid_value", "msdyncrm_SuppressionSegmentId", "msdyncrm_segments"],
] as const;

/**
 * A server check of exactly the same values is reused by a go-live this long after it ran, so
 * "Check for errors" then "Go live" costs two requests, not three. Safe because the marketing
 * service checks the journey once more itself when it is saved as Going live.
 */
export const CHECK_REUSE_MS = 120_000;
export { NOT_PROCESSED_AFTER_MS };
/** A go-live checks the form's values at most this many times while they keep changing under the check. */
export const MAX_CHECK_ROUNDS = 3;
/** Polling: never more often than this… */
export const MIN_POLL_INTERVAL_MS = 2_000;
/** …growing by half each time up to this. */
const MAX_POLL_INTERVAL_MS = 10_000;

/** Lower-case id without braces; else rejects as `kind` (an id the user gave: notFound; one the server gave: malformed). */
function bareId(value: string, kind: "notFound" | "malformed"): string {
  const match = GUID.exec(value.trim());
  if (!match) throw failure(kind, { detail: `not a record id: ${value}` });
  return match[1].toLowerCase();
}

function readRowVersion(row: Record<string, unknown> | null | undefined): RowVersion {
  // A row that is no object has no statuscode either.
  if (typeof row?.statuscode !== "number") throw failure("malformed", { detail: "no statuscode" });
  const version: RowVersion = {
    status: row.statuscode,
    modifiedOn: typeof row.modifiedon === "string" ? row.modifiedon : null,
  };
  // Dataverse's ETag is the row's versionnumber, W/"<versionnumber>": the same when only that was given.
  const etag = row["@odata.etag"] ?? (row.versionnumber == null ? undefined : `W/"${row.versionnumber}"`);
  if (typeof etag === "string" && etag) version.etag = etag;
  return version;
}

function refusedAction(actionId: JourneyActionId, status: number): JourneyError {
  return new JourneyError("refused", "error.actionNotAllowed", { detail: `${actionId} from ${status}` });
}

/**
 * Loads, checks, moves, copies and deletes a customer journey over the Web API.
 * Every failure rejects with a JourneyError; a failed write leaves the journey as it was.
 *
 * Requests (polling aside): load 1; check 1; go live / republish / retry / restart 2 when a passing
 * check of the same values ran within CHECK_REUSE_MS (re-read + PATCH), else 3 (check + re-read + PATCH);
 * stop / edit / cancel edit 2; copy 2 (read + POST); delete 2 (re-read + DELETE); unsaved form changes add
 * the form's save and one read after it. The status write and the delete carry the re-read's ETag (If-Match)
 * where the port can send it. Throttled requests are retried.
 */
export interface JourneyService {
  /** One request: the needed columns, the ETag and modifiedby's formatted value. */
  load(id: string): Promise<JourneySnapshot>;
  /** The form's current (possibly unsaved) values via the bridge, else the snapshot's. */
  currentValues(snapshot: JourneySnapshot): Promise<CurrentValues>;
  /** Saves the form through the bridge (Copy's "Save and copy"); rejects with "error.saveFailed" when it did not save. */
  saveForm(): Promise<void>;
  /**
   * Local checks, then the validate action (one request). Never rejects for a server failure: the
   * outcome then holds the local report and `serverUnavailable` says why.
   */
  check(values: JourneyRecord): Promise<CheckOutcome>;
  /**
   * Runs an action that writes a status (goLive, stop, edit, republish, cancelEdit, retry, restart). A write
   * lost on the way (network) or refused as a conflict is followed by one read of the status: when it changed,
   * the outcome is done with the status read.
   */
  transition(
    snapshot: JourneySnapshot,
    actionId: JourneyActionId,
    options?: TransitionOptions,
  ): Promise<TransitionOutcome>;
  /**
   * After Going live / Stopping: reads the journey's status (at most one request per 2 s, the interval
   * growing by half up to 10 s) until the service has moved it on, then, 2 s later, what the service changed
   * with it (the whole journey when this service has not loaded it), then refreshes the form. Resolves with
   * the journey still Going live / Stopping when it has not changed for NOT_PROCESSED_AFTER_MS (not
   * processed; at once, without a read, for a journey loaded so, unless `readFirst`), and reads no more.
   * A failed poll is skipped (throttled, server error, network, timeout, unreadable answer), but a 401, 403
   * or 404 ends the follow with a message that says the status change was made; a status write of this
   * service that the first poll does not show rejects with "notApplied"; polls failing until the decision
   * reject with "followUnreadable".
   */
  waitUntilSettled(id: string, options?: SettleOptions): Promise<JourneySnapshot>;
  /**
   * Two requests (a fresh read, the create): a new Draft with the journey's values as saved now, its
   * lookups bound, named from `nameTemplate` (the localised "Copy of {0}"). The caller opens it (Xrm.Navigation.openForm).
   */
  copy(snapshot: JourneySnapshot, nameTemplate: string): Promise<{ id: string }>;
  /** Two requests (re-read, delete) where the status allows it; the UI confirms first. */
  delete(snapshot: JourneySnapshot): Promise<void>;
  /**
   * Calls `listener` while the server is throttling: with what to show each time a request waits to try
   * again (the org's Retry-After, else the service's own jittered back-off), with null once it has ended.
   * Returns the unsubscribe.
   */
  onServerBusy(listener: (busy: ServerBusy | null) => void): () => void;
  /** One request of the caller's (the journeys view's results write), retried and told to onServerBusy as the service's own. */
  request<T>(purpose: RequestPurpose, call: () => Promise<T>): Promise<T>;
}

/** The journey service; its operations are closures over its state, which the minifier can rename. */
export function createJourneyService(deps: JourneyServiceDeps): JourneyService {
  const { webApi } = deps;
  const writes = singleFlight();
  const now = (): number => (deps.now?.() ?? new Date()).getTime();
  const { sleep, random } = deps.timing ?? REAL_TIMING;
  const { tellBusy, onServerBusy } = busyNotifier();
  /** Retries wait through here, so the user sees "server busy, trying again" while they do. */
  const timing: RetryTiming = {
    sleep: (ms) => {
      tellBusy(ms);
      return sleep(ms);
    },
    random,
  };
  /** A request with its retries, after which the busy notice (if any) ends. */
  const untilDone = <T>(retried: Promise<T>): Promise<T> => retried.finally(() => tellBusy(null));
  const request = <T>(purpose: RequestPurpose, call: () => Promise<T>): Promise<T> =>
    untilDone(withRetries(purpose, call, timing));
  const readRow = (id: string, options: string) =>
    request("read", () => webApi.retrieveRecord(JOURNEY_ENTITY, id, options));
  /** Runs one write on the journey (one at a time; the same one asked again joins the running one). */
  const write = <T>(snapshot: JourneySnapshot, operation: string, run: () => Promise<T>): Promise<T> =>
    writes(`${snapshot.id}:${operation}`, run);
  const form = formAccess(deps.bridge);
  const memory: ServiceMemory = { lastCheck: null, lastWrite: null, known: null };

  /** With the row version when there is one and the host can send it (If-Match), else unconditionally. */
  const writeStatus = (id: string, statuscode: number, etag: string | undefined) =>
    request("write", () =>
      etag && webApi.ifMatch
        ? webApi.ifMatch.updateRecord(JOURNEY_SET, id, { statuscode }, etag)
        : webApi.updateRecord(JOURNEY_ENTITY, id, { statuscode }),
    );

  const service: JourneyService = {
    load: async (id) => {
      const recordId = bareId(id, "notFound");
      const row = await readRow(recordId, SNAPSHOT_SELECT);
      return (memory.known = snapshotFromRow(row, recordId));
    },

    currentValues: form.values,
    saveForm: form.save,

    check: async (values) => {
      const local = runLocalChecks(values, deps.now);
      try {
        const server = await untilDone(askValidateAction(webApi, values, timing));
        const outcome: CheckOutcome = { report: mergeReports(local, server) };
        memory.lastCheck = { key: checkedValuesKey(values), at: now(), outcome };
        return outcome;
      } catch (error) {
        return { report: local, serverUnavailable: toJourneyError(error, "validate") };
      }
    },

    transition: (snapshot, actionId, options = {}) =>
      write(snapshot, actionId, () =>
        runTransition(service.check, form, readRow, writeStatus, memory, now, snapshot, actionId, options),
      ),

    waitUntilSettled: async (id, options = {}) => {
      const recordId = bareId(id, "notFound");
      const known = memory.known?.id === recordId ? memory.known : undefined;
      const written = memory.lastWrite?.id === recordId ? memory.lastWrite.status : undefined;
      memory.lastWrite = null;
      let result: JourneySnapshot | undefined;
      try {
        const poll = poller(webApi, recordId, known);
        return (result = await pollUntilSettled(poll, sleep, tellBusy, now, options, known, written));
      } finally {
        tellBusy(null);
        // The form shows the status as it is now: settled, or back where it was when the write did not take
        // effect. A journey not processed is as the form shows it.
        if (!statusInfo(result?.status)?.transitional) await form.refresh();
      }
    },

    copy: (snapshot, nameTemplate) =>
      write(snapshot, "copy", async () => {
        // What is saved now: the form may have been saved since the snapshot was loaded.
        const { record } = await service.load(snapshot.id);
        const created = await request("create", () =>
          webApi.createRecord(JOURNEY_ENTITY, copyBody(record, nameTemplate)),
        );
        return { id: bareId(String(created?.id), "malformed") };
      }),

    onServerBusy,
    request,

    delete: (snapshot) =>
      write(snapshot, "delete", async () => {
        if (!allowedAction(snapshot.status, "delete")) throw refusedAction("delete", snapshot.status);
        const etag = await refuseIfChanged(readRow, snapshot, { values: snapshot.record, isDirty: false });
        await request("delete", () =>
          etag && webApi.ifMatch
            ? webApi.ifMatch.deleteRecord(JOURNEY_SET, snapshot.id, etag)
            : webApi.deleteRecord(JOURNEY_ENTITY, snapshot.id),
        );
      }),
  };
  return service;
}

/** Who is told that the server is busy: the "server busy, trying again" state of the service. */
function busyNotifier() {
  const listeners = new Set<(busy: ServerBusy | null) => void>();
  let busy: ServerBusy | null = null;
  return {
    /** Tells the listeners a throttled request waits `retryInMs` before trying again; null: it has ended (once). */
    tellBusy: (retryInMs: number | null) => {
      if (retryInMs === null && !busy) return;
      busy =
        retryInMs === null
          ? null
          : { messageKey: "progress.serverBusy", args: [Number(seconds(retryInMs))], retryInMs };
      for (const listener of listeners) listener(busy);
    },
    onServerBusy: (listener: (busy: ServerBusy | null) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Refuses with "conflict" when someone else changed the journey since the snapshot was loaded; else
 * resolves with the row's ETag, which the write then sends as If-Match. One light request (the version)
 * while the row is as loaded; its content is read too when it was saved since, and at once `afterSave`.
 */
async function refuseIfChanged(
  readRow: (id: string, options: string) => Promise<Record<string, unknown>>,
  snapshot: JourneySnapshot,
  seen: SeenValues,
  afterSave = false,
): Promise<string | undefined> {
  // Right after the form's save the version has moved for sure, so the content is read at once.
  let row = afterSave ? {} : await readRow(snapshot.id, VERSION_SELECT);
  let fresh = afterSave ? undefined : readRowVersion(row);
  // Saved since the snapshot: the content tells the user's own save from someone else's change.
  if (!fresh || (fresh.status === snapshot.status && !sameVersion(snapshot, fresh))) {
    row = await readRow(snapshot.id, CONTENT_SELECT);
    fresh = readRowVersion(row);
  }
  if (isConflict(snapshot, fresh, row, seen))
    throw afterSave ? new JourneyError("conflict", CONFLICT_AFTER_SAVE) : failure("conflict");
  return fresh.etag;
}

/**
 * Checks the values the form holds (`check`), then reads them again (`reread`): the user may have typed
 * while the check ran (or while the warnings were asked about). A change to a column the check uses checks
 * the new values, at most MAX_CHECK_ROUNDS times, so what goes live is what was checked. Resolves with the
 * values checked and the check, or with the refusal after a check.
 */
async function checkSteadyValues(
  check: (values: JourneyRecord) => Promise<CheckOutcome>,
  reread: () => Promise<CurrentValues>,
  first: CurrentValues,
  options: TransitionOptions,
): Promise<TransitionOutcome | { current: CurrentValues; check: CheckOutcome }> {
  let current = first;
  for (let round = 1; ; round += 1) {
    const outcome = await check(current.values);
    const refusal = await refusalAfterCheck(outcome, options);
    if (refusal) return refusal;
    const after = await reread();
    if (checkedValuesKey(after.values) === checkedValuesKey(current.values)) return { current: after, check: outcome };
    if (round >= MAX_CHECK_ROUNDS) throw new JourneyError("refused", "error.keptChanging");
    current = after;
  }
}

/**
 * One read of a follow, one try (the polls themselves are the retries, spaced by the follow's own back-off):
 * the status alone, or once settled what the service changed with it over the journey as known (without
 * one, the whole journey). Given up after READ_TIMEOUT_MS.
 */
function poller(webApi: WebApiPort, recordId: string, known: JourneySnapshot | undefined) {
  const base = known?.record;
  return async (settled: boolean): Promise<JourneySnapshot> => {
    const select = !settled ? POLL_SELECT : base ? SETTLED_SELECT : SNAPSHOT_SELECT;
    const row = await withinTime(webApi.retrieveRecord(JOURNEY_ENTITY, recordId, select), READ_TIMEOUT_MS);
    const read = snapshotFromRow({ ...base, "@odata.etag": undefined, ...row }, recordId);
    // Not changed since it was loaded: changed by whom it was then (the status polls do not ask).
    if (known && read.modifiedOn === known.modifiedOn) read.modifiedByName = known.modifiedByName;
    return read;
  };
}

/** What the service keeps between its operations. */
interface ServiceMemory {
  lastCheck: RememberedCheck | null;
  /** The transitional status this service last wrote, until a follow of that journey checks it took effect. */
  lastWrite: { id: string; status: number } | null;
  /** The journey as this service last loaded or wrote it: what a follow's light reads complete. */
  known: JourneySnapshot | null;
}

/**
 * Checks first where the action does (checkSteadyValues), refuses when someone else changed the journey,
 * saves the form's unsaved changes, then writes the status with the row version and refreshes the form.
 */
async function runTransition(
  serverCheck: JourneyService["check"],
  form: FormAccess,
  readRow: (id: string, options: string) => Promise<Record<string, unknown>>,
  writeStatus: (id: string, statuscode: number, etag: string | undefined) => Promise<unknown>,
  memory: ServiceMemory,
  now: () => number,
  snapshot: JourneySnapshot,
  actionId: JourneyActionId,
  options: TransitionOptions,
): Promise<TransitionOutcome> {
  const action = allowedAction(snapshot.status, actionId);
  const target = action?.writesStatus;
  // Refused too: the actions that write no status (check, copy, delete), which have their own methods.
  if (!action || target === undefined) throw refusedAction(actionId, snapshot.status);
  let current = await form.values(snapshot);
  if (current.isDirty && actionId === "cancelEdit") throw new JourneyError("unsavedChanges", "error.cancelEditUnsaved");

  let check: CheckOutcome | undefined;
  if (action.runsCheckFirst) {
    const checkOf = async (values: JourneyRecord) =>
      reusableCheck(memory.lastCheck, values, now()) ?? (await serverCheck(values));
    const reread = () => form.values(snapshot);
    const checked = await checkSteadyValues(checkOf, reread, current, options);
    if ("done" in checked) return checked;
    ({ current, check } = checked);
  }

  let etag = await refuseIfChanged(readRow, snapshot, current);

  if (current.isDirty) {
    await form.save();
    // The save gave the row a new version: read it back for the write's If-Match, and make sure the row
    // holds what the user saw (and the check passed), not a change someone made meanwhile.
    etag = await refuseIfChanged(readRow, snapshot, { values: current.values, isDirty: false }, true);
  }

  const status = await writeStatus(snapshot.id, target, etag).then(
    () => target,
    async (error: unknown) => {
      const failed = toJourneyError(error, "write");
      // A write that failed without an answer (the connection dropped) may have been made all the same, and the
      // browser's own resend of it is then refused as a conflict with itself (412): the status, read again, says.
      const read =
        (failed.kind === "network" || failed.kind === "conflict") &&
        (await readRow(snapshot.id, VERSION_SELECT).catch(() => null))?.statuscode;
      if (read && read !== snapshot.status) return read as JourneyStatusCode;
      throw current.isDirty && failed.kind === "conflict" ? new JourneyError("conflict", CONFLICT_AFTER_SAVE) : failed;
    },
  );
  memory.lastCheck = null;
  memory.lastWrite = statusInfo(status)?.transitional ? { id: snapshot.id, status } : null;
  memory.known = { ...snapshot, record: { ...current.values, statuscode: status }, status };
  // The form shows the new status at once, so its field locks apply while the service moves the journey on.
  await form.refresh();
  return { done: true, status, ...(check && { check }) };
}

interface RememberedCheck {
  key: string;
  at: number;
  outcome: CheckOutcome;
}

/** The last server check, when it passed, checked the same values and is recent enough to stand for a new one. */
function reusableCheck(last: RememberedCheck | null, values: JourneyRecord, now: number): CheckOutcome | undefined {
  // A failing check is not reused: the user may have just fixed its cause elsewhere (e.g. a segment gone live).
  if (!last || last.key !== checkedValuesKey(values) || last.outcome.report.verdict === "Error") return undefined;
  const age = now - last.at;
  return age >= 0 && age <= CHECK_REUSE_MS ? last.outcome : undefined;
}

/**
 * Why a status change that checks first stops after the check: errors, or warnings the user declined (also
 * asked when only the local checks could run); undefined to go on. Nothing goes live unchecked: a check
 * that could not run for any reason but the validate action missing from the org rejects with "checkFailed".
 */
async function refusalAfterCheck(
  check: CheckOutcome,
  options: TransitionOptions,
): Promise<TransitionOutcome | undefined> {
  if (check.report.verdict === "Error") return { done: false, reason: "checkErrors", check };
  const unavailable = check.serverUnavailable;
  if (unavailable && unavailable.kind !== "actionMissing") {
    throw failure("checkFailed", { detail: unavailable.message });
  }
  if (check.report.verdict !== "Warning" && !unavailable) return undefined;
  return (await options.confirmWarnings?.(check)) ? undefined : { done: false, reason: "warningsDeclined", check };
}

/** The snapshot of a row read with SNAPSHOT_COLUMNS. */
function snapshotFromRow(row: Record<string, unknown>, recordId: string): JourneySnapshot {
  const version = readRowVersion(row);
  const record: JourneyRecord = {};
  for (const column of SNAPSHOT_COLUMNS) {
    if (column in row) (record as Record<string, unknown>)[column] = row[column];
  }
  record.msdyncrm_customerjourneyid = recordId;
  if (version.etag) record["@odata.etag"] = version.etag;
  const snapshot: JourneySnapshot = { record, id: recordId, ...version };
  if (typeof row[MODIFIED_BY_NAME] === "string") snapshot.modifiedByName = row[MODIFIED_BY_NAME];
  return snapshot;
}

/** The form the control sits on, through its bridge (found once, then kept; a null answer is asked again). */
interface FormAccess {
  /** The form's current (possibly unsaved) values over the snapshot's; the snapshot's without a form. */
  values(snapshot: JourneySnapshot): Promise<CurrentValues>;
  /** Saves the form; rejects with "unsavedChanges" and the reason when it cannot be saved (or there is no form). */
  save(): Promise<void>;
  /** Best effort: the write already happened; a form that does not refresh shows it on its next load. */
  refresh(): Promise<void>;
}

function formAccess(connect: JourneyServiceDeps["bridge"]): FormAccess {
  // The one cache of the connection is the caller's (src/bridge/formBridgeFinder): it keeps a bridge found and asks again after none.
  const find = async (): Promise<FormBridge | null> => (connect ? connect().catch(() => null) : null);
  return {
    values: async (snapshot) => {
      const found = await find();
      if (!found) return { values: snapshot.record, isDirty: false, fromForm: false };
      try {
        const { values, isDirty } = await found.getValues();
        return {
          values: { ...snapshot.record, ...values, msdyncrm_customerjourneyid: snapshot.id },
          isDirty,
          fromForm: true,
        };
      } catch (error) {
        throw new JourneyError("unsavedChanges", "error.formUnreadable", { detail: failureDetail(error) });
      }
    },
    save: async () => {
      const found = await find();
      // Null when saved; else why not ("" without a form to save).
      const reason = found ? await found.save().then(() => null, failureDetail) : "";
      if (reason !== null)
        throw new JourneyError("unsavedChanges", "error.saveFailed", { args: [reason], detail: reason });
    },
    refresh: async () => {
      await (await find())?.refresh().catch(() => undefined);
    },
  };
}

/**
 * The polls that end a follow: the journey is gone, or the user may no longer read it. The write they
 * follow did happen, so their messages say so (never "nothing was changed").
 */
const FOLLOW_ENDED_BY: Partial<Record<JourneyErrorKind, string>> = {
  unauthorized: "error.followUnauthorized",
  forbidden: "error.followForbidden",
  notFound: "error.followNotFound",
};

/**
 * Reads the journey with `poll` (one try each; no sooner than MIN_POLL_INTERVAL_MS, the interval growing
 * by half up to MAX_POLL_INTERVAL_MS, or what a Retry-After asked) until its status is no longer
 * transitional, or until NOT_PROCESSED_AFTER_MS after its last change: then it resolves with the journey
 * still Going live / Stopping (not processed) and reads no more. A poll that fails for any other reason
 * than FOLLOW_ENDED_BY (throttled, server error, network, timeout, an unreadable answer) is skipped; when
 * the polls up to that decision failed, the follow gives up with "followUnreadable".
 */
async function pollUntilSettled(
  /** One read (the settled read once a poll showed a settled status). */
  poll: (settled: boolean) => Promise<JourneySnapshot>,
  sleep: (ms: number) => Promise<void>,
  /** Told the wait after a throttled poll, and null after the next poll that went through. */
  tellBusy: (retryInMs: number | null) => void,
  now: () => number,
  options: SettleOptions,
  /** The journey as this service last saw it: one past the threshold decides at once (unless readFirst). */
  known: JourneySnapshot | undefined,
  /** The status this service wrote just before, when it did: the first read must show it or one it moves on to. */
  written: number | undefined,
): Promise<JourneySnapshot> {
  const started = now();
  /** When the journey last changed, by its modifiedon; since this follow began while no read told. */
  const changedAt = (read?: JourneySnapshot) => Date.parse(read?.modifiedOn ?? "") || started;
  // After its own write (or asked to read first) the journey as known does not count.
  let last = written === undefined && !options.readFirst ? known : undefined;
  let interval = MIN_POLL_INTERVAL_MS;
  let lastFailure: JourneyError | undefined;
  let settled = false;
  for (;;) {
    if (changedAt(last) + NOT_PROCESSED_AFTER_MS <= now()) {
      // When the last polls failed, the status is not known: say so rather than "not processed".
      if (lastFailure || !last)
        throw new JourneyError("timeout", "error.followUnreadable", {
          args: [seconds(now() - started)],
          detail: lastFailure?.message,
        });
      if (!settled) return last;
    }
    await sleep(interval);
    interval = Math.min(MAX_POLL_INTERVAL_MS, Math.round(interval * 1.5));
    let snapshot: JourneySnapshot;
    try {
      snapshot = await poll(settled);
    } catch (raw) {
      lastFailure = toJourneyError(raw, "read");
      const endedBy = FOLLOW_ENDED_BY[lastFailure.kind];
      if (endedBy) throw new JourneyError(lastFailure.kind, endedBy, { detail: lastFailure.detail });
      interval = Math.max(interval, retryAfterMs(raw) ?? 0);
      if (lastFailure.kind === "throttled") tellBusy(interval);
      continue;
    }
    tellBusy(null);
    lastFailure = undefined;
    last = snapshot;
    options.onProgress?.(snapshot.status);
    if (written !== undefined && snapshot.status !== written && !canTransition(written, snapshot.status)) {
      // The write was answered with success, yet the row kept its old status (a plug-in, say, undid it).
      throw failure("notApplied", { detail: `wrote ${written}, read ${snapshot.status}` });
    }
    written = undefined;
    if (statusInfo(snapshot.status)?.transitional) settled = false;
    else if (settled) return snapshot;
    else {
      // Shown at once through onProgress; the settled read follows at the shortest interval.
      settled = true;
      interval = MIN_POLL_INTERVAL_MS;
    }
  }
}

/** The create body of a copy: a Draft with the journey's design, schedule, settings and lookups. */
export function copyBody(record: JourneyRecord, nameTemplate: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    msdyncrm_name: fillPlaceholders(nameTemplate, [record.msdyncrm_name ?? ""]),
    statuscode: JourneyStatus.Draft,
    statecode: 0,
  };
  for (const column of COPIED_COLUMNS) {
    const value = record[column];
    if (value !== undefined && value !== null) body[column] = value;
  }
  for (const [column, property, entitySet] of LOOKUP_BINDS) {
    const id = record[column];
    if (id) body[`${property}@odata.bind`] = `/${entitySet}(${bareId(id, "malformed")})`;
  }
  return body;
}
