import { isolateBidi } from "../journey/bidiIsolation";
import { describeFault, fillPlaceholders, shortenText } from "../journey/faultCatalogue";
import { countBySeverity, mergeFindings } from "../journey/findings";
import type { JourneyRecord, ValidationEntry } from "../journey/types";
import { parseDefinition } from "../journey/workflowDefinition";
import type { CheckFailure, CheckOutcome } from "./goLiveCheck";
import type { FormSession } from "./formSession";
import type { FormGetString } from "./formStrings";

/** More than this many notifications push the form itself out of view; the control's panel lists them all. */
const MAX_FINDINGS_SHOWN = 5;

type Level = Xrm.FormNotificationLevel;
interface Notice {
  level: Level;
  message: string;
}

export function describeCheckFailure(failure: CheckFailure, getString: FormGetString): string {
  if (failure.reason === "unavailable") return getString("form.checkUnavailable");
  const detail =
    failure.reason === "timeout"
      ? fillPlaceholders(getString("form.checkTimedOut"), [String(failure.seconds)])
      : failure.message
        ? isolateBidi(shortenText(failure.message))
        : getString("form.noDetails");
  return fillPlaceholders(getString("form.checkFailed"), [detail]);
}

/** A finding's short text; what came from users or the server (arguments, tile names) isolated from the sentence. */
function findingText(entry: ValidationEntry, values: JourneyRecord, getString: FormGetString): string {
  const { short } = describeFault(entry, (key, ...args) =>
    fillPlaceholders(
      getString(key),
      args.map((arg) => isolateBidi(String(arg))),
    ),
  );
  const text = short.hint ? `${short.message} ${short.hint}` : short.message;
  if (!entry.activityId) return text;
  const tile = parseDefinition(values.msdyncrm_workflowdefinition).byId.get(entry.activityId);
  return fillPlaceholders(getString("form.tileFinding"), [
    isolateBidi(shortenText(tile?.name || entry.activityId)),
    text,
  ]);
}

/** The text of a count in its plural form, the count filled in. */
function countText(key: string, count: number, getString: FormGetString): string {
  return fillPlaceholders(getString(key, count), [String(count)]);
}

/** "2 errors and 1 warning", "1 warning": a count of 0 is left out. */
function countsText(errors: number, warnings: number, getString: FormGetString): string {
  const parts: string[] = [];
  if (errors) parts.push(countText("panel.count.Error", errors, getString));
  if (warnings) parts.push(countText("panel.count.Warning", warnings, getString));
  return parts.length > 1 ? fillPlaceholders(getString("form.countsAnd"), parts) : (parts[0] ?? "");
}

/** One notice per problem (errors first), the first few only. */
function findingNotices(problems: ValidationEntry[], values: JourneyRecord, getString: FormGetString): Notice[] {
  const notices: Notice[] = problems.slice(0, MAX_FINDINGS_SHOWN).map((entry) => ({
    level: entry.severity === "Error" ? "ERROR" : "WARNING",
    message: findingText(entry, values, getString),
  }));
  if (problems.length > MAX_FINDINGS_SHOWN) {
    notices.push({
      level: "INFO",
      message: countText("form.moreFindings", problems.length - MAX_FINDINGS_SHOWN, getString),
    });
  }
  return notices;
}

/**
 * What the form shows for a check: a summary first, then the findings. `goLive` is the save gate
 * (silent when clean), `check` is the user's explicit "Check for errors" (always answers).
 */
export function noticesFor(
  outcome: CheckOutcome,
  purpose: "goLive" | "check",
  values: JourneyRecord,
  getString: FormGetString,
): Notice[] {
  const findings = mergeFindings(outcome.report.entries);
  const { Error: errors, Warning: warnings } = countBySeverity(findings);
  const withSeverity = (severity: ValidationEntry["severity"]) =>
    findings.filter(({ entry }) => entry.severity === severity).map(({ entry }) => entry);
  let summary: Notice | null;
  if (outcome.kind === "failed") {
    summary = { level: "ERROR", message: describeCheckFailure(outcome.failure, getString) };
  } else if (purpose === "check") {
    summary =
      outcome.kind === "clean"
        ? { level: "INFO", message: getString("form.checkPassed") }
        : {
            level: errors ? "ERROR" : "WARNING",
            message: fillPlaceholders(getString("form.checkFoundProblems"), [countsText(errors, warnings, getString)]),
          };
  } else if (outcome.kind === "blocked") {
    summary = { level: "ERROR", message: countText("form.goLiveBlocked", errors, getString) };
  } else if (outcome.kind === "warnings") {
    summary = { level: "WARNING", message: countText("form.goLiveWarnings", warnings, getString) };
  } else {
    summary = null;
  }
  return summary
    ? [summary, ...findingNotices([...withSeverity("Error"), ...withSeverity("Warning")], values, getString)]
    : [];
}

export function clearCheckNotifications(form: Xrm.FormContext, session: FormSession): void {
  for (const id of session.checkNotificationIds) form.ui.clearFormNotification(id);
  session.checkNotificationIds = [];
}

/** Replaces the previous check's notifications with these; returns the summary line. */
export function showNotices(form: Xrm.FormContext, session: FormSession, notices: Notice[]): string {
  clearCheckNotifications(form, session);
  notices.forEach((notice, index) => {
    const id = `cjt-check-${index}`;
    form.ui.setFormNotification(notice.message, notice.level, id);
    session.checkNotificationIds.push(id);
  });
  return notices[0]?.message ?? "";
}
