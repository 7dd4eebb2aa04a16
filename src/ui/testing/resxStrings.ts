import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResxStrings } from "../../../scripts/resx";
import type { GetString } from "../strings";

/** The languages the product ships strings for. */
export const LANGUAGE_IDS = [1033, 1031, 1036, 3082] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** The product's controls, by the name their resx files start with. */
export type ControlName = "JourneyControl" | "JourneysView";

/** The shipped resx of a language as the host's getString would answer: the value, or "" when the key is missing. */
export function resxStrings(
  languageId: LanguageId,
  control: ControlName = "JourneyControl",
): { getString: GetString; keys: string[] } {
  const path = join(__dirname, "..", "..", "strings", `${control}.${languageId}.resx`);
  const values = readResxStrings(readFileSync(path, "utf8"));
  return { getString: (key) => values[key] ?? "", keys: Object.keys(values) };
}
