import * as React from "react";
import { mergeStyles } from "@fluentui/react";
import { JourneyStatus } from "../journey/types";
import { statusInfo } from "../journey/statusModel";
import { localise, type GetString } from "./strings";

const S = JourneyStatus;
const COLOURS: Readonly<Record<number, { background: string; color: string }>> = {
  [S.Draft]: { background: "#edebe9", color: "#323130" },
  [S.Live]: { background: "#dff6dd", color: "#0b5a0b" },
  [S.Stopped]: { background: "#fff4ce", color: "#323130" },
  [S.LiveEditable]: { background: "#dff6dd", color: "#0b5a0b" },
  [S.Expired]: { background: "#edebe9", color: "#323130" },
  [S.Error]: { background: "#fde7e9", color: "#a4262c" },
  [S.GoingLive]: { background: "#deecf9", color: "#004578" },
  [S.Stopping]: { background: "#deecf9", color: "#004578" },
};
const UNKNOWN = { background: "#edebe9", color: "#323130" };

/** The status in words: its resx label, or "Unknown status (code)". */
export function statusLabel(status: number | null, getString: GetString): string {
  const info = status === null ? undefined : statusInfo(status);
  return info ? localise(getString, info.labelKey) : localise(getString, "header.statusUnknown", status ?? "");
}

export const StatusBadge: React.FC<{ status: number | null; getString: GetString }> = ({ status, getString }) => {
  const colours = (status !== null && COLOURS[status]) || UNKNOWN;
  const className = mergeStyles({
    ...colours,
    display: "inline-block",
    padding: "2px 8px",
    borderRadius: 10,
    fontSize: 12,
    fontWeight: 600,
    whiteSpace: "nowrap",
  });
  return (
    <span className={className} data-status={status ?? ""}>
      {statusLabel(status, getString)}
    </span>
  );
};
