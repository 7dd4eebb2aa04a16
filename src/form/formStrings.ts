/** resx strings per LCID ("1033" → key → text), put into the bundle at build time (webpack.form.config.js). */
export type StringTables = Readonly<Record<string, Readonly<Record<string, string>>>>;

declare const CJT_FORM_STRINGS: StringTables;

/** The strings the build embedded; empty when this code runs unbundled (tests pass their own tables). */
export const BUNDLED_STRINGS: StringTables = typeof CJT_FORM_STRINGS === "undefined" ? {} : CJT_FORM_STRINGS;

const FALLBACK_LANGUAGE = "1033";

/** A lookup in the user's language, then English, then the key itself (so a missing string is visible, not blank). */
export function createGetString(tables: StringTables, languageId: number | undefined): (key: string) => string {
  const own = tables[String(languageId)] ?? {};
  const fallback = tables[FALLBACK_LANGUAGE] ?? {};
  return (key) => own[key] ?? fallback[key] ?? key;
}
