import type { ParsedDefinition, Tile } from "../journey/workflowDefinition";
import type { FindingSource, Severity, ValidationEntry, ValidationReport } from "../journey/types";

/** One problem as the user sees it: the same fault found by both the local and the server check is one finding. */
export interface Finding {
  entry: ValidationEntry;
  sources: FindingSource[];
}

/** The findings about one place: the whole journey (tile null, activityId ""), a tile, or a tile id the definition lacks. */
export interface EntryGroup {
  activityId: string;
  tile: Tile | null;
  findings: Finding[];
}

/** Most severe first: the order of the findings in a group, of the verdict's counts and of the outline's badges. */
export const SEVERITIES: readonly Severity[] = ["Error", "Warning", "Valid"];

export type SeverityCounts = Record<Severity, number>;

/** The findings per severity, added to `counts` when given. */
export function countBySeverity(
  findings: readonly Finding[],
  counts: SeverityCounts = { Error: 0, Warning: 0, Valid: 0 },
): SeverityCounts {
  for (const { entry } of findings) counts[entry.severity] += 1;
  return counts;
}

function sameArguments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || (a.length === b.length && a.every((value, index) => value === b[index]));
}

/**
 * Merges an entry of one source into the same fault, place and severity from the other source (the
 * server often sends no arguments where the local check has them; the entry with more is kept).
 * Entries of the same source are never merged: two segments not live on one tile are two findings.
 */
export function distinctFindings(entries: readonly ValidationEntry[]): Finding[] {
  const findings: Finding[] = [];
  for (const entry of entries) {
    const twin = findings.find(
      (finding) =>
        !finding.sources.includes(entry.source) &&
        finding.entry.activityId === entry.activityId &&
        finding.entry.fault === entry.fault &&
        finding.entry.severity === entry.severity &&
        sameArguments(finding.entry.args, entry.args),
    );
    if (!twin) {
      findings.push({ entry, sources: [entry.source] });
      continue;
    }
    twin.sources.push(entry.source);
    if (entry.args.length > twin.entry.args.length) twin.entry = entry;
  }
  return findings;
}

/**
 * Journey-wide findings first, then one group per tile in journey order, then findings naming tiles the
 * definition does not have (in the order they came); within a group, errors before warnings before notes.
 */
export function groupEntries(report: ValidationReport, definition: ParsedDefinition): EntryGroup[] {
  const byActivity = new Map<string, Finding[]>();
  for (const finding of distinctFindings(report.entries)) {
    const list = byActivity.get(finding.entry.activityId);
    if (list) list.push(finding);
    else byActivity.set(finding.entry.activityId, [finding]);
  }
  const groups: EntryGroup[] = [];
  const take = (activityId: string, tile: Tile | null): void => {
    const findings = byActivity.get(activityId);
    if (!findings) return;
    byActivity.delete(activityId);
    // Array sort is stable: within a severity, the order the findings came in.
    groups.push({
      activityId,
      tile,
      findings: findings.sort((a, b) => SEVERITIES.indexOf(a.entry.severity) - SEVERITIES.indexOf(b.entry.severity)),
    });
  };
  take("", null);
  for (const tile of definition.tiles) take(tile.activityId, tile);
  for (const activityId of [...byActivity.keys()]) take(activityId, null);
  return groups;
}

/** Findings per tile, for the outline's badges. */
export function countsByTile(report: ValidationReport | null): Map<string, SeverityCounts> {
  const result = new Map<string, SeverityCounts>();
  if (!report) return result;
  for (const finding of distinctFindings(report.entries)) {
    const { activityId } = finding.entry;
    if (activityId) result.set(activityId, countBySeverity([finding], result.get(activityId)));
  }
  return result;
}
