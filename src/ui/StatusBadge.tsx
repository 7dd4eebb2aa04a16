import * as React from "react";
import { JourneyStatus } from "../journey/types";
import { statusInfo } from "../journey/statusModel";
import { localise, type GetString } from "./strings";
import { classes, TONES, type Tone } from "./styles";

const S = JourneyStatus;
const COLOURS: Readonly<Record<number, Tone>> = {
  [S.Live]: TONES.positive,
  [S.LiveEditable]: TONES.positive,
  [S.Stopped]: TONES.warning,
  [S.Error]: TONES.error,
  [S.GoingLive]: TONES.info,
  [S.Stopping]: TONES.info,
};

/** The status in words: its resx label, or "Unknown status (code)". */
export function statusLabel(status: number | null, getString: GetString): string {
  const info = status === null ? undefined : statusInfo(status);
  return info ? localise(getString, info.labelKey) : localise(getString, "header.statusUnknown", status ?? "");
}

export const StatusBadge: React.FC<{ status: number | null; getString: GetString }> = ({ status, getString }) => {
  const colours = (status !== null && COLOURS[status]) || TONES.neutral;
  return (
    <span className={classes.pill} style={colours} data-status={status ?? ""}>
      {statusLabel(status, getString)}
    </span>
  );
};
