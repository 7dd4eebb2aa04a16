import * as React from "react";
import { visuallyHidden } from "./hiddenText";

/** Announces `message` politely to screen readers; the same text again is announced again (by `sequence`). */
export const LiveRegion: React.FC<{ message: string; sequence: number }> = ({ message, sequence }) => (
  <div role="status" aria-live="polite" aria-atomic="true" className={visuallyHidden} data-testid="live-region">
    <span key={sequence}>{message}</span>
  </div>
);
