import { countBySeverity, mergeFindings, type Finding, type SeverityCounts } from "../journey/findings";
import type { ParsedDefinition, Tile } from "../journey/workflowDefinition";
import type { Severity, ValidationReport } from "../journey/types";

export type { Finding, SeverityCounts };

/**
 * Where the report shown came from: the stored result of the last check, a check just run on the form's
 * or the saved values, or the product's own checks alone: while the server's check runs ("checking"), or on
 * the form's values as they change ("local"). A check whose server part did not run says why in `notRun`.
 */
export type ReportOrigin = "stored" | "form" | "saved" | "checking" | "local";

/**
 * Why the server's check did not run: a JourneyError's kind and arguments, or "form" when the form's own
 * check reported that it could not reach the server.
 */
export interface CheckNotRun {
  kind: string;
  args: readonly string[];
}

/** The report the control shows, with its findings merged once, when it became the shown report. */
export interface ShownReport {
  report: ValidationReport;
  findings: Finding[];
  origin: ReportOrigin;
  /** ISO time of the check, when known. */
  checkedAt: string | null;
  /** Set when the check ran but the server's part of it did not: the report holds the product's own findings alone. */
  notRun?: CheckNotRun;
}

export function shownReport(
  report: ValidationReport,
  origin: ReportOrigin,
  checkedAt: string | null,
  notRun?: CheckNotRun,
): ShownReport {
  return { report, findings: mergeFindings(report.entries), origin, checkedAt, notRun };
}

/** The findings about one place: the whole journey (tile null, activityId ""), a tile, or a tile id the definition lacks. */
export interface EntryGroup {
  activityId: string;
  tile: Tile | null;
  findings: Finding[];
}

/** Most severe first: the order of the findings in a group, of the verdict's counts and of the outline's badges. */
export const SEVERITIES: readonly Severity[] = ["Error", "Warning", "Valid"];

/**
 * Journey-wide findings first, then one group per tile in journey order, then findings naming tiles the
 * definition does not have (in the order they came); within a group, errors before warnings before notes.
 */
export function groupFindings(findings: readonly Finding[], definition: ParsedDefinition): EntryGroup[] {
  const byActivity = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byActivity.get(finding.entry.activityId);
    if (list) list.push(finding);
    else byActivity.set(finding.entry.activityId, [finding]);
  }
  const groups: EntryGroup[] = [];
  const take = (activityId: string, tile: Tile | null): void => {
    const found = byActivity.get(activityId);
    if (!found) return;
    byActivity.delete(activityId);
    // Array sort is stable: within a severity, the order the findings came in.
    groups.push({
      activityId,
      tile,
      findings: found.sort((a, b) => SEVERITIES.indexOf(a.entry.severity) - SEVERITIES.indexOf(b.entry.severity)),
    });
  };
  take("", null);
  for (const tile of definition.tiles) take(tile.activityId, tile);
  for (const activityId of [...byActivity.keys()]) take(activityId, null);
  return groups;
}

/** Findings per tile, for the outline's badges. */
export function countsByTile(findings: readonly Finding[]): Map<string, SeverityCounts> {
  const result = new Map<string, SeverityCounts>();
  for (const finding of findings) {
    const { activityId } = finding.entry;
    if (activityId) result.set(activityId, countBySeverity([finding], result.get(activityId)));
  }
  return result;
}
