import { FaultCode } from "./faultCatalogue";
import type { FindingSource, Severity, ValidationEntry, ValidationReport } from "./types";

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { Valid: 0, Warning: 1, Error: 2 };

function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** The worst severity among the entries; Valid when there are none. */
export function verdictOf(entries: readonly ValidationEntry[]): Severity {
  return entries.reduce<Severity>((verdict, entry) => worse(verdict, entry.severity), "Valid");
}

/** All entries of all reports; the verdict is the worst of them. */
export function mergeReports(...reports: ValidationReport[]): ValidationReport {
  const merged: ValidationReport = {
    verdict: reports.reduce<Severity>((verdict, report) => worse(verdict, report.verdict), "Valid"),
    entries: reports.flatMap((report) => report.entries),
  };
  const unreadable = reports.find((report) => report.unreadable)?.unreadable;
  if (unreadable) merged.unreadable = unreadable;
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Valid / Warning / Error in any letter case; undefined for anything else. */
function readSeverity(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.trim().toLowerCase();
  return (["Valid", "Warning", "Error"] as const).find((severity) => severity.toLowerCase() === lower);
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    const json = JSON.stringify(value);
    if (typeof json === "string") return json;
  } catch {
    // Circular or BigInt values: fall back to the type name below.
  }
  return Object.prototype.toString.call(value);
}

function unreadableReport(reason: string, raw: unknown, source: FindingSource): ValidationReport {
  return {
    verdict: "Error",
    entries: [{ activityId: "", fault: FaultCode.ValidationResultUnreadable, severity: "Error", args: [reason], source }],
    unreadable: { reason, raw: asText(raw) },
  };
}

/**
 * One ActivityValidationResults element. Missing ActivityId means the whole journey; a missing
 * Fault stays "" (shown as an unknown fault); a missing or unknown Result counts as Error so that
 * nothing that may block go-live is understated; arguments are turned into strings.
 */
function readEntry(value: unknown, source: FindingSource): ValidationEntry {
  if (!isRecord(value)) {
    return { activityId: "", fault: FaultCode.ValidationResultUnreadable, severity: "Error", args: [asText(value)], source };
  }
  const activityId = value.ActivityId;
  const fault = value.Fault;
  const args = value.ErrorMessageArguments;
  return {
    activityId: typeof activityId === "string" ? activityId : typeof activityId === "number" ? String(activityId) : "",
    fault: typeof fault === "string" ? fault : "",
    severity: readSeverity(value.Result) ?? "Error",
    args: Array.isArray(args) ? args.map((arg) => (arg === null || arg === undefined ? "" : asText(arg))) : args == null ? [] : [asText(args)],
    source,
  };
}

function readInner(inner: Record<string, unknown>, raw: unknown, source: FindingSource): ValidationReport {
  const list = inner.ActivityValidationResults;
  const hasList = Object.prototype.hasOwnProperty.call(inner, "ActivityValidationResults");
  const hasResult = Object.prototype.hasOwnProperty.call(inner, "Result");
  if (!hasList && !hasResult) return unreadableReport("Neither ActivityValidationResults nor Result is present.", raw, source);
  if (hasList && list !== null && !Array.isArray(list)) {
    return unreadableReport("ActivityValidationResults is not a list.", raw, source);
  }
  const entries = Array.isArray(list) ? list.map((entry) => readEntry(entry, source)) : [];
  // An unknown overall Result counts as Error, for the same reason as an unknown entry Result.
  const overall = hasResult ? (readSeverity(inner.Result) ?? "Error") : "Valid";
  return { verdict: worse(overall, verdictOf(entries)), entries };
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === "") return { ok: false, reason: "The result is empty." };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `The result is not JSON: ${error instanceof Error ? error.message : asText(error)}` };
  }
}

function parse(input: unknown, source: FindingSource): ValidationReport {
  let value = input;
  if (typeof value === "string") {
    const parsed = parseJsonText(value);
    if (!parsed.ok) return unreadableReport(parsed.reason, input, source);
    value = parsed.value;
  }
  if (!isRecord(value)) return unreadableReport("The result is not a JSON object.", input, source);
  if (Object.prototype.hasOwnProperty.call(value, "ValidationResult")) {
    let inner = value.ValidationResult;
    if (typeof inner === "string") {
      const parsed = parseJsonText(inner);
      if (!parsed.ok) return unreadableReport(parsed.reason, input, source);
      inner = parsed.value;
    }
    if (!isRecord(inner)) return unreadableReport("ValidationResult is not a JSON object.", input, source);
    return readInner(inner, input, source);
  }
  return readInner(value, input, source);
}

/**
 * Reads what the validate action answered: the whole response object, its inner ValidationResult
 * (as the JSON string or as an object), or the text of either. Never throws: anything unreadable
 * becomes an Error report with one journey-wide ValidationResultUnreadable entry that keeps the raw text.
 */
export function parseValidationResponse(input: unknown, source: FindingSource = "server"): ValidationReport {
  try {
    return parse(input, source);
  } catch (error) {
    // Last line of defence for exotic objects (throwing getters, proxies): report, never throw.
    return unreadableReport(error instanceof Error ? error.message : "The result could not be read.", input, source);
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
