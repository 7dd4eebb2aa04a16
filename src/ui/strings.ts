import { fillPlaceholders, type Localise } from "../journey/faultCatalogue";
import { statusInfo } from "../journey/statusModel";

/** The host's resource lookup (context.resources.getString): the resx value for the user's language. */
export type GetString = (key: string) => string;

export type { Localise };

/** The Localise over the host's lookup, made once at the top so that components call it by key alone. */
export function localiserFor(getString: GetString): Localise {
  // The host answers "" (or, some hosts, undefined) for a key its resources lack.
  return (key, ...args) => fillPlaceholders(getString(key) || key, args.map(String));
}

/** The text of `${key}.one` or `${key}.other`, whichever the count needs, with the count filled in. */
export function localiseCount(localise: Localise, key: string, count: number): string {
  return localise(`${key}.${count === 1 ? "one" : "other"}`, count);
}

/** The status in words: its resx label ("status.<code>"), or "Unknown status (code)". */
export function statusLabel(status: number, localise: Localise): string {
  return localise(statusInfo(status) ? `status.${status}` : "header.statusUnknown", status);
}
