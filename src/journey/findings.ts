import type { FindingSource, Severity, ValidationEntry } from "./types";
import { worstOf } from "./validationResult";

/** One problem as the user reads it: every entry about the same fault, place and arguments, whichever check gave it. */
export interface Finding {
  /** The entry shown: the most serious severity given, and the arguments of the side that gave any. */
  entry: ValidationEntry;
  /** The checks that found it, in the order they reported it. */
  sources: FindingSource[];
}

export type SeverityCounts = Record<Severity, number>;

/**
 * The findings of a report's entries, in the order of their first entry. Entries with the same fault,
 * tile and arguments are one finding; so are an entry without arguments and the first of the same fault
 * on the same tile (the server often sends none where the local check has them; the arguments are kept).
 * Two segments not live on one tile differ in their arguments: two findings. Linear in the entries.
 */
export function mergeFindings(entries: readonly ValidationEntry[]): Finding[] {
  const findings: Finding[] = [];
  const byKey = new Map<string, Finding>();
  /** The first finding of each fault and tile: where an entry without arguments, or the first with some, joins. */
  const byPlace = new Map<string, Finding>();
  for (const entry of entries) {
    // U+0000 appears in no code, id or argument: it keeps the parts apart (the count tells [] from [""]).
    const place = `${entry.fault}\u0000${entry.activityId}`;
    const key = `${place}\u0000${entry.args.length}\u0000${entry.args.join("\u0000")}`;
    const first = byPlace.get(place);
    const finding =
      byKey.get(key) ?? (first && (entry.args.length === 0 || first.entry.args.length === 0) ? first : undefined);
    if (!finding) {
      const created = { entry, sources: [entry.source] };
      findings.push(created);
      byKey.set(key, created);
      if (!first) byPlace.set(place, created);
      continue;
    }
    if (!finding.sources.includes(entry.source)) finding.sources.push(entry.source);
    const richer = entry.args.length > finding.entry.args.length;
    if (richer) byKey.set(key, finding);
    finding.entry = {
      ...(richer ? entry : finding.entry),
      severity: worstOf([finding.entry.severity, entry.severity]),
    };
  }
  return findings;
}

/** The findings per severity, added to `counts` when given. */
export function countBySeverity(
  findings: readonly Finding[],
  counts: SeverityCounts = { Error: 0, Warning: 0, Valid: 0 },
): SeverityCounts {
  for (const { entry } of findings) counts[entry.severity] += 1;
  return counts;
}
