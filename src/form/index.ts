import { publishFormBridge } from "../bridge/formBridgeHost";
import type { WebApiPort } from "../dataverse/webApiPort";
import type { FormEnvironment } from "./formEnvironment";
import { createFormHandlers } from "./formHandlers";
import { createGetString } from "./formStrings";

/** The real environment: the host's Xrm, the strings of the RESX web resources, the clock. */
function hostEnvironment(): FormEnvironment {
  return {
    webApi: Xrm.WebApi as unknown as Pick<WebApiPort, "online">,
    getString: createGetString((webResourceName, key) => Xrm.Utility.getResourceString(webResourceName, key)),
    now: () => new Date(),
    confirm: (title, text) => Promise.resolve(Xrm.Navigation.openConfirmDialog({ title, text })).then((result) => result.confirmed),
    publishBridge: publishFormBridge,
  };
}

const handlers = createFormHandlers(hostEnvironment);

/** Form OnLoad (pass execution context). */
export const onLoad = handlers.onLoad;
/** Form OnSave (pass execution context). */
export const onSave = handlers.onSave;
/** Status Reason (statuscode) OnChange (pass execution context). */
export const onStatusChange = handlers.onStatusChange;
/** Command bar actions; parameter: PrimaryControl. */
export const checkForErrors = handlers.checkForErrors;
export const goLive = handlers.goLive;
export const stop = handlers.stop;
export const edit = handlers.edit;
