import { fillPlaceholders } from "../journey/faultCatalogue";
import { statusInfo } from "../journey/statusModel";

/** The host's resource lookup (context.resources.getString): the resx value for the user's language. */
export type GetString = (key: string) => string;

/** The localised text for a key with {0}, {1}... filled in; the key itself when the resources lack it. */
export function localise(getString: GetString, key: string, ...args: (string | number)[]): string {
  // The host answers "" (or, some hosts, undefined) for a key its resources lack.
  return fillPlaceholders(getString(key) || key, args.map(String));
}

/** The text of `${key}.one` or `${key}.other`, whichever the count needs, with the count filled in. */
export function localiseCount(getString: GetString, key: string, count: number): string {
  return localise(getString, `${key}.${count === 1 ? "one" : "other"}`, count);
}

/** The status in words: its resx label, or "Unknown status (code)". */
export function statusLabel(status: number, getString: GetString): string {
  const info = statusInfo(status);
  return info ? localise(getString, info.labelKey) : localise(getString, "header.statusUnknown", status);
}
