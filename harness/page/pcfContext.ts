import type { WebApiPort } from "../../src/dataverse/webApiPort";
import { userLanguage } from "./userLanguage";

/** Privilege types of context.utils.hasEntityPrivilege (PCF's PrivilegeType). */
const PRIVILEGE_NAMES: Record<number, string> = {
  1: "create",
  2: "read",
  3: "write",
  4: "delete",
  5: "assign",
  6: "share",
  7: "append",
  8: "appendto",
};

/** What every control instance's context is built from, whatever the page (a form, a view). */
export interface PlatformContextInputs {
  /** The table the control is on (the form's record's, the view's). */
  entityTypeName: string;
  strings: Record<string, string>;
  languageId: number;
  userId: string;
  userName: string;
  /** null = every privilege. */
  privileges: readonly string[] | null;
  isControlDisabled: boolean;
  allocatedWidth: number;
  /** What the control's container leaves it (a view); -1, the default: as tall as it needs (a form field). */
  allocatedHeight?: number;
  webApi: WebApiPort;
  updatedProperties: string[];
  /** context.events: a method per <event> of the manifest, raising it on this control instance. */
  events: Record<string, (payload?: unknown) => void>;
  requestRender(): void;
  navigation: {
    openForm(options: { entityName: string; entityId?: string }): Promise<unknown>;
    openConfirmDialog(strings: {
      title?: string;
      text: string;
      confirmButtonLabel?: string;
      cancelButtonLabel?: string;
    }): Promise<{ confirmed: boolean }>;
    openAlertDialog(strings: { text: string; confirmButtonLabel?: string }): Promise<void>;
  };
}

/** The form's field control: the platform's parts plus its bound column and record. */
export interface PcfContextInputs extends PlatformContextInputs {
  entityId: string;
  recordName: string;
  validationResults: string | null;
}

/** `?privileges=` as the page got it ("read,write"): the names in lower case; null (no option) = all. */
export function privilegeNames(option: string | null): string[] | null {
  return option === null
    ? null
    : option
        .split(",")
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean);
}

export function hasPrivilege(privileges: readonly string[] | null, privilegeType: number): boolean {
  if (privileges === null) return true;
  const name = PRIVILEGE_NAMES[privilegeType];
  return name !== undefined && privileges.includes(name);
}

/**
 * The parts of a PCF context that do not depend on where the control sits: what the real one offers for
 * what the controls use (mode, client, resources, userSettings, utils, formatting, factory, navigation,
 * webAPI, events).
 */
export function createPlatformContext(inputs: PlatformContextInputs) {
  const language = userLanguage(inputs.languageId);
  const lang = language.locale;
  const dateFormat = (options: Intl.DateTimeFormatOptions) => (value: Date) =>
    new Intl.DateTimeFormat(lang, { timeZone: "UTC", ...options }).format(value);
  return {
    mode: {
      isControlDisabled: inputs.isControlDisabled,
      isVisible: true,
      label: "",
      allocatedWidth: inputs.allocatedWidth,
      allocatedHeight: inputs.allocatedHeight ?? -1,
      trackContainerResize: () => undefined,
      setControlState: () => true,
      setFullScreen: () => undefined,
    },
    client: {
      getClient: () => "Web",
      getFormFactor: () => 1,
      isOffline: () => false,
      isNetworkAvailable: () => true,
      disableScroll: false,
    },
    resources: {
      getString: (id: string) => inputs.strings[id] ?? "",
      getResource: (_id: string, _success: (data: string) => void, failure: () => void) => failure(),
    },
    userSettings: {
      languageId: inputs.languageId,
      userId: `{${inputs.userId.toUpperCase()}}`,
      userName: inputs.userName,
      isRTL: false,
      securityRoles: [] as string[],
      getTimeZoneOffsetMinutes: () => 0,
      dateFormattingInfo: {
        shortDatePattern: language.shortDatePattern,
        shortTimePattern: "HH:mm",
      },
      numberFormattingInfo: {
        numberDecimalSeparator: language.decimalSeparator,
        numberGroupSeparator: language.groupSeparator,
      },
    },
    utils: {
      // The journey's privileges by name; customizing forms (write on systemform) as "customize".
      hasEntityPrivilege: (entityTypeName: string, privilegeType: number) =>
        entityTypeName === "systemform"
          ? privilegeType === 3 && (inputs.privileges === null || inputs.privileges.includes("customize"))
          : hasPrivilege(inputs.privileges, privilegeType),
      getEntityMetadata: () =>
        Promise.resolve({
          EntitySetName: "msdyncrm_customerjourneys",
          LogicalName: inputs.entityTypeName,
          PrimaryIdAttribute: "msdyncrm_customerjourneyid",
          PrimaryNameAttribute: "msdyncrm_name",
        }),
      lookupObjects: () => Promise.resolve([]),
    },
    formatting: {
      formatDateShort: dateFormat({ dateStyle: "short" }),
      formatDateLong: dateFormat({ dateStyle: "long" }),
      formatDateLongAbbreviated: dateFormat({ dateStyle: "medium" }),
      formatTime: dateFormat({ timeStyle: "short" }),
      formatDateYearMonth: dateFormat({ year: "numeric", month: "long" }),
      formatInteger: (value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value),
      formatDecimal: (value: number, precision = 2) =>
        new Intl.NumberFormat(lang, { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(
          value,
        ),
      formatUserDateTimeToUTC: (value: Date) => value,
      formatUTCDateTimeToUserDate: (value: number) => new Date(value),
      getWeekOfYear: (value: Date) =>
        Math.ceil(((value.getTime() - Date.UTC(value.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7),
    },
    factory: { requestRender: inputs.requestRender, getPopupService: () => ({}) },
    navigation: {
      openForm: inputs.navigation.openForm,
      openConfirmDialog: inputs.navigation.openConfirmDialog,
      openAlertDialog: inputs.navigation.openAlertDialog,
      openErrorDialog: (options: { message?: string }) =>
        inputs.navigation.openAlertDialog({ text: options.message ?? "" }),
      openUrl: (url: string) => void window.open(url, "_blank", "noopener"),
    },
    webAPI: {
      retrieveRecord: inputs.webApi.retrieveRecord,
      retrieveMultipleRecords: inputs.webApi.retrieveMultipleRecords,
      createRecord: inputs.webApi.createRecord,
      updateRecord: inputs.webApi.updateRecord,
      deleteRecord: inputs.webApi.deleteRecord,
    },
    events: inputs.events,
    updatedProperties: inputs.updatedProperties,
  };
}

/** The form field's context: the platform's parts, its bound column (validationResults) and its record. */
export function createPcfContext(inputs: PcfContextInputs) {
  const platform = createPlatformContext(inputs);
  const raw = inputs.validationResults;
  return {
    ...platform,
    parameters: {
      validationResults: {
        raw,
        formatted: raw ?? "",
        type: "Multiple",
        error: false,
        errorMessage: "",
        attributes: {
          LogicalName: "msdyncrm_validationresults",
          DisplayName: "Error check results",
          MaxLength: 1048576,
          Type: "memo",
        },
        security: { editable: !inputs.isControlDisabled, readable: true, secured: false },
      },
    },
    mode: {
      ...platform.mode,
      label: "Error check results",
      contextInfo: {
        entityId: inputs.entityId,
        entityTypeName: inputs.entityTypeName,
        entityRecordName: inputs.recordName,
      },
    },
    page: {
      entityId: inputs.entityId,
      entityTypeName: inputs.entityTypeName,
      isPageReadOnly: inputs.isControlDisabled,
      getClientUrl: () => window.location.origin,
    },
  };
}
