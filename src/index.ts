import * as React from "react";
import { IInputs, IOutputs } from "../generated/ManifestTypes";
import { connectFormBridge } from "./bridge/formBridgeClient";
import { JourneyService } from "./dataverse/journeyService";
import type { WebApiPort } from "./dataverse/webApiPort";
import { createDateTimeFormatter } from "./ui/dateFormat";
import { createFormBridgeFinder } from "./ui/formBridgeFinder";
import type { JourneyControlProps, PrivilegeKind } from "./ui/journeyControlProps";
import { JourneyView } from "./ui/JourneyView";

const ENTITY = "msdyncrm_customerjourney";
/** hasEntityPrivilege depth: Basic, the least a user holding the privilege at all has. */
const BASIC_DEPTH = 0;

/** context.mode.contextInfo and context.page are present on forms but missing from the typings. */
interface FormContext {
  mode: { contextInfo?: { entityId?: string } };
  page?: { entityId?: string };
}

function recordIdOf(context: ComponentFramework.Context<IInputs>): string {
  const form = context as unknown as FormContext;
  const id = form.mode.contextInfo?.entityId || form.page?.entityId || "";
  return id.replace(/[{}]/g, "").toLowerCase();
}

export class JourneyControl implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private recordId = "";
  private service: JourneyService | null = null;
  private findBridge: JourneyControlProps["findBridge"] = () => Promise.resolve(null);

  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const recordId = recordIdOf(context);
    if (this.service === null || recordId !== this.recordId) {
      this.recordId = recordId;
      this.findBridge = createFormBridgeFinder(() => connectFormBridge(recordId));
      this.service = new JourneyService({ webApi: Xrm.WebApi as unknown as WebApiPort, bridge: this.findBridge });
    }
    const props: JourneyControlProps = {
      recordId,
      service: this.service,
      findBridge: this.findBridge,
      storedValidationResults: context.parameters.validationResults.raw,
      getString: (key) => context.resources.getString(key),
      formatDateTime: createDateTimeFormatter(context.userSettings.languageId, (date) =>
        context.userSettings.getTimeZoneOffsetMinutes(date),
      ),
      isDisabled: context.mode.isControlDisabled,
      hasPrivilege: (privilege: PrivilegeKind) => context.utils.hasEntityPrivilege(ENTITY, privilege, BASIC_DEPTH),
      allocatedWidth: context.mode.allocatedWidth,
      openJourney: (id) => void Xrm.Navigation.openForm({ entityName: ENTITY, entityId: id }),
      now: () => new Date(),
    };
    return React.createElement(JourneyView, { ...props, key: recordId });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view; the bridge's channel closes with the page.
  }
}
