import { countKeys } from "../journey/language";

/**
 * The form script's strings live in String (RESX) web resources, one per language
 * (cjt_/customerjourney/strings/form.<lcid>.resx: 1033, 1031, 1036, 3082), which ship as dependencies of form.js;
 * webpack.form.config.js writes them from src/strings.
 */
export const FORM_STRINGS_RESOURCE = "cjt_/customerjourney/strings/form";

/**
 * Xrm.Utility.getResourceString: the string in the user's language, then the org's base language; null when
 * missing. It throws where no RESX web resource exists for the user's language.
 */
export type GetResourceString = (webResourceName: string, key: string) => string | null | undefined;

/**
 * The English strings webpack.form.config.js builds into form.js from the 1033 RESX, as a tree by the keys' dot-separated
 * segments ("fault.NameMissing.hint" → english.fault.NameMissing.hint).
 */
export interface EnglishStrings {
  readonly [segment: string]: string | EnglishStrings;
}

/** A form string by key; with a count, the key's plural form the count needs in the user's language (see countKeys). */
export type FormGetString = (key: string, count?: number) => string;

/**
 * A lookup that never fails: the user's language where its RESX has the string, otherwise the English
 * built into the script; the key itself only for a key no English string has.
 */
export function createGetString(
  getResourceString: GetResourceString,
  english: EnglishStrings,
  languageId: number,
): FormGetString {
  const lookUp = (key: string) => {
    try {
      const text = getResourceString(FORM_STRINGS_RESOURCE, key);
      if (text) return text;
    } catch {
      // No RESX in the user's language: English below.
    }
    let node: string | EnglishStrings | undefined = english;
    for (const segment of key.split("."))
      node =
        typeof node === "object" && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    return typeof node === "string" ? node : undefined;
  };
  return (key, count) =>
    (count === undefined ? lookUp(key) : countKeys(key, count, languageId).map(lookUp).find(Boolean)) ?? key;
}

/** Whether the RESX web resource answers in the user's language (or the org's base language, as the host falls back). */
export function stringsLoad(getResourceString: GetResourceString): boolean {
  try {
    return !!getResourceString(FORM_STRINGS_RESOURCE, "form.formClosed");
  } catch {
    return false;
  }
}
