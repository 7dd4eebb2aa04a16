import * as React from "react";
import { Icon } from "@fluentui/react";
import type { Severity } from "../journey/types";

const ICON_BY_SEVERITY: Readonly<Record<Severity, { iconName: string; color: string }>> = {
  Error: { iconName: "ErrorBadge", color: "#a4262c" },
  Warning: { iconName: "Warning", color: "#8a6100" },
  Valid: { iconName: "Info", color: "#005a9e" },
};

export interface SeverityIconProps {
  severity: Severity;
  /** The severity in words, for screen readers (the icon alone carries no meaning for them). */
  label: string;
}

export const SeverityIcon: React.FC<SeverityIconProps> = ({ severity, label }) => {
  const { iconName, color } = ICON_BY_SEVERITY[severity];
  return <Icon iconName={iconName} role="img" aria-label={label} title={label} style={{ color, flexShrink: 0, fontSize: 14 }} />;
};
