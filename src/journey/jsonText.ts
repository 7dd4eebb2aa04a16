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

/** The JSON a text holds; stops with `${subject}Empty` when it is blank, `${subject}NotJson` (with the parser's message) when it is not JSON. */
export function parseJsonText(text: string, subject: "Definition" | "Result"): unknown {
  if (!text.trim()) unreadable(`${subject}Empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    return unreadable(`${subject}NotJson`, [error instanceof Error ? error.message : ""]);
  }
}
