import { localFinding } from "./faultCatalogue";
import { asText, hasOwn, isRecord, text } from "./jsonValues";
import { parseJsonText, Unreadable, unreadable } from "./jsonText";
import type { FindingSource, Severity, ValidationEntry, ValidationReport } from "./types";

/** From the least to the most serious. */
const SEVERITIES: readonly Severity[] = ["Valid", "Warning", "Error"];

/** The most serious of the severities; Valid when there are none. */
export function worstOf(severities: readonly Severity[]): Severity {
  return SEVERITIES[Math.max(0, ...severities.map((severity) => SEVERITIES.indexOf(severity)))];
}

/** The worst severity among the entries; Valid when there are none. */
export function verdictOf(entries: readonly ValidationEntry[]): Severity {
  return worstOf(entries.map((entry) => entry.severity));
}

/** All entries of all reports; the verdict is the worst of them. */
export function mergeReports(...reports: ValidationReport[]): ValidationReport {
  const merged: ValidationReport = {
    verdict: worstOf(reports.map((report) => report.verdict)),
    entries: reports.flatMap((report) => report.entries),
  };
  const unreadable = reports.find((report) => report.unreadable)?.unreadable;
  if (unreadable) merged.unreadable = unreadable;
  return merged;
}

/**
 * Valid / Warning / Error in any letter case. Anything else counts as Error, so that nothing that
 * may block go-live is understated.
 */
function readSeverity(value: unknown): Severity {
  const lower = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  return SEVERITIES.find((severity) => severity.toLowerCase() === lower) ?? "Error";
}

/**
 * One ActivityValidationResults element. Missing ActivityId means the whole journey; a missing
 * Fault stays "" (shown as an unknown fault); a missing or unknown Result counts as Error so that
 * nothing that may block go-live is understated; arguments are turned into strings. An element that
 * is no object becomes a ValidationResultUnreadable entry that shows it.
 */
function readEntry(value: unknown, source: FindingSource): ValidationEntry {
  if (!isRecord(value)) return { ...localFinding("ValidationResultUnreadable", "", [asText(value)]), source };
  const { ActivityId: activityId, Fault: fault, ErrorMessageArguments: args } = value;
  return {
    activityId: text(activityId) ?? "",
    fault: typeof fault === "string" ? fault : "",
    severity: readSeverity(value.Result),
    args: (Array.isArray(args) ? args : args == null ? [] : [args]).map((arg: unknown) =>
      arg == null ? "" : asText(arg),
    ),
    source,
  };
}

const ENTRY_LIST = "ActivityValidationResults";

/** The report for an inner result object; stops when it has neither entries nor a result, or its entries are no list. */
function readInner(inner: Record<string, unknown>, source: FindingSource): ValidationReport {
  const list = inner[ENTRY_LIST];
  const hasResult = hasOwn(inner, "Result");
  if (!hasOwn(inner, ENTRY_LIST) && !hasResult) unreadable("ResultIncomplete");
  if (list != null && !Array.isArray(list)) unreadable("ResultListInvalid");
  const entries = Array.isArray(list) ? list.map((entry) => readEntry(entry, source)) : [];
  const overall = hasResult ? readSeverity(inner.Result) : "Valid";
  // A verdict with nothing under it would read "0 errors"; one finding says the check gave no details.
  if (entries.length === 0 && overall !== "Valid")
    entries.push({ ...localFinding("ResultWithoutDetails"), severity: overall, source });
  return { verdict: worstOf([overall, verdictOf(entries)]), entries };
}

/** The JSON object a value is or holds as text; stops when there is none. */
function objectOf(value: unknown): Record<string, unknown> {
  const json = typeof value === "string" ? parseJsonText(value, "Result") : value;
  return isRecord(json) ? json : unreadable("ResultNotObject");
}

/**
 * Reads what the validate action answered: the whole response object, its inner ValidationResult
 * (as the JSON string or as an object), or the text of either. Never throws: anything unreadable
 * becomes an Error report with one journey-wide finding that says why, and `unreadable` keeps the raw text.
 */
export function parseValidationResponse(input: unknown, source: FindingSource = "server"): ValidationReport {
  try {
    const outer = objectOf(input);
    return readInner(hasOwn(outer, "ValidationResult") ? objectOf(outer.ValidationResult) : outer, source);
  } catch (error) {
    // Exotic objects (throwing getters, proxies) end here too.
    const finding =
      error instanceof Unreadable
        ? error.finding
        : localFinding("ValidationResultUnreadable", "", [error instanceof Error ? error.message : asText(error)]);
    return { verdict: "Error", entries: [{ ...finding, source }], unreadable: { raw: asText(input) } };
  }
}

/** The inner JSON the validate action returns (and msdyncrm_validationresults stores) for a report. */
export function toValidationResultJson(report: ValidationReport): string {
  return JSON.stringify({
    ActivityValidationResults: report.entries.map((entry) => ({
      ActivityId: entry.activityId,
      Fault: entry.fault,
      Result: entry.severity,
      ErrorMessageArguments: entry.args,
    })),
    Result: report.verdict,
  });
}
