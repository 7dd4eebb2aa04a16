import { JourneyStatus } from "../journey/types";
/** A pill's colours: its background and its text. */
export type Tone = { background: string; color: string };
const tone = (background: string, color: string): Tone => ({ background, color });

/** The status badges' colour pairs (the outline's count pills are coloured in JourneyControl.css). */
export const TONES = {
  neutral: tone("#edebe9", "#323130"),
  positive: tone("#dff6dd", "#0b5a0b"),
  info: tone("#deecf9", "#004578"),
  warning: tone("#fff4ce", "#323130"),
  error: tone("#fde7e9", "#a4262c"),
};
/** The status badge's colours; other statuses (Draft, unknown ones) are neutral. */
export const STATUS_TONES: Readonly<Record<number, Tone>> = {
  [JourneyStatus.Live]: TONES.positive,
  [JourneyStatus.LiveEditable]: TONES.positive,
  [JourneyStatus.Stopped]: TONES.warning,
  [JourneyStatus.Error]: TONES.error,
  [JourneyStatus.GoingLive]: TONES.info,
  [JourneyStatus.Stopping]: TONES.info,
};
/** The control's own classes; their looks are in JourneyControl.css, which the manifest ships beside the bundle. */
export const classes = {
  root: "cjt-root",
  /** Blocks one under the other, 12px apart. */
  stack: "cjt-stack",
  /** Side by side, wrapping, 8px apart: the header's name and badge, the action bar. */
  row: "cjt-row",
  /** The panel and the outline side by side, wrapping, 16px apart (the column widths say when they stack). */
  columns: "cjt-columns",
  title: "cjt-title",
  /** The verdict line and the Copy details button beside it (below it when narrow). */
  verdictRow: "cjt-verdict-row",
  /** The verdict's icon and words. */
  verdictLine: "cjt-verdict-line",
  verdict: "cjt-verdict",
  heading: "cjt-heading",
  muted: "cjt-muted",
  block: "cjt-block",
  list: "cjt-list",
  /** A row that selects a tile: a tile of the outline. */
  selectable: "cjt-selectable",
  /** An entry of the panel: selects its tile, if any. */
  entry: "cjt-entry",
  entryText: "cjt-entry-text",
  pill: "cjt-pill",
  sourceTag: "cjt-source-tag",
  /** The records a finding (under it) or a tile (beside it) refers to, as links. */
  recordLinks: "cjt-record-links",
  tree: "cjt-tree",
  manualCopy: "cjt-manual-copy",
  table: "cjt-table",
  caption: "cjt-caption",
  /** Present for screen readers, invisible on screen. */
  visuallyHidden: "cjt-visually-hidden",
};
