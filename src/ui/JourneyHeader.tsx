/** @jsx createElement */
import type * as React from "react";
import { Spinner, SpinnerSize, Stack } from "./fluent";
import type { JourneySnapshot } from "../dataverse/journeyService";
import { statusInfo } from "../journey/statusModel";
import { JourneyStatus } from "../journey/types";
import type { FormatDateTime } from "./dateFormat";
import { classes, TONES, type Tone } from "./styles";
import { localise, type GetString } from "./strings";
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- createElement (and Fragment): named by the JSX pragma above
import { createElement } from "./reactBindings";

export interface JourneyHeaderProps {
  snapshot: JourneySnapshot;
  /** The status is transitional and the control is following it. */
  following?: boolean;
  formatDateTime: FormatDateTime;
  getString: GetString;
}

const S = JourneyStatus;
const STATUS_TONES: Readonly<Record<number, Tone>> = {
  [S.Live]: TONES.positive,
  [S.LiveEditable]: TONES.positive,
  [S.Stopped]: TONES.warning,
  [S.Error]: TONES.error,
  [S.GoingLive]: TONES.info,
  [S.Stopping]: TONES.info,
};

/** The status in words: its resx label, or "Unknown status (code)". */
export function statusLabel(status: number, getString: GetString): string {
  const info = statusInfo(status);
  return info ? localise(getString, info.labelKey) : localise(getString, "header.statusUnknown", status);
}

/** The journey's name, status badge and last change. */
export const JourneyHeader: React.FC<JourneyHeaderProps> = ({ snapshot, following, formatDateTime, getString }) => {
  const { status, modifiedByName } = snapshot;
  const modifiedOn = formatDateTime(snapshot.modifiedOn);
  const changed = modifiedOn
    ? modifiedByName
      ? localise(getString, "header.lastChanged", modifiedByName, modifiedOn)
      : localise(getString, "header.lastChangedAt", modifiedOn)
    : "";
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <h2 className={classes.title}>{snapshot.record.msdyncrm_name || localise(getString, "header.untitled")}</h2>
        <span className={classes.pill} style={STATUS_TONES[status] ?? TONES.neutral} data-status={status}>
          {statusLabel(status, getString)}
        </span>
        {following && <Spinner size={SpinnerSize.xSmall} label={localise(getString, "header.following")} labelPosition="right" />}
      </Stack>
      {changed && <span className={classes.muted}>{changed}</span>}
    </Stack>
  );
};
