import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseString } from "xml2js";
import type { GetString } from "../strings";

/** The shipped resx of a language as the host's getString would answer: the value, or "" when the key is missing. */
export function resxStrings(languageId: 1033 | 1031): { getString: GetString; keys: string[] } {
  const path = join(__dirname, "..", "..", "strings", `JourneyControl.${languageId}.resx`);
  const values = new Map<string, string>();
  parseString(
    readFileSync(path, "utf8"),
    (error: Error | null, parsed: { root: { data?: { $: { name: string }; value: string[] }[] } }) => {
      if (error) throw error;
      for (const data of parsed.root.data ?? []) values.set(data.$.name, data.value[0] ?? "");
    },
  );
  return { getString: (key) => values.get(key) ?? "", keys: [...values.keys()] };
}
