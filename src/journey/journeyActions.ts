import { canTransition } from "./statusModel";
import { JourneyStatus, type JourneyStatusCode } from "./types";

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
