import type * as React from "react";
import { IInputs, IOutputs } from "../JourneysView/generated/ManifestTypes";
import { webApiOf } from "./dataverse/hostWebApi";
import { createJourneyService, JOURNEY_ENTITY } from "./dataverse/journeyService";
import { createDateTimeFormatter } from "./ui/dateFormat";
import type { PrivilegeKind } from "./ui/journeyControlProps";
import { JourneysList } from "./ui/journeysView/JourneysList";
import type { JourneysViewProps } from "./ui/journeysView/journeysViewProps";
import { createElement } from "./ui/platform";

/** Journeys per page: the most a Dataverse page holds, so the quick filters count every journey of most orgs. */
const PAGE_SIZE = 5000;
const now = () => new Date();

/** The journeys view: a dataset control for msdyncrm_customerjourney views (see src/ui/journeysView). */
export class JourneysView implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
    context.parameters.journeys.paging.setPageSize(PAGE_SIZE);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const webApi = webApiOf(context);
    const props: JourneysViewProps = {
      dataset: context.parameters.journeys,
      getString: (key) => context.resources.getString(key),
      languageId: context.userSettings.languageId,
      formatDateTime: createDateTimeFormatter(context.userSettings.languageId, (date) =>
        context.userSettings.getTimeZoneOffsetMinutes(date),
      ),
      // Depth 0, Basic: the least a user holding the privilege at all has.
      hasPrivilege: (privilege: PrivilegeKind) => context.utils.hasEntityPrivilege(JOURNEY_ENTITY, privilege, 0),
      newService: () => createJourneyService({ webApi, now }),
      webApi,
      allocatedHeight: context.mode.allocatedHeight,
      now,
    };
    return createElement(JourneysList, props);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view.
  }
}
