/** @jsx createElement */
import type * as React from "react";
import { Icon } from "@fluentui/react";
import type { Severity } from "../journey/types";
import { severityLabel } from "./reportText";
import type { GetString } from "./strings";
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the JSX pragma above (see jsx.ts)
import { createElement } from "./jsx";

const ICON_BY_SEVERITY: Readonly<Record<Severity, [iconName: string, color: string]>> = {
  Error: ["ErrorBadge", "#a4262c"],
  Warning: ["Warning", "#8a6100"],
  Valid: ["Info", "#005a9e"],
};

/** The severity's icon, labelled in words for screen readers (the icon alone carries no meaning for them). */
export const SeverityIcon: React.FC<{ severity: Severity; getString: GetString }> = ({ severity, getString }) => {
  const [iconName, color] = ICON_BY_SEVERITY[severity];
  const label = severityLabel(severity, getString);
  return <Icon iconName={iconName} role="img" aria-label={label} title={label} style={{ color, flexShrink: 0, fontSize: 14 }} />;
};
