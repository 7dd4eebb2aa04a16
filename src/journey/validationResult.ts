import { localFinding } from "./faultCatalogue";
import { asText, hasOwn, isRecord, text } from "./jsonValues";
import type { FindingSource, Severity, ValidationEntry, ValidationReport } from "./types";

/** From the least to the most serious. */
const SEVERITIES: readonly Severity[] = ["Valid", "Warning", "Error"];

/** The most serious of the severities; Valid when there are none. */
function worstOf(severities: readonly Severity[]): Severity {
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

/** A journey-wide ValidationResultUnreadable entry. */
function unreadableEntry(detail: string, source: FindingSource): ValidationEntry {
  return { ...localFinding("ValidationResultUnreadable", "", [detail]), source };
}

/**
 * One ActivityValidationResults element. Missing ActivityId means the whole journey; a missing
 * Fault stays "" (shown as an unknown fault); a missing or unknown Result counts as Error so that
 * nothing that may block go-live is understated; arguments are turned into strings.
 */
function readEntry(value: unknown, source: FindingSource): ValidationEntry {
  if (!isRecord(value)) return unreadableEntry(asText(value), source);
  const { ActivityId: activityId, Fault: fault, ErrorMessageArguments: args } = value;
  return {
    activityId: text(activityId) ?? "",
    fault: typeof fault === "string" ? fault : "",
    severity: readSeverity(value.Result),
    args: (Array.isArray(args) ? args : args == null ? [] : [args]).map((arg: unknown) => (arg == null ? "" : asText(arg))),
    source,
  };
}

const ENTRY_LIST = "ActivityValidationResults";

/** The report for an inner result object, or why it cannot be read. */
function readInner(inner: Record<string, unknown>, source: FindingSource): ValidationReport | string {
  const list = inner[ENTRY_LIST];
  const hasList = hasOwn(inner, ENTRY_LIST);
  const hasResult = hasOwn(inner, "Result");
  if (!hasList && !hasResult) return `Neither ${ENTRY_LIST} nor Result is present.`;
  if (hasList && list !== null && !Array.isArray(list)) return `${ENTRY_LIST} is not a list.`;
  const entries = Array.isArray(list) ? list.map((entry) => readEntry(entry, source)) : [];
  const overall = hasResult ? readSeverity(inner.Result) : "Valid";
  return { verdict: worstOf([overall, verdictOf(entries)]), entries };
}

/** The JSON object a value is or holds as text, or why there is none. */
function objectOf(value: unknown, name: string): Record<string, unknown> | string {
  if (typeof value === "string") {
    if (value.trim() === "") return "The result is empty.";
    try {
      value = JSON.parse(value);
    } catch (error) {
      return `The result is not JSON: ${error instanceof Error ? error.message : asText(error)}`;
    }
  }
  return isRecord(value) ? value : `${name} is not a JSON object.`;
}

/** The report, or why the input cannot be read. */
function parse(input: unknown, source: FindingSource): ValidationReport | string {
  const outer = objectOf(input, "The result");
  if (typeof outer === "string") return outer;
  if (!hasOwn(outer, "ValidationResult")) return readInner(outer, source);
  const inner = objectOf(outer.ValidationResult, "ValidationResult");
  return typeof inner === "string" ? inner : readInner(inner, source);
}

/**
 * Reads what the validate action answered: the whole response object, its inner ValidationResult
 * (as the JSON string or as an object), or the text of either. Never throws: anything unreadable
 * becomes an Error report with one journey-wide ValidationResultUnreadable entry that keeps the raw text.
 */
export function parseValidationResponse(input: unknown, source: FindingSource = "server"): ValidationReport {
  let result: ValidationReport | string;
  try {
    result = parse(input, source);
  } catch (error) {
    // Last line of defence for exotic objects (throwing getters, proxies): report, never throw.
    result = error instanceof Error ? error.message : "The result could not be read.";
  }
  if (typeof result !== "string") return result;
  return { verdict: "Error", entries: [unreadableEntry(result, source)], unreadable: { reason: result, raw: asText(input) } };
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
