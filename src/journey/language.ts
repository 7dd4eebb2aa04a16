/** BCP-47 tags by Dataverse language id (LCID): the product's four languages and a few more its dates know. */
export const LOCALE_BY_LANGUAGE_ID: Readonly<Record<number, string>> = {
  1031: "de-DE",
  1033: "en-US",
  2057: "en-GB",
  1036: "fr-FR",
  1040: "it-IT",
  3082: "es-ES",
  1043: "nl-NL",
};

/** Each language's plural rules, made once: a list of 5,000 rows asks for them at every count it shows. */
const pluralRules: Record<number, Intl.PluralRules> = {};

/**
 * The keys to try, in order, for the text of a count: `${key}.zero` for 0 (a text that says "none" in words,
 * where there is one), then `${key}.one` or `${key}.other` as the language's plural rules choose (French says
 * "0 erreur", English "0 errors"; the rules' other categories, such as French "many" for a million, read "other").
 */
export function countKeys(key: string, count: number, languageId: number): string[] {
  const rules = (pluralRules[languageId] ??= new Intl.PluralRules(LOCALE_BY_LANGUAGE_ID[languageId] ?? "en"));
  const form = rules.select(count) === "one" ? "one" : "other";
  return [...(count === 0 ? [`${key}.zero`] : []), `${key}.${form}`];
}
