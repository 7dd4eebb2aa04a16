import type { Severity, ValidationEntry } from "./types";

/**
 * Every fault code the product knows. Microsoft publishes no list: the first is the one the API page
 * shows, the `Error*NotFound/NotLive` codes are the ones the emulated org raises (argument 0 = the id),
 * the rest come from the product's own checks.
 */
export const FaultCode = {
  ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
  ErrorSegmentNotFound: "ErrorSegmentNotFound",
  ErrorSegmentNotLive: "ErrorSegmentNotLive",
  ErrorEmailNotFound: "ErrorEmailNotFound",
  ErrorEmailNotLive: "ErrorEmailNotLive",
  ErrorContentSettingsNotFound: "ErrorContentSettingsNotFound",
  ValidationResultUnreadable: "ValidationResultUnreadable",
  NameMissing: "NameMissing",
  StartNotBeforeEnd: "StartNotBeforeEnd",
  RecurrenceDatesMissing: "RecurrenceDatesMissing",
  RecurrenceIntervalInvalid: "RecurrenceIntervalInvalid",
  RecurrenceCountInvalid: "RecurrenceCountInvalid",
  DefinitionEmpty: "DefinitionEmpty",
  DefinitionNotJson: "DefinitionNotJson",
  DefinitionNotArray: "DefinitionNotArray",
  TileMalformed: "TileMalformed",
  DuplicateActivityId: "DuplicateActivityId",
  DuplicateActivityItemId: "DuplicateActivityItemId",
  ParentMissing: "ParentMissing",
  DefinitionCycle: "DefinitionCycle",
  RootMissing: "RootMissing",
  DuplicateRoot: "DuplicateRoot",
  DefaultBranchUnderTrigger: "DefaultBranchUnderTrigger",
  SplitterTooFewBranches: "SplitterTooFewBranches",
  StartsWithoutSegment: "StartsWithoutSegment",
  SegmentGroupEmpty: "SegmentGroupEmpty",
  EmailNotChosen: "EmailNotChosen",
} as const;

export type FaultCodeName = (typeof FaultCode)[keyof typeof FaultCode];

/** The severity the product's own checks give each code (server entries carry their own). */
export const FAULT_SEVERITY: Readonly<Record<FaultCodeName, Severity>> = {
  ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations: "Error",
  ErrorSegmentNotFound: "Error",
  ErrorSegmentNotLive: "Error",
  ErrorEmailNotFound: "Error",
  ErrorEmailNotLive: "Error",
  ErrorContentSettingsNotFound: "Error",
  ValidationResultUnreadable: "Error",
  NameMissing: "Error",
  StartNotBeforeEnd: "Error",
  RecurrenceDatesMissing: "Error",
  RecurrenceIntervalInvalid: "Error",
  RecurrenceCountInvalid: "Error",
  DefinitionEmpty: "Error",
  DefinitionNotJson: "Error",
  DefinitionNotArray: "Error",
  TileMalformed: "Error",
  DuplicateActivityId: "Error",
  DuplicateActivityItemId: "Error",
  ParentMissing: "Error",
  DefinitionCycle: "Error",
  RootMissing: "Error",
  DuplicateRoot: "Error",
  DefaultBranchUnderTrigger: "Error",
  SplitterTooFewBranches: "Error",
  StartsWithoutSegment: "Warning",
  SegmentGroupEmpty: "Error",
  EmailNotChosen: "Error",
};

export function isKnownFault(code: string): code is FaultCodeName {
  return Object.prototype.hasOwnProperty.call(FaultCode, code);
}

/** A finding of the product's own checks, with the code's severity. */
export function localFinding(code: FaultCodeName, activityId = "", args: string[] = []): ValidationEntry {
  return { activityId, fault: code, severity: FAULT_SEVERITY[code], args, source: "local" };
}

export interface DescribedFault {
  code: string;
  known: boolean;
  message: string;
  hint: string;
  args: string[];
}

/** Replaces {0}, {1}, ... with the arguments; a placeholder without an argument becomes empty. */
export function fillPlaceholders(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => args[Number(index)] ?? "");
}

/**
 * The same as fillPlaceholders. The Power Apps lint rule avoid-unpub-api reports any bare call named
 * `formatString` (an unsupported legacy CRM global), so call it as `fillPlaceholders` or through a namespace.
 */
export { fillPlaceholders as formatString };

/** The string for a key, or undefined when the resources have none (PCF answers with "" or the key). */
function lookUp(getString: (key: string) => string, key: string): string | undefined {
  const value = getString(key);
  return typeof value === "string" && value !== "" && value !== key ? value : undefined;
}

export function describeFault(entry: ValidationEntry, getString: (key: string) => string): DescribedFault {
  const code = entry.fault;
  const args = [...entry.args];
  if (isKnownFault(code)) {
    const message = lookUp(getString, `fault.${code}.message`);
    const hint = lookUp(getString, `fault.${code}.hint`);
    if (message !== undefined && hint !== undefined) {
      return { code, known: true, message: fillPlaceholders(message, args), hint: fillPlaceholders(hint, args), args };
    }
  }
  const argumentText = args.length > 0 ? args.join(", ") : (lookUp(getString, "fault.unknown.noArguments") ?? "");
  const unknownArgs = [code, argumentText];
  return {
    code,
    known: false,
    message: fillPlaceholders(lookUp(getString, "fault.unknown.message") ?? "{0}", unknownArgs),
    hint: fillPlaceholders(lookUp(getString, "fault.unknown.hint") ?? "{1}", unknownArgs),
    args,
  };
}
