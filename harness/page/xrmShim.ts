import type { WebApiPort } from "../../src/dataverse/webApiPort";
import { openDialog } from "./dialogs";
import { resourceStringReader, type StringResources } from "./resx";
import type { GetAllowedStatusTransitions } from "./statusTransitions";
import { userLanguage } from "./userLanguage";

export interface XrmShimInputs {
  webApi: WebApiPort;
  languageId: number;
  userId: string;
  userName: string;
  /** The String (RESX) web resources the form script depends on, by name and language. */
  stringResources: StringResources;
  /** The org's TransitionData as the page's `&transitions=` option gives it (statusTransitions.ts); undefined: none. */
  getAllowedStatusTransitions: GetAllowedStatusTransitions;
  /** Navigates the page (tests can observe it). */
  navigate(url: string): void;
}

export function formUrl(entityName: string, entityId: string, languageQuery: string): string {
  const id = entityId.replace(/[{}]/g, "").toLowerCase();
  return `/main.aspx?pagetype=entityrecord&etn=${encodeURIComponent(entityName)}&id=${encodeURIComponent(id)}${languageQuery}`;
}

/** The harness query options carried over when the page navigates. */
export function harnessQuery(): string {
  const current = new URLSearchParams(window.location.search);
  const kept = [
    "lang",
    "privileges",
    "readonly",
    "formscript",
    "onsave",
    "onstatuschange",
    "statusreason",
    "header",
    "asyncsave",
    "transitions",
  ]
    .filter((key) => current.has(key))
    .map((key) => `&${key}=${encodeURIComponent(current.get(key) ?? "")}`);
  return kept.join("");
}

/** The emulated org's base language: getResourceString falls back to it. */
const ORG_BASE_LANGUAGE = 1033;

/** A global `Xrm` for the page: WebApi over HTTP to the emulated org, Navigation, Utility. */
export function createXrm(inputs: XrmShimInputs, languageQuery: string) {
  const language = userLanguage(inputs.languageId);
  const navigation = {
    openForm(options: { entityName: string; entityId?: string; openInNewWindow?: boolean }) {
      if (!options.entityId)
        return Promise.reject({
          errorCode: 0,
          message: "The harness opens existing records only (entityId is required).",
        });
      const url = formUrl(options.entityName, options.entityId, languageQuery);
      if (options.openInNewWindow) window.open(url, "_blank", "noopener");
      else inputs.navigate(url);
      return Promise.resolve({ savedEntityReference: [{ entityType: options.entityName, id: options.entityId }] });
    },
    /** Only the table list (pageType "entitylist"), as the page of all journeys; the URL keeps what was asked for. */
    navigateTo(pageInput: { pageType: string; entityName?: string }) {
      if (pageInput.pageType !== "entitylist" || !pageInput.entityName)
        return Promise.reject({ errorCode: 0, message: "The harness navigates to a table's list only." });
      inputs.navigate(`/?pagetype=entitylist&etn=${encodeURIComponent(pageInput.entityName)}`);
      return Promise.resolve();
    },
    async openConfirmDialog(strings: {
      title?: string;
      text: string;
      confirmButtonLabel?: string;
      cancelButtonLabel?: string;
    }) {
      const confirmed = await openDialog({
        title: strings.title,
        text: strings.text,
        confirmLabel: strings.confirmButtonLabel ?? "OK",
        cancelLabel: strings.cancelButtonLabel ?? language.cancelLabel,
      });
      return { confirmed };
    },
    async openAlertDialog(strings: { title?: string; text: string; confirmButtonLabel?: string }) {
      await openDialog({ title: strings.title, text: strings.text, confirmLabel: strings.confirmButtonLabel ?? "OK" });
    },
    async openErrorDialog(options: { message?: string; details?: string }) {
      await openDialog({
        title: language.errorTitle,
        text: [options.message, options.details].filter(Boolean).join("\n"),
        confirmLabel: "OK",
      });
    },
    openUrl(url: string) {
      window.open(url, "_blank", "noopener");
    },
  };
  const userSettings = {
    languageId: inputs.languageId,
    userId: `{${inputs.userId.toUpperCase()}}`,
    userName: inputs.userName,
    roles: { getAll: () => [] as unknown[] },
    securityRoles: [] as string[],
    getTimeZoneOffsetMinutes: () => 0,
    dateFormattingInfo: { shortDatePattern: language.shortDatePattern },
  };
  const globalContext = {
    userSettings,
    getClientUrl: () => window.location.origin,
    getVersion: () => "9.2.0.0",
    client: { getClient: () => "Web", getFormFactor: () => 1, isOffline: () => false },
    organizationSettings: { uniqueName: "harness", languageId: ORG_BASE_LANGUAGE, baseCurrencyId: null },
  };
  return {
    WebApi: { ...inputs.webApi, online: inputs.webApi.online, offline: null },
    Navigation: navigation,
    Utility: {
      getGlobalContext: () => globalContext,
      showProgressIndicator: (message: string) => {
        document.body.setAttribute("data-progress", message);
      },
      closeProgressIndicator: () => {
        document.body.removeAttribute("data-progress");
      },
      getResourceString: resourceStringReader(inputs.stringResources, inputs.languageId, ORG_BASE_LANGUAGE),
      ...(inputs.getAllowedStatusTransitions && { getAllowedStatusTransitions: inputs.getAllowedStatusTransitions }),
    },
  };
}
