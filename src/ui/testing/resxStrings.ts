import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResxStrings } from "../../../scripts/resx";
import type { GetString } from "../strings";

/** The shipped resx of a language as the host's getString would answer: the value, or "" when the key is missing. */
export function resxStrings(languageId: 1033 | 1031): { getString: GetString; keys: string[] } {
  const path = join(__dirname, "..", "..", "strings", `JourneyControl.${languageId}.resx`);
  const values = readResxStrings(readFileSync(path, "utf8"));
  return { getString: (key) => values[key] ?? "", keys: Object.keys(values) };
}
