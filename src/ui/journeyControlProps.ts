import type { ConnectedFormBridge } from "../bridge/formBridgeTypes";
import type { AllowedTransitions } from "../dataverse/allowedTransitions";
import type { JourneyService } from "../dataverse/journeyService";
import type { LookUpNames } from "../dataverse/recordNames";
import type { FormatDateTime } from "./dateFormat";
import type { GetString } from "./strings";

/** Privilege types of context.utils.hasEntityPrivilege. */
export const Privilege = { Create: 1, Read: 2, Write: 3, Delete: 4 } as const;
export type PrivilegeKind = (typeof Privilege)[keyof typeof Privilege];

export interface JourneyControlProps {
  /** Lower-case record id without braces; "" on a form of a journey not yet saved. */
  recordId: string;
  /** The journey service (a fake in component tests). */
  service: JourneyService;
  /**
   * The form's connected bridge, or null when no form script answers (then the end-date fix is unavailable
   * and the control does not follow the form); the control listens to its events.
   */
  findBridge(): Promise<ConnectedFormBridge | null>;
  /** The status reasons the org's TransitionData allows from a status (asked once per status; null: not known). */
  allowedTransitions: AllowedTransitions;
  /** The bound msdyncrm_validationresults value: the stored result of the last check. */
  storedValidationResults: string | null;
  getString: GetString;
  /** The user's language (context.userSettings.languageId): it picks the plural forms. */
  languageId: number;
  formatDateTime: FormatDateTime;
  /** The control or the whole form is read-only. */
  isDisabled: boolean;
  hasPrivilege(privilege: PrivilegeKind): boolean;
  /** The user may customize forms and the control sits on a form that raises its events: the setup check shows. */
  canCustomize: boolean;
  /** Width in px the host gives the control (context.mode.allocatedWidth); -1 or 0 when not known. */
  allocatedWidth: number;
  /** Opens a record's form (Xrm.Navigation.openForm): a copy of the journey, a segment or an email it uses. */
  openRecord(table: string, id: string): void;
  /** The names of the segments, emails and content settings that findings and tiles refer to. */
  lookUpNames: LookUpNames;
  /** Opens the list of journeys (Xrm.Navigation.navigateTo): the journey shown was deleted. */
  openJourneyList(): void;
  /** The org's URL (Xrm.Utility.getGlobalContext().getClientUrl()); "" where the host has no Xrm. */
  orgUrl: string;
  /** The current time; tests pass a fixed one. */
  now(): Date;
}
