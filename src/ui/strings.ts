import { fillPlaceholders, type Localise } from "../journey/faultCatalogue";
import { countKeys } from "../journey/language";
import { statusInfo } from "../journey/statusModel";

/** The host's resource lookup (context.resources.getString): the resx value for the user's language. */
export type GetString = (key: string) => string;

export type { Localise };

/**
 * The Localise over the host's lookup, made once at the top so that components call it by key alone. A key
 * written in plural forms (`key.one`, `key.other`, maybe `key.zero`) takes the form its first argument, a count,
 * needs in the user's language: `localise("live.blocked", 1)` reads live.blocked.one.
 */
export function localiserFor(getString: GetString, languageId: number): Localise {
  return (key, ...args) => {
    // The host answers "" (or, some hosts, undefined) for a key its resources lack.
    const text =
      getString(key) ||
      (typeof args[0] === "number" && countKeys(key, args[0], languageId).map(getString).find(Boolean)) ||
      key;
    return fillPlaceholders(text, args.map(String));
  };
}

/** The status in words: its resx label ("status.<code>"), or "Unknown status (code)". */
export function statusLabel(status: number, localise: Localise): string {
  return localise(statusInfo(status) ? `status.${status}` : "header.statusUnknown", status);
}

/** A tile's type in words ("tileType.<type>"); a type the resources do not know shows as its raw name. */
export function tileTypeLabel(type: string, localise: Localise): string {
  const key = `tileType.${type}`;
  const label = localise(key);
  return label === key ? type : label;
}
