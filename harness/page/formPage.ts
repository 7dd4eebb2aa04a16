import { actionsFor, lockedFields, LOCKABLE_FIELDS, type JourneyActionId } from "../../src/journey";
import { createWebApiClient } from "../xrm/webApiClient";
import { defineComponentFramework, loadScript, loadStylesheet, mountControl, type MountedControl } from "./controlHost";
import { CodeComponentControl, JourneyForm, type ControlPlace, type ExecutionContext } from "./formModel";
import type { FormPageConfig } from "./html";
import { renderFields, renderNotifications, type LookupChoices } from "./formView";
import { JOURNEY_FIELDS, STATUS_OPTIONS } from "./journeyFields";
import { createPcfContext, hasPrivilege, privilegeNames } from "./pcfContext";
import type { StringResources } from "./resx";
import { allowedStatusTransitions } from "./statusTransitions";
import { createXrm, harnessQuery } from "./xrmShim";

type FormScript = Partial<Record<"onLoad" | "onSave" | "onStatusChange", (context: ExecutionContext) => unknown>> &
  Partial<Record<"checkForErrors" | "goLive" | "stop" | "edit", (primaryControl: unknown) => unknown>>;

/** The form script's String (RESX) web resources, put in at bundling (buildPageScript.ts). */
declare const HARNESS_STRING_RESOURCES: StringResources;
/** The control manifest's <event> names, put in at bundling: what each instance's context.events offers. */
declare const HARNESS_CONTROL_EVENTS: string[];

const CONTROL_NAME = "CustomerJourney.JourneyControl";
const PRIVILEGE_WRITE = 3;
const FORM_TYPE = { Update: 2, ReadOnly: 3 };
/** Ribbon commands of the form script, shown when the status offers one of their actions (the enable rule). */
const RIBBON: readonly {
  command: "checkForErrors" | "goLive" | "stop" | "edit";
  label: string;
  actions: readonly JourneyActionId[];
}[] = [
  { command: "checkForErrors", label: "Check for errors", actions: ["check"] },
  { command: "goLive", label: "Go live", actions: ["goLive", "republish", "retry", "restart"] },
  { command: "edit", label: "Edit", actions: ["edit"] },
  { command: "stop", label: "Stop", actions: ["stop"] },
];

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}.`);
  return element as T;
}

async function lookupChoices(webApi: ReturnType<typeof createWebApiClient>): Promise<LookupChoices> {
  const [settings, segments] = await Promise.all([
    webApi.retrieveMultipleRecords("msdyncrm_contentsettings", "?$select=msdyncrm_name&$orderby=msdyncrm_name"),
    webApi.retrieveMultipleRecords("msdyncrm_segment", "?$select=msdyncrm_segmentname&$orderby=msdyncrm_segmentname"),
  ]);
  return {
    msdyncrm_contentsettingsid: settings.entities.map((r) => ({
      id: String(r.msdyncrm_contentsettingsid),
      name: String(r.msdyncrm_name),
    })),
    msdyncrm_suppressionsegmentid: segments.entities.map((r) => ({
      id: String(r.msdyncrm_segmentid),
      name: String(r.msdyncrm_segmentname),
    })),
  };
}

async function main(): Promise<void> {
  const config = JSON.parse(byId("harness-config").textContent ?? "{}") as FormPageConfig;
  const privileges = privilegeNames(config.privileges);
  const webApi = createWebApiClient({
    baseUrl: "/api/data/v9.2/",
    headers: privileges ? { "x-harness-privileges": privileges.join(",") } : {},
  });
  const query = harnessQuery();
  const xrm = createXrm(
    {
      webApi,
      languageId: config.languageId,
      userId: config.userId,
      userName: config.userName,
      stringResources: HARNESS_STRING_RESOURCES,
      getAllowedStatusTransitions: allowedStatusTransitions(
        new URLSearchParams(window.location.search).get("transitions"),
      ),
      navigate: (url) => window.location.assign(url),
    },
    query,
  );
  Object.assign(window, { Xrm: xrm });
  const readOnly = config.readOnly || !hasPrivilege(privileges, PRIVILEGE_WRITE);

  // `formscript=0`: the form without the product's form script; `header=1`: the control in the header too.
  const options = new URLSearchParams(window.location.search);
  const withFormScript = config.hasFormScript && options.get("formscript") !== "0";
  const controlInHeader = options.get("header") === "1";
  // `asyncsave=0`: the app's "Async save handler" setting off.
  const asyncSaveHandlers = options.get("asyncsave") !== "0";
  // A maker's omissions: `onsave=0` / `onstatuschange=0` that handler not registered, `statusreason=0` Status Reason off the form.
  const left = (option: string) => options.get(option) === "0";
  const fields = left("statusreason") ? JOURNEY_FIELDS.filter((field) => field.name !== "statuscode") : JOURNEY_FIELDS;

  let fieldsView: ReturnType<typeof renderFields> | null = null;
  let controls: MountedControl[] = [];
  let renderedResults: unknown;
  const notificationsArea = byId("form-notifications");
  const form = new JourneyForm(
    {
      webApi,
      entityName: config.entityName,
      id: config.id,
      formType: readOnly ? FORM_TYPE.ReadOnly : FORM_TYPE.Update,
      close: () => window.location.assign("/"),
      onFocus: (name) => fieldsView?.focus(name),
      onChange: (kind) => {
        if (kind === "notifications") renderNotifications(notificationsArea, form);
        else fieldsView?.refresh();
        if (kind === "record") {
          showTitle();
          showRibbon();
        }
        const results = form.attribute("msdyncrm_validationresults")?.getValue();
        if (kind === "record" || results !== renderedResults) {
          renderedResults = results;
          for (const control of controls) control.render(["validationResults"]);
        }
      },
      headerFields: controlInHeader ? ["msdyncrm_validationresults"] : [],
      asyncSaveHandlers,
    },
    fields,
  );
  const ribbonButtons: { button: HTMLButtonElement; actions: readonly JourneyActionId[] }[] = [];
  const showRibbon = () => {
    const offered = actionsFor(Number(form.record.statuscode)).map((action) => action.id);
    for (const { button, actions } of ribbonButtons) button.hidden = !actions.some((id) => offered.includes(id));
  };
  const showTitle = () => {
    const status = STATUS_OPTIONS.find((o) => o.value === form.record.statuscode)?.text ?? "Unknown status";
    byId("record-title").textContent = `${String(form.record.msdyncrm_name ?? "")} · ${status}`;
    document.title = `${String(form.record.msdyncrm_name ?? "Customer journey")} - Customer journey`;
  };

  try {
    await form.load();
  } catch (error) {
    form.setNotification(`The record could not be loaded: ${(error as Error).message}`, "ERROR", "harness-load-failed");
    byId("form-root").setAttribute("aria-busy", "false");
    return;
  }
  showTitle();
  const choices = await lookupChoices(webApi).catch(() => ({}) as LookupChoices);
  if (readOnly) for (const attribute of form.attributes) attribute.control.disabled = true;

  // Without the product's form script, lock fields the way the status asks; with it, the script does.
  let script: FormScript | null = null;
  if (withFormScript) {
    try {
      await loadScript("/_harness/webresources/form.js");
      script = (window as unknown as { CustomerJourneyForm?: FormScript }).CustomerJourneyForm ?? null;
      if (!script)
        form.setNotification(
          "out/webresources/form.js loaded but defines no CustomerJourneyForm.",
          "WARNING",
          "harness-form-script",
        );
    } catch (error) {
      form.setNotification(
        `The form script could not be loaded: ${(error as Error).message}`,
        "ERROR",
        "harness-form-script",
      );
    }
  }
  if (!script && !readOnly) {
    const locks = lockedFields(
      Number(form.record.statuscode),
      form.record.msdyncrm_startdatetime as string | null,
      new Date(),
    );
    for (const field of LOCKABLE_FIELDS) {
      const attribute = form.attribute(field);
      if (attribute) attribute.control.disabled = locks[field];
    }
  }

  fieldsView = renderFields(byId("fields"), form, choices);
  renderNotifications(notificationsArea, form);
  const save = byId<HTMLButtonElement>("cmd-save");
  save.disabled = readOnly;
  save.addEventListener("click", () => void form.save().catch(() => undefined));
  const saveAndClose = byId<HTMLButtonElement>("cmd-save-close");
  saveAndClose.disabled = readOnly;
  saveAndClose.addEventListener("click", () => void form.saveAndClose().catch(() => undefined));
  byId("cmd-refresh").addEventListener("click", () => void form.refresh(false).catch(() => undefined));

  if (script) {
    const formScript = script;
    if (formScript.onSave && !left("onsave")) form.addOnSaveHandler((context) => formScript.onSave?.(context));
    if (formScript.onStatusChange && !left("onstatuschange"))
      form.attribute("statuscode")?.addOnChange((context) => formScript.onStatusChange?.(context));
    for (const { command, label, actions } of RIBBON) {
      const handler = formScript[command];
      if (!handler) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.dataset.command = command;
      button.disabled = readOnly;
      button.addEventListener("click", () => void Promise.resolve(handler(form.context)).catch(() => undefined));
      byId("cmd-refresh").before(button);
      ribbonButtons.push({ button, actions });
    }
    showRibbon();
    try {
      await formScript.onLoad?.(form.executionContext(null, null));
    } catch (error) {
      form.setNotification(
        `The form script's OnLoad failed: ${(error as Error).message}`,
        "ERROR",
        "harness-form-script",
      );
    }
    fieldsView.refresh();
  }

  const containers: Record<ControlPlace, HTMLElement> = {
    body: byId("control-field"),
    header: byId("header-control-field"),
  };
  byId("form-header").hidden = !controlInHeader;
  if (!config.hasControl) {
    containers.body.textContent =
      "The control is not built yet (out/controls/JourneyControl/bundle.js is missing): run npm run build.";
  } else {
    try {
      defineComponentFramework();
      await Promise.all([
        loadStylesheet("/_harness/control/JourneyControl.css"),
        loadScript("/_harness/control/bundle.js"),
      ]);
      const strings = (await fetch(`/_harness/strings/${config.languageId}.json`).then((r) => r.json())) as Record<
        string,
        string
      >;
      renderedResults = form.attribute("msdyncrm_validationresults")?.getValue();
      // One instance of the code component per control of its field (body, header), each with its own events.
      const instances = form.controls.filter((c): c is CodeComponentControl => c instanceof CodeComponentControl);
      controls = instances.map((instance) => {
        const container = containers[instance.place];
        const events = instance.events.eventBag(HARNESS_CONTROL_EVENTS);
        return mountControl(
          CONTROL_NAME,
          container,
          (updatedProperties, requestRender) =>
            createPcfContext({
              entityId: config.id,
              entityTypeName: config.entityName,
              recordName: String(form.record.msdyncrm_name ?? ""),
              validationResults: (form.attribute("msdyncrm_validationresults")?.getValue() as string | null) ?? null,
              strings,
              languageId: config.languageId,
              userId: config.userId,
              userName: config.userName,
              privileges,
              isControlDisabled: readOnly,
              allocatedWidth: container.clientWidth,
              webApi,
              updatedProperties,
              events,
              requestRender,
              navigation: xrm.Navigation,
            }),
          (outputs) => {
            if ("validationResults" in outputs)
              form
                .attribute("msdyncrm_validationresults")
                ?.setValue((outputs.validationResults as string | null) ?? null);
          },
        );
      });
      window.addEventListener("resize", () => controls.forEach((control) => control.render(["layout"])));
    } catch (error) {
      containers.body.textContent = `The control could not be started: ${(error as Error).message}`;
    }
  }
  byId("form-root").setAttribute("aria-busy", "false");
  Object.assign(window, { harness: { form: form.context, xrm } });
}

void main();
