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

/**
 * The JSON a text holds; stops with `${subject}Empty` when it is blank, `${subject}NotJson` when it is not JSON.
 * The parser's own message is not passed on: it differs by browser and is in the browser's language.
 */
export function parseJsonText(text: string, subject: "Definition" | "Result"): unknown {
  if (!text.trim()) unreadable(`${subject}Empty`);
  try {
    return JSON.parse(text);
  } catch {
    return unreadable(`${subject}NotJson`);
  }
}
