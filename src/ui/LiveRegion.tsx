/** @jsx createElement */
import type * as React from "react";
import { classes } from "./styles";
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the JSX pragma above (see jsx.ts)
import { createElement } from "./jsx";

/** Announces `message` politely to screen readers; the same text again is announced again (by `sequence`). */
export const LiveRegion: React.FC<{ message: string; sequence: number }> = ({ message, sequence }) => (
  <div role="status" aria-live="polite" aria-atomic="true" className={classes.visuallyHidden} data-testid="live-region">
    <span key={sequence}>{message}</span>
  </div>
);
