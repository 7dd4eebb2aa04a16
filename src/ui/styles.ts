import type { IRawStyle } from "@fluentui/react";
import { hiddenContentStyle, mergeStyleSets } from "./platform";

const MUTED = "#605e5c";

/** A pill's colours: its background and its text. */
export type Tone = { background: string; color: string };
const tone = (background: string, color: string): Tone => ({ background, color });

/** The pills' colour pairs, shared by the status badge and the outline's counts. */
export const TONES = {
  neutral: tone("#edebe9", "#323130"),
  positive: tone("#dff6dd", "#0b5a0b"),
  info: tone("#deecf9", "#004578"),
  warning: tone("#fff4ce", "#323130"),
  error: tone("#fde7e9", "#a4262c"),
  strongError: tone("#a4262c", "#ffffff"),
};
const plainList = { listStyle: "none", margin: 0, padding: 0 };
const selectable: IRawStyle = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  gap: 6,
  width: "100%",
  textAlign: "left",
  background: "transparent",
  border: "1px solid transparent",
  borderRadius: 2,
  padding: "4px 6px",
  font: "inherit",
  color: "inherit",
  cursor: "pointer",
  selectors: {
    ":hover": { background: "#f3f2f1" },
    ":focus-visible": { outline: "2px solid #0078d4" },
    "&[aria-pressed='true']": { background: "#deecf9", borderColor: "#0078d4" },
  },
};
const pill: IRawStyle = {
  display: "inline-block",
  padding: "0 6px",
  borderRadius: 8,
  fontSize: 11,
  fontWeight: 600,
  whiteSpace: "nowrap",
};

/** The control's own classes, in one place so that shared looks are written once. */
export const classes = mergeStyleSets({
  root: { padding: 4 },
  title: { fontSize: 20, fontWeight: 600, margin: 0, wordBreak: "break-word" },
  heading: { fontSize: 14, fontWeight: 600, margin: "12px 0 4px" },
  muted: { display: "block", color: MUTED, fontSize: 12 },
  block: { display: "block" },
  list: plainList,
  /** A row that selects a tile: a tile of the outline. */
  selectable,
  /** An entry of the panel: selects its tile, if any. */
  entry: [selectable, { flexWrap: "nowrap", alignItems: "flex-start", gap: 8 }],
  /** Long fault codes and ids wrap instead of widening the panel. (A flex item: a block already.) */
  entryText: { minWidth: 0, overflowWrap: "anywhere" },
  pill,
  sourceTag: [pill, { marginLeft: 6, border: "1px solid #8a8886", fontWeight: 400 }],
  tree: [plainList, { maxHeight: 420, overflowY: "auto" }],
  manualCopy: { display: "block", width: "100%", minHeight: 80, marginTop: 4 },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: 12,
    selectors: { "th, td": { textAlign: "left", padding: "2px 8px 2px 0", borderBottom: "1px solid #edebe9" } },
  },
  caption: { textAlign: "left", fontSize: 12, color: MUTED },
  /** Present for screen readers, invisible on screen. */
  visuallyHidden: hiddenContentStyle,
});
