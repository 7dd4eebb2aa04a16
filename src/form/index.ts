import { REAL_TIMING } from "../dataverse/retryPolicy";
import type { WebApiPort } from "../dataverse/webApiPort";
import type { FormEnvironment } from "./formEnvironment";
import { createFormHandlers } from "./formHandlers";
import { createGetString, stringsLoad, type EnglishStrings } from "./formStrings";

/** The 1033 RESX's form strings, put in by webpack.form.config.js. */
declare const FORM_ENGLISH_STRINGS: EnglishStrings;

/** The real environment: the host's Xrm, the strings of the RESX web resources, the clock. */
function hostEnvironment(): FormEnvironment {
  const getResourceString = (webResourceName: string, key: string) =>
    Xrm.Utility.getResourceString(webResourceName, key);
  return {
    webApi: Xrm.WebApi as unknown as Pick<WebApiPort, "online">,
    timing: REAL_TIMING,
    getString: createGetString(
      getResourceString,
      FORM_ENGLISH_STRINGS,
      Xrm.Utility.getGlobalContext().userSettings.languageId,
    ),
    stringsLoaded: () => stringsLoad(getResourceString),
    now: () => new Date(),
    confirm: (title, text) =>
      Promise.resolve(Xrm.Navigation.openConfirmDialog({ title, text })).then((result) => result.confirmed),
    openNewForm: (entityName) => void Promise.resolve(Xrm.Navigation.openForm({ entityName })).catch(() => undefined),
  };
}

/**
 * The global `CustomerJourneyForm` whose functions a customizer registers on the journey form:
 * onLoad, onSave and onStatusChange (pass execution context); checkForErrors, goLive, stop and edit
 * for command bar buttons (parameter: PrimaryControl). A plain global rather than webpack library
 * exports, which would add webpack's module runtime to the script.
 */
Object.assign(window, { CustomerJourneyForm: createFormHandlers(hostEnvironment) });
