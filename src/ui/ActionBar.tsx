import type * as React from "react";
import {
  createElement,
  DefaultButton,
  Fragment,
  getId,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  useEffect,
  useRef,
  useState,
} from "./platform";
import type { AllowedTransitions } from "../dataverse/allowedTransitions";
import type { JourneySnapshot } from "../dataverse/journeyService";
import {
  cancelEditRefusal,
  contentLastLive,
  offeredActions,
  type JourneyAction,
  type JourneyActionId,
} from "../journey/journeyActions";
import { JourneyStatus } from "../journey/types";
import type { Localise } from "./strings";
import { classes } from "./styles";

export interface ActionBarProps {
  /** The journey as shown: its status and what is saved decide the actions offered. */
  snapshot: JourneySnapshot;
  allowedTransitions: AllowedTransitions;
  /** The action whose request is running; every action waits for it. */
  running?: JourneyActionId;
  /** Why an action may not run now (missing privilege, read-only form), or undefined when it may. */
  disabledReason(action: JourneyAction): string | undefined;
  onRun(action: JourneyAction): void;
  localise: Localise;
}

const ICONS: Readonly<Record<JourneyActionId, string>> = {
  check: "CheckList",
  goLive: "Send",
  republish: "Send",
  retry: "Refresh",
  restart: "Play",
  stop: "Stop",
  edit: "Edit",
  cancelEdit: "Cancel",
  copy: "Copy",
  delete: "Delete",
};

/** The status reasons the org allows from `status` once it answered (asked once per status shown); else null. */
function useOrgAllowed(allowedTransitions: AllowedTransitions, status: number): readonly number[] | null {
  const [answer, setAnswer] = useState<{ status: number; allowed: readonly number[] | null }>();
  useEffect(() => {
    void allowedTransitions(status).then((allowed) => setAnswer({ status, allowed }));
  }, [allowedTransitions, status]);
  return answer?.status === status ? answer.allowed : null;
}

export const ActionBar: React.FC<ActionBarProps> = (props) => {
  const { snapshot, running, disabledReason, onRun, localise } = props;
  const { status, record } = snapshot;
  const [idPrefix] = useState(() => getId("cjt-action-"));
  // What was live, kept through Edit while the control shows the journey.
  const lastLive = useRef<string>();
  lastLive.current = contentLastLive(lastLive.current, status, record);
  const refusal = cancelEditRefusal(status, record, lastLive.current);
  const actions = offeredActions(status, useOrgAllowed(props.allowedTransitions, status), !refusal);
  const refusalText = refusal && localise(`action.cancelEdit.${refusal}`);
  // Visible under the bar, each once: why the disabled actions are disabled, and why Cancel edit is missing
  // (what Save and go live does instead).
  const notes = [...new Set([...actions.map(disabledReason), refusalText])].filter((note): note is string => !!note);
  return (
    <>
      <div className={classes.row} role="group" aria-label={localise("action.toolbar")}>
        {actions.map((action) => {
          const reason = disabledReason(action);
          const note = reason ?? (action.id === "republish" ? refusalText : undefined);
          const Button = action.writesStatus === JourneyStatus.GoingLive ? PrimaryButton : DefaultButton;
          return (
            <Button
              key={action.id}
              text={localise(`action.${action.id}`)}
              iconProps={{ iconName: ICONS[action.id] }}
              onRenderIcon={running === action.id ? () => <Spinner size={SpinnerSize.xSmall} /> : undefined}
              disabled={!!running || !!reason}
              // Focus stays on a button while its action runs, and a disabled one can be reached to hear why.
              allowDisabledFocus
              aria-describedby={note && `${idPrefix}-${notes.indexOf(note)}`}
              onClick={() => onRun(action)}
              data-action={action.id}
            />
          );
        })}
      </div>
      {notes.map((note, index) => (
        <span key={index} id={`${idPrefix}-${index}`} className={classes.muted}>
          {note}
        </span>
      ))}
    </>
  );
};
