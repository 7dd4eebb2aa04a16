import { localFinding, type FaultCodeName } from "./faultCatalogue";
import type { ValidationEntry } from "./types";

/** Thrown by a reader of JSON text to stop at the finding that makes the rest unreadable; its caller reports the finding. */
export class Unreadable extends Error {
  constructor(readonly finding: ValidationEntry) {
    super(finding.fault);
  }
}

/** Stops reading with a journey-wide finding. */
export function unreadable(code: FaultCodeName, args?: string[]): never {
  throw new Unreadable(localFinding(code, "", args));
}

/** One JSON token after optional white space: a string, a number, a literal or a punctuation mark. */
// JSON strings may not hold raw control characters, so the pattern names them.
const JSON_TOKEN =
  // eslint-disable-next-line no-control-regex
  /[ \t\n\r]*("(?:[^"\\\0-\x1f]|\\["\\/bfnrt]|\\u[\dA-Fa-f]{4})*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[Ee][+-]?\d+)?|true|false|null|[{}[\]:,])?/y;

/**
 * Where a text that JSON.parse rejects stops being JSON: the 0-based offset of the first token that cannot
 * stand there (the text's length when it ends too early). The parsers' own messages differ by browser and
 * language, so the user is told this position instead.
 */
export function jsonErrorOffset(text: string): number {
  const closers: string[] = [];
  // What must come next: a value, an object's key, or the very punctuation mark; a closer is also allowed
  // right after an opener, and where a "," is.
  let wanted = "value";
  let opened = false;
  for (let at = 0; ;) {
    JSON_TOKEN.lastIndex = at;
    const [spaced, token = ""] = JSON_TOKEN.exec(text) as RegExpExecArray;
    const first = token[0];
    const closer = closers[closers.length - 1];
    at += spaced.length - token.length;
    if (closer && first === closer && (opened || wanted === ",")) {
      closers.pop();
      wanted = ",";
    } else if (
      wanted === "value"
        ? !first || ",:]}".includes(first)
        : wanted === "key"
          ? first !== '"'
          : first !== wanted || !closer
    ) {
      return at;
    } else if (wanted === "value" && (first === "{" || first === "[")) {
      closers.push(first === "{" ? "}" : "]");
      wanted = first === "{" ? "key" : "value";
    } else {
      wanted =
        wanted === "," ? (closer === "}" ? "key" : "value") : wanted === "key" ? ":" : wanted === ":" ? "value" : ",";
    }
    opened = first === "{" || first === "[";
    at += token.length;
  }
}

/**
 * The JSON a text holds; stops with `${subject}Empty` when it is blank, `${subject}NotJson` (with the 1-based
 * character where it stops being JSON) when it is not JSON.
 */
export function parseJsonText(text: string, subject: "Definition" | "Result"): unknown {
  if (!text.trim()) unreadable(`${subject}Empty`);
  try {
    return JSON.parse(text);
  } catch {
    return unreadable(`${subject}NotJson`, [String(jsonErrorOffset(text) + 1)]);
  }
}
