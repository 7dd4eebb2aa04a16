import type { Severity, ValidationEntry } from "./types";

/** The one code the product's own checks report as a warning: the journey may still go live. */
const WARNING_FAULT = "StartsWithoutSegment";

/**
 * Every fault code the product knows; all are errors except WARNING_FAULT. Microsoft publishes no list:
 * the first is the one the API page shows, the `Error*NotFound/NotLive` codes are the ones the emulated
 * org raises (argument 0 = the id), the rest come from the product's own checks.
 */
const ALL_FAULTS = [
  "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
  "ErrorSegmentNotFound",
  "ErrorSegmentNotLive",
  "ErrorEmailNotFound",
  "ErrorEmailNotLive",
  "ErrorContentSettingsNotFound",
  "ValidationResultUnreadable",
  "ResultEmpty",
  "ResultNotJson",
  "ResultNotObject",
  "ResultIncomplete",
  "ResultListInvalid",
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
  WARNING_FAULT,
  "SegmentGroupEmpty",
  "EmailNotChosen",
] as const;

export type FaultCodeName = (typeof ALL_FAULTS)[number];

function severityOf(code: FaultCodeName): Severity {
  return code === WARNING_FAULT ? "Warning" : "Error";
}

/** A table of every code. (The pure marks let the bundles drop a table nothing uses.) */
function tableOf<Value>(valueOf: (code: FaultCodeName) => Value): Record<FaultCodeName, Value> {
  return Object.fromEntries(ALL_FAULTS.map((code) => [code, valueOf(code)])) as Record<FaultCodeName, Value>;
}

/** Each code by its own name: `FaultCode.NameMissing === "NameMissing"` (the domain itself passes the names, checked by FaultCodeName). */
export const FaultCode = /* @__PURE__ */ tableOf((code) => code) as { readonly [Code in FaultCodeName]: Code };

export function isKnownFault(code: string): code is FaultCodeName {
  return (ALL_FAULTS as readonly string[]).includes(code);
}

/** A finding of the product's own checks, with the code's severity. */
export function localFinding(code: FaultCodeName, activityId = "", args: string[] = []): ValidationEntry {
  return { activityId, fault: code, severity: severityOf(code), args, source: "local" };
}

export interface DescribedFault {
  code: string;
  known: boolean;
  message: string;
  hint: string;
  args: string[];
}

/**
 * The one filler of resource strings' placeholders: replaces {0}, {1}, ... with the arguments; a placeholder
 * without an argument becomes empty.
 */
export function fillPlaceholders(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => args[Number(index)] ?? "");
}

/** A key's text in the user's language with {0}, {1}... filled in; the key itself (or "") when the resources lack it. */
export type Localise = (key: string, ...args: (string | number)[]) => string;

export function describeFault(entry: ValidationEntry, localise: Localise): DescribedFault {
  const code = entry.fault;
  const args = [...entry.args];
  /** The key's filled-in text, or undefined when the resources lack it. */
  const lookUp = (key: string, fillWith: readonly string[]): string | undefined => {
    const value = localise(key, ...fillWith);
    return typeof value === "string" && value !== "" && value !== key ? value : undefined;
  };
  const texts = (prefix: string, fillWith: readonly string[]) => [
    lookUp(`${prefix}.message`, fillWith),
    lookUp(`${prefix}.hint`, fillWith),
  ];
  if (isKnownFault(code)) {
    const [message, hint] = texts(`fault.${code}`, args);
    if (message !== undefined && hint !== undefined) return { code, known: true, message, hint, args };
  }
  const argumentText = args.length > 0 ? args.join(", ") : (lookUp("fault.unknown.noArguments", []) ?? "");
  const [message = code, hint = argumentText] = texts("fault.unknown", [code, argumentText]);
  return { code, known: false, message, hint, args };
}
