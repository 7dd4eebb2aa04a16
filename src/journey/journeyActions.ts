import { canTransition } from "./statusModel";
import { JourneyStatus, type JourneyRecord, type JourneyStatusCode } from "./types";
import { checkedValuesKey } from "./validateRequest";

export type JourneyActionId =
  "check" | "goLive" | "stop" | "edit" | "republish" | "cancelEdit" | "retry" | "restart" | "copy" | "delete";

export interface JourneyAction {
  id: JourneyActionId;
  /** The statuscode the action saves; absent when it does not change the status. */
  writesStatus?: JourneyStatusCode;
  /** Run the error check first and go on only when it does not block. */
  runsCheckFirst: boolean;
  /** Ask the user to confirm first, with this dialog. */
  confirm?: "stop" | "delete";
}

const S = JourneyStatus;

/** The user actions offered in each status, in display order; any other status offers Copy only. */
const OFFERED: Partial<Record<number, readonly JourneyActionId[]>> = {
  [S.Draft]: ["check", "goLive", "copy", "delete"],
  [S.Live]: ["check", "stop", "edit", "copy"],
  [S.LiveEditable]: ["check", "republish", "cancelEdit", "copy"],
  [S.Stopped]: ["check", "restart", "copy", "delete"],
  [S.Error]: ["check", "retry", "stop", "copy"],
  [S.Expired]: ["copy", "delete"],
};

type ActionEffect = Partial<Pick<JourneyAction, "writesStatus" | "runsCheckFirst" | "confirm">>;

const GOES_LIVE: ActionEffect = { writesStatus: S.GoingLive, runsCheckFirst: true };

/** What each action does (nothing listed: it neither writes a status, nor checks, nor asks). */
const EFFECTS: Readonly<Record<JourneyActionId, ActionEffect>> = {
  check: {},
  copy: {},
  delete: { confirm: "delete" },
  stop: { writesStatus: S.Stopping, confirm: "stop" },
  edit: { writesStatus: S.LiveEditable },
  cancelEdit: { writesStatus: S.Live },
  goLive: GOES_LIVE,
  republish: GOES_LIVE,
  retry: GOES_LIVE,
  restart: GOES_LIVE,
};

/** The user actions offered in a status, in display order. */
export function actionsFor(status: number): JourneyAction[] {
  return (OFFERED[status] ?? ["copy"]).map((id) => ({ id, runsCheckFirst: false, ...EFFECTS[id] }));
}

/** The action as the status offers it, when it may run from there (if it writes a status, TransitionData allows it); else undefined. */
export function allowedAction(status: number, id: JourneyActionId): JourneyAction | undefined {
  const offered = actionsFor(status).find((candidate) => candidate.id === id);
  return offered && (offered.writesStatus === undefined || canTransition(status, offered.writesStatus))
    ? offered
    : undefined;
}

/**
 * The actions the status offers (actionsFor), less those writing a status the org's TransitionData does not
 * allow from it (`orgAllowed`, its status reasons; null: the domain's list stands) and less Cancel edit
 * when going straight back to Live is not safe (cancelEditRefusal).
 */
export function offeredActions(
  status: number,
  orgAllowed: readonly number[] | null,
  cancelEditSafe: boolean,
): JourneyAction[] {
  return actionsFor(status).filter(
    ({ id, writesStatus }) =>
      (writesStatus === undefined || !orgAllowed || orgAllowed.includes(writesStatus)) &&
      (cancelEditSafe || id !== "cancelEdit"),
  );
}

/** The saved journey as the check and the go-live read it, whatever its status: equal keys, the same journey. */
const contentKey = (record: JourneyRecord) => checkedValuesKey({ ...record, statuscode: undefined });

/**
 * What was saved when the journey was last seen Live, carried through Live, editable (`previous`, this
 * function's last answer): going from Live, editable straight back to Live is safe only while that is still
 * what is saved (Microsoft's approvals guidance). Undefined in the other statuses, and in Live, editable
 * when it was not seen Live before.
 */
export function contentLastLive(previous: string | undefined, status: number, record: JourneyRecord) {
  return status === S.Live ? contentKey(record) : status === S.LiveEditable ? previous : undefined;
}

/** Why Cancel edit is not offered (cancelEditRefusal). */
export type CancelEditRefusal = "savedSinceEdit" | "editNotSeen";

/**
 * Why Cancel edit is not safe in `status` with `record` saved: "savedSinceEdit" when the saved content is not
 * what was live (`lastLive`, from contentLastLive), "editNotSeen" when what was live is not known (the journey
 * was already Live, editable when first seen); undefined when it is safe or Cancel edit is not in question.
 */
export function cancelEditRefusal(
  status: number,
  record: JourneyRecord,
  lastLive: string | undefined,
): CancelEditRefusal | undefined {
  if (status !== S.LiveEditable) return undefined;
  if (lastLive === undefined) return "editNotSeen";
  return lastLive === contentKey(record) ? undefined : "savedSinceEdit";
}
