import { LOCALE_BY_LANGUAGE_ID } from "../journey/language";

/** Formats an ISO date-time for the user: in their language and their Dataverse time zone. */
export type FormatDateTime = (iso: string | null | undefined) => string;

/**
 * The locale is the user's language's (the browser's for a language without one here);
 * `offsetMinutes` is the user's offset from UTC at a date (context.userSettings.getTimeZoneOffsetMinutes),
 * so the time shown is the one the form shows, not the browser's.
 */
export function createDateTimeFormatter(languageId: number, offsetMinutes: (date: Date) => number): FormatDateTime {
  const format = new Intl.DateTimeFormat(LOCALE_BY_LANGUAGE_ID[languageId], {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return (iso) => {
    if (!iso) return "";
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return format.format(new Date(date.getTime() + offsetMinutes(date) * 60_000));
  };
}

/**
 * How long before `now` an ISO time was, in the user's language ("5 minutes ago", "vor 5 Minuten"): in minutes
 * under an hour, then in hours; `justNow` under a minute (or ahead of the clock).
 */
export function timeAgo(iso: string, now: Date, languageId: number, justNow: string): string {
  const minutes = (now.getTime() - Date.parse(iso)) / 60_000;
  return minutes >= 1
    ? new Intl.RelativeTimeFormat(LOCALE_BY_LANGUAGE_ID[languageId]).format(
        -Math.floor(minutes < 60 ? minutes : minutes / 60),
        minutes < 60 ? "minute" : "hour",
      )
    : justNow;
}
