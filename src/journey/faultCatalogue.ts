import type { Severity, ValidationEntry } from "./types";

/** The codes the product's own checks report as warnings: the journey may still go live. */
const WARNING_FAULTS = ["StartsWithoutSegment", "StartDatePassed"] as const;

/**
 * Every fault code the product knows, each with a message and a hint in the resources; all are errors except
 * WARNING_FAULTS. Microsoft publishes no list: the first is the one the API page shows, the
 * `Error*NotFound/NotLive` codes are the ones the emulated org raises (argument 0 = the id), the rest come
 * from the product's own checks. The control reads the resources, not this list (see renderFault).
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
  "ResultWithoutDetails",
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
  ...WARNING_FAULTS,
  "SegmentGroupEmpty",
  "EmailNotChosen",
  "EndDatePassed",
  "IterationsPassed",
] as const;

export type FaultCodeName = (typeof ALL_FAULTS)[number];

/** A table of every code. (The pure marks let the bundles drop a table nothing uses.) */
function tableOf<Value>(valueOf: (code: FaultCodeName) => Value): Record<FaultCodeName, Value> {
  return Object.fromEntries(ALL_FAULTS.map((code) => [code, valueOf(code)])) as Record<FaultCodeName, Value>;
}

/** Each code by its own name: `FaultCode.NameMissing === "NameMissing"` (the domain itself passes the names, checked by FaultCodeName). */
export const FaultCode = /* @__PURE__ */ tableOf((code) => code) as { readonly [Code in FaultCodeName]: Code };

/** A finding of the product's own checks, with the code's severity. */
export function localFinding(code: FaultCodeName, activityId = "", args: string[] = []): ValidationEntry {
  const severity: Severity = (WARNING_FAULTS as readonly string[]).includes(code) ? "Warning" : "Error";
  return { activityId, fault: code, severity, args, source: "local" };
}

/** A fault's sentence and its fix hint. */
export interface FaultText {
  message: string;
  hint: string;
}

export interface DescribedFault extends FaultText {
  code: string;
  known: boolean;
  args: string[];
  /** The same with every argument past SHORT_ARGUMENT_LENGTH cut: for notifications and lists. `message`/`hint` are whole (Copy details). */
  short: FaultText;
}

/** How much of one argument the short rendering keeps. */
export const SHORT_ARGUMENT_LENGTH = 200;

/** `text` cut after `length` UTF-16 units (never inside a surrogate pair), with an ellipsis; as it is when shorter. */
export function shortenText(text: string, length = SHORT_ARGUMENT_LENGTH): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text[length - 1]) ? length - 1 : length;
  return `${text.slice(0, end)}\u2026`;
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

/** The catalogue's messages use {0} and {1} at most: a missing argument is filled up to there. */
const PLACEHOLDER_COUNT = 2;

const isGiven = (arg: string | undefined): arg is string => arg !== undefined && arg.trim() !== "";

/**
 * A fault's text with these arguments: the catalogue's (a code is known when the resources hold its message
 * and hint; "unknown" names the generic text), or the unknown-fault text naming the code and arguments.
 */
function renderFault(code: string, args: readonly string[], localise: Localise): FaultText & { known: boolean } {
  /** The key's filled-in text, or undefined when the resources lack it. */
  const lookUp = (key: string, fillWith: readonly string[] = []): string | undefined => {
    const value = localise(key, ...fillWith);
    return typeof value === "string" && value !== "" && value !== key ? value : undefined;
  };
  const texts = (prefix: string, fillWith: readonly string[]) => [
    lookUp(`${prefix}.message`, fillWith),
    lookUp(`${prefix}.hint`, fillWith),
  ];
  if (code !== "unknown") {
    const complete = args.length > 0 && args.every(isGiven);
    // Without its arguments a sentence says it another way where it has one, else names them neutrally.
    const withoutArguments = complete ? undefined : lookUp(`fault.${code}.messageWithoutArguments`);
    const missing = lookUp("fault.argumentMissing") ?? "";
    const filled = complete
      ? args
      : Array.from({ length: Math.max(args.length, PLACEHOLDER_COUNT) }, (_, index) =>
          isGiven(args[index]) ? args[index] : missing,
        );
    const [message, hint] = texts(`fault.${code}`, filled);
    const sentence = withoutArguments ?? message;
    if (sentence !== undefined && hint !== undefined) return { known: true, message: sentence, hint };
  }
  const given = args.filter(isGiven);
  const argumentText = given.length > 0 ? given.join(", ") : (lookUp("fault.unknown.noArguments") ?? "");
  const [message = code, hint = argumentText] = texts("fault.unknown", [code, argumentText]);
  return { known: false, message, hint };
}

/** What the user reads about an entry, whole and short. */
export function describeFault(entry: ValidationEntry, localise: Localise): DescribedFault {
  const code = entry.fault;
  const args = [...entry.args];
  const { known, message, hint } = renderFault(code, args, localise);
  const shortArgs = args.map((arg) => shortenText(arg));
  const isShort = code.length <= SHORT_ARGUMENT_LENGTH && shortArgs.every((arg, index) => arg === args[index]);
  const short = isShort ? { message, hint } : renderFault(shortenText(code), shortArgs, localise);
  return { code, known, message, hint, args, short };
}
