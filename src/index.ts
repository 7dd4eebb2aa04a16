import type * as React from "react";
import { IInputs, IOutputs } from "../JourneyControl/generated/ManifestTypes";
import { formEventName } from "./bridge/bridgeProtocol";
import { connectFormBridge, raiseThrough } from "./bridge/formBridgeClient";
import { createFormBridgeFinder, type FormBridgeFinder } from "./bridge/formBridgeFinder";
import { createAllowedTransitions } from "./dataverse/allowedTransitions";
import { orgUrl, webApiOf, xrm } from "./dataverse/hostWebApi";
import { createJourneyService } from "./dataverse/journeyService";
import { createNameLookup } from "./dataverse/recordNames";
import { createDateTimeFormatter } from "./ui/dateFormat";
import { Privilege, type JourneyControlProps, type PrivilegeKind } from "./ui/journeyControlProps";
import { JourneyView } from "./ui/JourneyView";
import { createElement } from "./ui/platform";
import { normalisedGuid } from "./journey/workflowDefinition";

const ENTITY = "msdyncrm_customerjourney";
/** The one real clock: the checks hold the journey's dates against it, and the panel says when it checked. */
const now = () => new Date();

/** context.mode.contextInfo and context.page are present on forms but missing from the typings. */
interface FormContext {
  mode: { contextInfo?: { entityId?: string } };
  page?: { entityId?: string };
}

function openRecordIn(context: ComponentFramework.Context<IInputs>, table: string, id: string): void {
  const navigation: Pick<ComponentFramework.Navigation, "openForm"> =
    (xrm()?.Navigation as unknown as ComponentFramework.Navigation | undefined) ?? context.navigation;
  void navigation.openForm({ entityName: table, entityId: id });
}

/**
 * After a delete, the form of a journey that is gone: the documented Xrm.Navigation.navigateTo to the journeys
 * list in its place (pcf-start and canvas apps have no Xrm: there the control says the journey was deleted).
 */
function openJourneyList(): void {
  xrm()
    ?.Navigation?.navigateTo({ pageType: "entitylist", entityName: ENTITY })
    .catch(() => undefined);
}

function recordIdOf(context: ComponentFramework.Context<IInputs>): string {
  const form = context as unknown as FormContext;
  const id = form.mode.contextInfo?.entityId || form.page?.entityId || "";
  return normalisedGuid(id);
}

export class JourneyControl implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  /** What lives as long as the record shown: its id, its service, the way to its form and the org's transitions. */
  private record: Pick<
    JourneyControlProps,
    "recordId" | "service" | "findBridge" | "allowedTransitions" | "lookUpNames" | "orgUrl"
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
      const webApi = webApiOf(context);
      this.record = {
        recordId,
        findBridge,
        orgUrl: orgUrl(),
        service: createJourneyService({ webApi, bridge: findBridge, now }),
        lookUpNames: createNameLookup(webApi),
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
      openRecord: (table, id) => openRecordIn(context, table, id),
      openJourneyList,
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
