import type { ParsedDefinition, Tile } from "../journey/workflowDefinition";
import type { Severity, ValidationEntry, ValidationReport } from "../journey/types";

/** The entries about one place: the whole journey (tile null, activityId ""), a tile, or a tile id the definition lacks. */
export interface EntryGroup {
  activityId: string;
  tile: Tile | null;
  entries: ValidationEntry[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { Error: 0, Warning: 1, Valid: 2 };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(entries: readonly ValidationEntry[]): SeverityCounts {
  const counts: SeverityCounts = { Error: 0, Warning: 0, Valid: 0 };
  for (const entry of entries) counts[entry.severity] += 1;
  return counts;
}

function bySeverity(entries: readonly ValidationEntry[]): ValidationEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => SEVERITY_RANK[a.entry.severity] - SEVERITY_RANK[b.entry.severity] || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * Journey-wide entries first, then one group per tile in journey order, then entries naming tiles the
 * definition does not have (in the order they came); within a group, errors before warnings before notes.
 */
export function groupEntries(report: ValidationReport, definition: ParsedDefinition): EntryGroup[] {
  const byActivity = new Map<string, ValidationEntry[]>();
  for (const entry of report.entries) {
    const list = byActivity.get(entry.activityId);
    if (list) list.push(entry);
    else byActivity.set(entry.activityId, [entry]);
  }
  const groups: EntryGroup[] = [];
  const take = (activityId: string, tile: Tile | null): void => {
    const entries = byActivity.get(activityId);
    if (!entries) return;
    byActivity.delete(activityId);
    groups.push({ activityId, tile, entries: bySeverity(entries) });
  };
  take("", null);
  for (const tile of definition.tiles) take(tile.activityId, tile);
  for (const activityId of [...byActivity.keys()]) take(activityId, null);
  return groups;
}

/** Entries per tile, for the outline's badges. */
export function countsByTile(report: ValidationReport | null): Map<string, SeverityCounts> {
  const result = new Map<string, SeverityCounts>();
  if (!report) return result;
  for (const entry of report.entries) {
    if (entry.activityId === "") continue;
    const counts = result.get(entry.activityId) ?? { Error: 0, Warning: 0, Valid: 0 };
    counts[entry.severity] += 1;
    result.set(entry.activityId, counts);
  }
  return result;
}
