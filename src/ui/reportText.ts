import { describeFault } from "../journey/faultCatalogue";
import type { ParsedDefinition } from "../journey/workflowDefinition";
import type { ValidationReport } from "../journey/types";
import { countBySeverity, distinctFindings, groupEntries, type EntryGroup } from "./validationGroups";
import { localise, type GetString } from "./strings";

/** The verdict line: "2 errors, 1 warning" or the verdict's own wording when there is nothing to count. */
export function verdictText(report: ValidationReport, getString: GetString): string {
  const counts = countBySeverity(distinctFindings(report.entries));
  const parts: string[] = [];
  if (counts.Error > 0) parts.push(localise(getString, counts.Error === 1 ? "panel.count.error.one" : "panel.count.error.other", counts.Error));
  if (counts.Warning > 0) parts.push(localise(getString, counts.Warning === 1 ? "panel.count.warning.one" : "panel.count.warning.other", counts.Warning));
  if (counts.Valid > 0) parts.push(localise(getString, counts.Valid === 1 ? "panel.count.note.one" : "panel.count.note.other", counts.Valid));
  const verdict = localise(getString, `panel.verdict.${report.verdict}`);
  return parts.length === 0 ? verdict : `${verdict}: ${parts.join(", ")}`;
}

/** The heading of a group: the journey as a whole, a tile with its type and name, or a tile the definition lacks. */
export function groupTitle(group: EntryGroup, getString: GetString): string {
  if (group.activityId === "") return localise(getString, "panel.group.journey");
  if (group.tile) return localise(getString, "panel.group.tile", group.tile.type, group.tile.name || group.tile.activityId);
  return localise(getString, "panel.group.unknownTile", group.activityId);
}

/** The whole report as plain text, for "Copy details". */
export function reportAsText(report: ValidationReport, definition: ParsedDefinition, getString: GetString, checkedWhen: string): string {
  const lines = [localise(getString, "panel.copy.heading", checkedWhen), verdictText(report, getString)];
  for (const group of groupEntries(report, definition)) {
    lines.push("", groupTitle(group, getString));
    for (const { entry, sources } of group.findings) {
      const described = describeFault(entry, getString);
      const severity = localise(getString, `panel.severity.${entry.severity}`);
      const source = sources.map((s) => localise(getString, `panel.source.${s}`)).join(", ");
      lines.push(`- [${severity}] ${described.message} (${described.code}; ${source})`);
      if (described.hint) lines.push(`  ${described.hint}`);
    }
  }
  if (report.unreadable) lines.push("", localise(getString, "panel.copy.raw"), report.unreadable.raw);
  return lines.join("\n");
}
