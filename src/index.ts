import type * as React from "react";
import { IInputs, IOutputs } from "../generated/ManifestTypes";
import { formEventName, normaliseRecordId } from "./bridge/bridgeProtocol";
import { connectFormBridge, raiseThrough } from "./bridge/formBridgeClient";
import { createFormBridgeFinder, type FormBridgeFinder } from "./bridge/formBridgeFinder";
import { createAllowedTransitions } from "./dataverse/allowedTransitions";
import { createIfMatchWrites } from "./dataverse/ifMatchWrites";
import { createJourneyService } from "./dataverse/journeyService";
import { RESOURCE_NOT_FOUND } from "./dataverse/webApiErrors";
import type { WebApiPort } from "./dataverse/webApiPort";
import { createDateTimeFormatter } from "./ui/dateFormat";
import { Privilege, type JourneyControlProps, type PrivilegeKind } from "./ui/journeyControlProps";
import { JourneyView } from "./ui/JourneyView";
import { createElement } from "./ui/platform";

const ENTITY = "msdyncrm_customerjourney";
/** The one real clock: the checks hold the journey's dates against it, and the panel says when it checked. */
const now = () => new Date();

/** context.mode.contextInfo and context.page are present on forms but missing from the typings. */
interface FormContext {
  mode: { contextInfo?: { entityId?: string } };
  page?: { entityId?: string };
}

/** The host's Xrm where the control sits on a model-driven form (pcf-start and canvas apps have none). */
const xrm = (): Partial<Xrm.XrmStatic> | undefined => (typeof Xrm !== "undefined" ? Xrm : undefined);

/**
 * The host's Xrm.WebApi where the control sits on a model-driven form, with the status write and the
 * delete sent with If-Match to the org's Web API (ifMatchWrites.ts says why). Elsewhere (a canvas app,
 * the pcf-start page) only the PCF context's webAPI exists: it cannot run actions, so the error check
 * reports the validate action as unavailable and the control falls back to its own checks, and its
 * writes go out without If-Match.
 */
function webApiOf(context: ComponentFramework.Context<IInputs>, orgUrl: string): WebApiPort {
  const hostWebApi = xrm()?.WebApi;
  if (hostWebApi) {
    // The host's object stays the prototype, so its methods run on it as they are.
    const port = Object.create(hostWebApi) as WebApiPort;
    if (orgUrl) port.ifMatch = createIfMatchWrites(orgUrl);
    return port;
  }
  // The context's webAPI stays the prototype, so its record methods run as they are; only the action call is added.
  const online: WebApiPort["online"] = { execute: () => Promise.reject({ errorCode: RESOURCE_NOT_FOUND }) };
  return Object.assign(Object.create(context.webAPI) as WebApiPort, { online });
}

function openJourneyIn(context: ComponentFramework.Context<IInputs>, id: string): void {
  const navigation: Pick<ComponentFramework.Navigation, "openForm"> =
    (xrm()?.Navigation as unknown as ComponentFramework.Navigation | undefined) ?? context.navigation;
  void navigation.openForm({ entityName: ENTITY, entityId: id });
}

function recordIdOf(context: ComponentFramework.Context<IInputs>): string {
  const form = context as unknown as FormContext;
  const id = form.mode.contextInfo?.entityId || form.page?.entityId || "";
  return normaliseRecordId(id);
}

export class JourneyControl implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  /** What lives as long as the record shown: its id, its service, the way to its form and the org's transitions. */
  private record: Pick<
    JourneyControlProps,
    "recordId" | "service" | "findBridge" | "allowedTransitions" | "orgUrl"
  > | null = null;
  private formBridge: FormBridgeFinder | null = null;
  /** The custom events of the latest updateView's context: the form script answers them (see src/bridge). */
  private events: ComponentFramework.IEventBag | undefined;

  private readonly raiseEvent = raiseThrough(() => this.events);

  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.events = context.events;
    const recordId = recordIdOf(context);
    if (this.record?.recordId !== recordId) {
      this.formBridge?.close();
      const formBridge = createFormBridgeFinder(() => connectFormBridge(this.raiseEvent));
      const findBridge = () => formBridge.find();
      this.formBridge = formBridge;
      const orgUrl = xrm()?.Utility?.getGlobalContext?.().getClientUrl?.() ?? "";
      this.record = {
        recordId,
        findBridge,
        orgUrl,
        service: createJourneyService({ webApi: webApiOf(context, orgUrl), bridge: findBridge, now }),
        allowedTransitions: createAllowedTransitions(ENTITY, xrm()?.Utility),
      };
    }
    const props: JourneyControlProps & React.Attributes = {
      key: recordId,
      ...this.record,
      storedValidationResults: context.parameters.validationResults.raw,
      getString: (key) => context.resources.getString(key),
      languageId: context.userSettings.languageId,
      formatDateTime: createDateTimeFormatter(context.userSettings.languageId, (date) =>
        context.userSettings.getTimeZoneOffsetMinutes(date),
      ),
      isDisabled: context.mode.isControlDisabled,
      // Depth 0, Basic: the least a user holding the privilege at all has.
      hasPrivilege: (privilege: PrivilegeKind) => context.utils.hasEntityPrivilege(ENTITY, privilege, 0),
      // Write on systemform (prvWriteSystemForm) is what editing the form's libraries and events takes.
      canCustomize:
        !!context.events?.[formEventName("connect")] &&
        context.utils.hasEntityPrivilege("systemform", Privilege.Write, 0),
      allocatedWidth: context.mode.allocatedWidth,
      openJourney: (id) => openJourneyIn(context, id),
      now,
    };
    return createElement(JourneyView, props);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view.
    this.formBridge?.close();
  }
}
