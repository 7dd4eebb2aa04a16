import { createIfMatchWrites } from "./ifMatchWrites";
import { RESOURCE_NOT_FOUND } from "./webApiErrors";
import type { WebApiPort } from "./webApiPort";

/** The host's Xrm where a control sits in a model-driven app (pcf-start and canvas apps have none). */
export const xrm = (): Partial<Xrm.XrmStatic> | undefined => (typeof Xrm !== "undefined" ? Xrm : undefined);

/** The org's URL (Xrm.Utility.getGlobalContext().getClientUrl()); "" where the host has no Xrm. */
export const orgUrl = (): string => xrm()?.Utility?.getGlobalContext?.().getClientUrl?.() ?? "";

/**
 * The host's Xrm.WebApi where the control sits in a model-driven app, with the status write and the
 * delete sent with If-Match to the org's Web API (ifMatchWrites.ts says why). Elsewhere (a canvas app,
 * the pcf-start page) only the PCF context's webAPI exists: it cannot run actions, so the error check
 * reports the validate action as unavailable and the control falls back to its own checks, and its
 * writes go out without If-Match.
 */
export function webApiOf(context: { webAPI: ComponentFramework.WebApi }): WebApiPort {
  const hostWebApi = xrm()?.WebApi;
  if (hostWebApi) {
    // The host's object stays the prototype, so its methods run on it as they are.
    const port = Object.create(hostWebApi) as WebApiPort;
    const clientUrl = orgUrl();
    if (clientUrl) port.ifMatch = createIfMatchWrites(clientUrl);
    return port;
  }
  // The context's webAPI stays the prototype, so its record methods run as they are; only the action call is added.
  const online: WebApiPort["online"] = { execute: () => Promise.reject({ errorCode: RESOURCE_NOT_FOUND }) };
  return Object.assign(Object.create(context.webAPI) as WebApiPort, { online });
}
