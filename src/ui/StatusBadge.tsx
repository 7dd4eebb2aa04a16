import * as React from "react";
import { JourneyStatus } from "../journey/types";
import { statusInfo } from "../journey/statusModel";
import { localise, type GetString } from "./strings";
import { classes } from "./styles";

const S = JourneyStatus;
const NEUTRAL = { background: "#edebe9", color: "#323130" };
const LIVE = { background: "#dff6dd", color: "#0b5a0b" };
const MOVING = { background: "#deecf9", color: "#004578" };
const COLOURS: Readonly<Record<number, { background: string; color: string }>> = {
  [S.Live]: LIVE,
  [S.LiveEditable]: LIVE,
  [S.Stopped]: { background: "#fff4ce", color: "#323130" },
  [S.Error]: { background: "#fde7e9", color: "#a4262c" },
  [S.GoingLive]: MOVING,
  [S.Stopping]: MOVING,
};

/** The status in words: its resx label, or "Unknown status (code)". */
export function statusLabel(status: number | null, getString: GetString): string {
  const info = status === null ? undefined : statusInfo(status);
  return info ? localise(getString, info.labelKey) : localise(getString, "header.statusUnknown", status ?? "");
}

export const StatusBadge: React.FC<{ status: number | null; getString: GetString }> = ({ status, getString }) => {
  const colours = (status !== null && COLOURS[status]) || NEUTRAL;
  return (
    <span className={classes.pill} style={colours} data-status={status ?? ""}>
      {statusLabel(status, getString)}
    </span>
  );
};
