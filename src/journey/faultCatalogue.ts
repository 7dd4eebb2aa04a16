import type { Severity, ValidationEntry } from "./types";

/**
 * Every fault code the product knows. Microsoft publishes no list: the first is the one the API page
 * shows, the `Error*NotFound/NotLive` codes are the ones the emulated org raises (argument 0 = the id),
 * the rest come from the product's own checks. All are errors except WARNING_CODE.
 */
const FAULT_CODES = [
  "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
  "ErrorSegmentNotFound",
  "ErrorSegmentNotLive",
  "ErrorEmailNotFound",
  "ErrorEmailNotLive",
  "ErrorContentSettingsNotFound",
  "ValidationResultUnreadable",
  "NameMissing",
  "StartNotBeforeEnd",
  "RecurrenceDatesMissing",
  "RecurrenceIntervalInvalid",
  "RecurrenceCountInvalid",
  "DefinitionEmpty",
  "DefinitionNotJson",
  "DefinitionNotArray",
  "TileMalformed",
  "DuplicateActivityId",
  "DuplicateActivityItemId",
  "ParentMissing",
  "DefinitionCycle",
  "RootMissing",
  "DuplicateRoot",
  "DefaultBranchUnderTrigger",
  "SplitterTooFewBranches",
  "StartsWithoutSegment",
  "SegmentGroupEmpty",
  "EmailNotChosen",
] as const;

export type FaultCodeName = (typeof FAULT_CODES)[number];

/** The one code the product's own checks report as a warning. */
const WARNING_CODE: FaultCodeName = "StartsWithoutSegment";

/** Each code by its own name: `FaultCode.NameMissing === "NameMissing"`. */
export const FaultCode = Object.fromEntries(FAULT_CODES.map((code) => [code, code])) as {
  readonly [Code in FaultCodeName]: Code;
};

/** The severity the product's own checks give each code (server entries carry their own). */
export const FAULT_SEVERITY = Object.fromEntries(
  FAULT_CODES.map((code) => [code, code === WARNING_CODE ? "Warning" : "Error"]),
) as Readonly<Record<FaultCodeName, Severity>>;

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
