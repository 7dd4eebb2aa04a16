/** Formats an ISO date-time for the user: in their language and their Dataverse time zone. */
export type FormatDateTime = (iso: string | null | undefined) => string;

const LOCALE_BY_LANGUAGE_ID: Readonly<Record<number, string>> = {
  1031: "de-DE",
  1033: "en-US",
  2057: "en-GB",
  1036: "fr-FR",
  1040: "it-IT",
  3082: "es-ES",
  1043: "nl-NL",
};

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
