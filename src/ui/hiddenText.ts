import { hiddenContentStyle, mergeStyles } from "@fluentui/react";

/** Present for screen readers, invisible on screen. */
export const visuallyHidden = mergeStyles(hiddenContentStyle);
