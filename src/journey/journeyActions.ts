import { canTransition } from "./statusModel";
import { JourneyStatus, type JourneyStatusCode } from "./types";

export type JourneyActionId =
  | "check"
  | "goLive"
  | "stop"
  | "edit"
  | "republish"
  | "cancelEdit"
  | "retry"
  | "restart"
  | "copy"
  | "delete";

export interface JourneyAction {
  id: JourneyActionId;
  /** resx key of the button label: "action.<id>". */
  labelKey: string;
  /** The statuscode the action saves; absent when it does not change the status. */
  writesStatus?: JourneyStatusCode;
  /** Run the error check first and go on only when it does not block. */
  runsCheckFirst: boolean;
  /** Ask the user to confirm first, with this dialog. */
  confirm?: "stop" | "delete";
}

function action(
  id: JourneyActionId,
  options: Partial<Pick<JourneyAction, "writesStatus" | "runsCheckFirst" | "confirm">> = {},
): JourneyAction {
  return { id, labelKey: `action.${id}`, runsCheckFirst: false, ...options };
}

const S = JourneyStatus;
const check = () => action("check");
const copy = () => action("copy");
const remove = () => action("delete", { confirm: "delete" });
const stop = () => action("stop", { writesStatus: S.Stopping, confirm: "stop" });
const goingLive = (id: "goLive" | "republish" | "retry" | "restart") =>
  action(id, { writesStatus: S.GoingLive, runsCheckFirst: true });

/** The user actions offered in a status, in display order. */
export function actionsFor(status: number): JourneyAction[] {
  switch (status) {
    case S.Draft:
      return [check(), goingLive("goLive"), copy(), remove()];
    case S.Live:
      return [check(), stop(), action("edit", { writesStatus: S.LiveEditable }), copy()];
    case S.LiveEditable:
      return [check(), goingLive("republish"), action("cancelEdit", { writesStatus: S.Live }), copy()];
    case S.Stopped:
      return [check(), goingLive("restart"), copy(), remove()];
    case S.Error:
      return [check(), goingLive("retry"), stop(), copy()];
    case S.Expired:
      return [copy(), remove()];
    default:
      return [copy()];
  }
}

/** True when the action may run from the status: offered there and, if it writes a status, allowed by TransitionData. */
export function isActionAllowed(status: number, id: JourneyActionId): boolean {
  const offered = actionsFor(status).find((candidate) => candidate.id === id);
  if (!offered) return false;
  return offered.writesStatus === undefined || canTransition(status, offered.writesStatus);
}
