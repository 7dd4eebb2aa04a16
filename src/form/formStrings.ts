/**
 * The form script's strings live in String (RESX) web resources, one per language
 * (cjt_/customerjourney/strings/form.1033.resx, form.1031.resx), which ship as dependencies of form.js;
 * webpack.form.config.js writes them from src/strings.
 */
export const FORM_STRINGS_RESOURCE = "cjt_/customerjourney/strings/form";

/** Xrm.Utility.getResourceString: the string in the user's language, then the org's base language; null when missing. */
export type GetResourceString = (webResourceName: string, key: string) => string | null | undefined;

/** A lookup that never fails: a missing string or resource shows the key itself (visible, not blank). */
export function createGetString(getResourceString: GetResourceString): (key: string) => string {
  return (key) => {
    try {
      return getResourceString(FORM_STRINGS_RESOURCE, key) || key;
    } catch {
      return key;
    }
  };
}
