import { isolateBidi } from "../journey/bidiIsolation";
import { describeFault } from "../journey/faultCatalogue";
import type { ParsedDefinition } from "../journey/workflowDefinition";
import { countBySeverity } from "../journey/findings";
import { entryRecord } from "../journey/recordReferences";
import type { Severity, ValidationEntry } from "../journey/types";
import { groupFindings, SEVERITIES, type EntryGroup, type ShownReport } from "./validationGroups";
import { recordText, type RecordAccess } from "./RecordLink";
import { tileTypeLabel, type Localise } from "./strings";

/** "1 error", "2 warnings", "3 notes" (a Valid entry is a note). */
export function severityCount(severity: Severity, count: number, localise: Localise): string {
  return localise(`panel.count.${severity}`, count);
}

/** The severity in words. */
export function severityLabel(severity: Severity, localise: Localise): string {
  return localise(`panel.severity.${severity}`);
}

/**
 * The verdict line: "2 errors, 1 warning" or the verdict's own wording when there is nothing to count; when the
 * server's check did not run, or has not yet, it says so, and counts only this product's own findings.
 */
export function verdictText({ report, findings, origin, notRun }: ShownReport, localise: Localise): string {
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => severityCount(severity, counts[severity], localise))
    .join(", ");
  const ownCounts = parts || localise("panel.noErrors");
  if (notRun)
    return localise("panel.verdict.notRun", localise(`panel.notRun.${notRun.kind}`, ...notRun.args), ownCounts);
  if (origin === "checking" || origin === "local") return localise("panel.verdict.local", ownCounts);
  const verdict = localise(`panel.verdict.${report.verdict}`);
  return parts ? localise("panel.verdict.counts", verdict, parts) : verdict;
}

/** The heading of a group: the journey as a whole, a tile with its type and name, or a tile the definition lacks. */
export function groupTitle(group: EntryGroup, localise: Localise): string {
  if (!group.activityId) return localise("panel.group.journey");
  if (group.tile)
    return localise(
      "panel.group.tile",
      tileTypeLabel(group.tile.type, localise),
      group.tile.name || group.tile.activityId,
    );
  return localise("panel.group.unknownTile", group.activityId);
}

/**
 * The finding with the name of the record it is about in place of its id (its first argument), isolated as user
 * text; `withId` keeps the id beside a name (Copy details: whoever reads it may need to find the record).
 */
export function namedEntry(
  entry: ValidationEntry,
  records: RecordAccess,
  localise: Localise,
  withId?: boolean,
): ValidationEntry {
  const record = entryRecord(entry);
  if (!record) return entry;
  const text = recordText(record, records, localise);
  const named = withId && !text.includes(record.id) ? `${text} (${record.id})` : text;
  return { ...entry, args: [isolateBidi(named), ...entry.args.slice(1)] };
}

/** What Copy details says first: which journey, in which org, and when it was checked ("" where not known). */
export type ReportAbout = readonly [name: string, id: string, status: string, orgUrl: string, checkedWhen: string];

/**
 * The whole report as plain text, for "Copy details": the journey, the org and the time first, then every
 * message whole, with the names of the records it is about and their ids, each line's user text isolated (bidi).
 */
export function reportAsText(
  shown: ShownReport,
  definition: ParsedDefinition,
  localise: Localise,
  records: RecordAccess,
  about: ReportAbout,
): string {
  const [name, ...facts] = about.map((value) => value || localise("panel.copy.unknown"));
  const lines = [localise("panel.copy.header", isolateBidi(name), ...facts), verdictText(shown, localise)];
  for (const group of groupFindings(shown.findings, definition)) {
    lines.push("", isolateBidi(groupTitle(group, localise)));
    for (const { entry, sources } of group.findings) {
      const described = describeFault(namedEntry(entry, records, localise, true), localise);
      const severity = severityLabel(entry.severity, localise);
      const source = sources.map((s) => localise(`panel.source.${s}`)).join(", ");
      lines.push(`- [${severity}] ${isolateBidi(described.message)} (${isolateBidi(described.code)}; ${source})`);
      if (described.hint) lines.push(`  ${isolateBidi(described.hint)}`);
    }
  }
  const { unreadable } = shown.report;
  if (unreadable) lines.push("", localise("panel.copy.raw"), unreadable.raw);
  return lines.join("\n");
}
