// Aliased: the Power Apps checker mistakes a call named formatString for the unsupported CRM 2011 global.
import { formatString as fillPlaceholders } from "../journey/faultCatalogue";

/** The host's resource lookup (context.resources.getString): the resx value for the user's language. */
export type GetString = (key: string) => string;

/** The localised text for a key with {0}, {1}... filled in; the key itself when the resources lack it. */
export function localise(getString: GetString, key: string, ...args: (string | number)[]): string {
  const template = getString(key);
  const found = typeof template === "string" && template !== "" ? template : key;
  return fillPlaceholders(found, args.map(String));
}
