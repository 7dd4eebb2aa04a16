import { createWebApiClient } from "../xrm/webApiClient";
import { defineComponentFramework, loadScript, loadStylesheet, mountControl, type MountedControl } from "./controlHost";
import { ALL_JOURNEYS_VIEW, createDataset } from "./datasetContext";
import type { ViewPageConfig } from "./html";
import { createPlatformContext, privilegeNames } from "./pcfContext";
import { allowedStatusTransitions } from "./statusTransitions";
import { userLanguage } from "./userLanguage";
import { createXrm, harnessQuery } from "./xrmShim";

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element;
}

/**
 * The journeys view page: the dataset control over ALL_JOURNEYS_VIEW, as a model-driven view hosts it.
 * The dataset loads its first page once the control is initialised; every change to it (loading, data, an error)
 * is an updateView with the data-set's name in updatedProperties, a resize one with "layout".
 */
async function main(): Promise<void> {
  const config = JSON.parse(byId("harness-config").textContent ?? "{}") as ViewPageConfig;
  const container = byId("view-control");
  const root = byId("view-root");
  const privileges = privilegeNames(config.privileges);
  const webApi = createWebApiClient({
    baseUrl: "/api/data/v9.2/",
    headers: privileges ? { "x-harness-privileges": privileges.join(",") } : {},
  });
  const xrm = createXrm(
    {
      webApi,
      languageId: config.languageId,
      userId: config.userId,
      userName: config.userName,
      stringResources: {},
      getAllowedStatusTransitions: allowedStatusTransitions(
        new URLSearchParams(window.location.search).get("transitions"),
      ),
      navigate: (url) => window.location.assign(url),
    },
    harnessQuery(),
  );
  Object.assign(window, { Xrm: xrm });
  const control = config.control;
  if (!control) {
    container.textContent =
      "The journeys view control is not built yet (out/controls/JourneysView/bundle.js is missing): run npm run build.";
    root.setAttribute("aria-busy", "false");
    return;
  }
  let mounted: MountedControl | undefined;
  const dataset = createDataset({
    webApi,
    view: ALL_JOURNEYS_VIEW,
    propertySets: control.propertySets,
    locale: userLanguage(config.languageId).locale,
    pageSize: config.pageSize,
    onChange: () => mounted?.render([control.dataSet]),
    openRecord: (reference) =>
      void xrm.Navigation.openForm({ entityName: reference.etn ?? "", entityId: reference.id.guid }),
  });
  try {
    defineComponentFramework();
    await Promise.all([...control.styles.map(loadStylesheet), loadScript(control.script)]);
    const strings = (await fetch(control.strings).then((r) => r.json())) as Record<string, string>;
    mounted = mountControl(
      control.name,
      container,
      (updatedProperties, requestRender) => ({
        ...createPlatformContext({
          entityTypeName: ALL_JOURNEYS_VIEW.entityName,
          strings,
          languageId: config.languageId,
          userId: config.userId,
          userName: config.userName,
          privileges,
          isControlDisabled: false,
          allocatedWidth: container.clientWidth,
          allocatedHeight: container.clientHeight,
          webApi,
          updatedProperties,
          events: {},
          requestRender,
          navigation: xrm.Navigation,
        }),
        parameters: { [control.dataSet]: dataset },
      }),
      () => undefined,
    );
    const rendered = mounted;
    window.addEventListener("resize", () => rendered.render(["layout"]));
    // The first page loads once the control is initialised, so a page size it sets in init applies to it.
    dataset.refresh();
  } catch (error) {
    container.textContent = `The journeys view control could not be started: ${(error as Error).message}`;
  }
  root.setAttribute("aria-busy", "false");
  Object.assign(window, { harness: { dataset, xrm } });
}

void main();
