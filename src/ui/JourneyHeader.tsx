import * as React from "react";
import { Spinner, SpinnerSize, Stack } from "@fluentui/react";
import { StatusBadge } from "./StatusBadge";
import { classes } from "./styles";
import { localise, type GetString } from "./strings";

export interface JourneyHeaderProps {
  name: string;
  status: number | null;
  modifiedBy: string;
  /** Already formatted for the user. */
  modifiedOn: string;
  /** The status is transitional and the control is following it. */
  following: boolean;
  getString: GetString;
}

export const JourneyHeader: React.FC<JourneyHeaderProps> = ({ name, status, modifiedBy, modifiedOn, following, getString }) => {
  const changed = modifiedOn
    ? modifiedBy
      ? localise(getString, "header.lastChanged", modifiedBy, modifiedOn)
      : localise(getString, "header.lastChangedAt", modifiedOn)
    : "";
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <h2 className={classes.title}>{name || localise(getString, "header.untitled")}</h2>
        <StatusBadge status={status} getString={getString} />
        {following && <Spinner size={SpinnerSize.xSmall} label={localise(getString, "header.following")} labelPosition="right" />}
      </Stack>
      {changed && (
        <span className={classes.muted}>{changed}</span>
      )}
    </Stack>
  );
};
