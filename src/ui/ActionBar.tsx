import type * as React from "react";
import {
  createElement,
  DefaultButton,
  getId,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  TooltipHost,
  useState,
} from "./platform";
import type { JourneyAction, JourneyActionId } from "../journey/journeyActions";
import { JourneyStatus } from "../journey/types";
import type { Localise } from "./strings";
import { classes } from "./styles";

export interface ActionBarProps {
  actions: readonly JourneyAction[];
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

export const ActionBar: React.FC<ActionBarProps> = ({ actions, running, disabledReason, onRun, localise }) => {
  const [idPrefix] = useState(() => getId("cjt-action-"));
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }} role="group" aria-label={localise("action.toolbar")}>
      {actions.map((action) => {
        const reason = disabledReason(action);
        const reasonId = `${idPrefix}-${action.id}`;
        const Button = action.writesStatus === JourneyStatus.GoingLive ? PrimaryButton : DefaultButton;
        const button = (
          <Button
            text={localise(`action.${action.id}`)}
            iconProps={{ iconName: ICONS[action.id] }}
            onRenderIcon={running === action.id ? () => <Spinner size={SpinnerSize.xSmall} /> : undefined}
            disabled={!!running || !!reason}
            allowDisabledFocus={!!reason}
            aria-describedby={reason && reasonId}
            onClick={() => onRun(action)}
            data-action={action.id}
          />
        );
        return (
          <Stack.Item key={action.id}>
            {reason ? (
              <TooltipHost content={reason}>
                {button}
                <span id={reasonId} className={classes.visuallyHidden}>
                  {reason}
                </span>
              </TooltipHost>
            ) : (
              button
            )}
          </Stack.Item>
        );
      })}
    </Stack>
  );
};
