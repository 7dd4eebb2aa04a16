import type { JourneyService } from "../../dataverse/journeyService";
import type { WebApiPort } from "../../dataverse/webApiPort";
import type { FormatDateTime } from "../dateFormat";
import type { PrivilegeKind } from "../journeyControlProps";
import type { GetString } from "../strings";

export interface JourneysViewProps {
  /** The control's `journeys` data-set: the view's rows, columns, sorting, paging and selection. */
  dataset: ComponentFramework.PropertyTypes.DataSet;
  getString: GetString;
  /** The user's language (context.userSettings.languageId): it picks the plural forms. */
  languageId: number;
  formatDateTime: FormatDateTime;
  /** The user's privilege on msdyncrm_customerjourney (context.utils.hasEntityPrivilege). */
  hasPrivilege(privilege: PrivilegeKind): boolean;
  /** A journey service of its own for each journey a bulk action runs: a service makes one status write at a time. */
  newService(): JourneyService;
  /** The port the services use: the bulk check stores its results through it. */
  webApi: WebApiPort;
  /** Height in px the host gives the control (context.mode.allocatedHeight); -1 or 0 when not known. */
  allocatedHeight: number;
  /** The current time; tests pass a fixed one. */
  now(): Date;
}
