import path from "node:path";
import { SaveEventArgumentsMock, XrmMockGenerator } from "xrm-mock";
import { ControlEvents } from "../../../harness/page/controlEvents";
import { controlEventNames } from "../../../harness/page/manifestEvents";
import { WEB_RESOURCE_PREFIX, resourceStringReader, stringResourcesOf } from "../../../harness/page/resx";
import { connectFormBridge, raiseThrough } from "../../bridge/formBridgeClient";
import type { ConnectedFormBridge } from "../../bridge/formBridgeTypes";
import type { ActionRequest, ActionResponse } from "../../dataverse/webApiPort";
import { JourneyStatus } from "../../journey/types";
import type { FormEnvironment } from "../formEnvironment";
import type { FormHandlers } from "../formHandlers";
import { createGetString, stringsLoad, type EnglishStrings, type GetResourceString } from "../formStrings";
import { readFormValues } from "../formValues";

interface FormStringResourcesPlugin {
  resxFiles(): Record<string, string>;
  englishStrings(): EnglishStrings;
}

/** webpack.form.config.js's writer of the form's strings. */
function formStringsPlugin(): FormStringResourcesPlugin {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../../webpack.form.config.js") as { plugins: Partial<FormStringResourcesPlugin>[] };
  return config.plugins.find((plugin) => plugin.resxFiles) as FormStringResourcesPlugin;
}

/** The RESX web resources exactly as the build writes them (webpack.form.config.js), path → text. */
export function builtResxFiles(): Record<string, string> {
  return formStringsPlugin().resxFiles();
}

/** The English strings the build puts into form.js. */
export function builtEnglishStrings(): EnglishStrings {
  return formStringsPlugin().englishStrings();
}

/** Xrm.Utility.getResourceString over the built RESX web resources (org base language English). */
export function builtResourceStrings(languageId: number): GetResourceString {
  return resourceStringReader(stringResourcesOf(WEB_RESOURCE_PREFIX, builtResxFiles()), languageId, 1033);
}

export const JOURNEY_ID = "{6628BBF7-C52A-E911-A9B7-000D3A1E6ADC}";
export const CONTENT_SETTINGS_ID = "{1922B1D8-0523-E911-A9BA-000D3A1E689F}";

/** The API page's sample definition: root, a segment group with one segment, an email. */
export const SAMPLE_DEFINITION = JSON.stringify([
  {
    ActivityTypeId: "bpf_root",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    ActivityId: "01",
    Properties: { Items: [{ ItemId: null, ActivityTypeId: "bpf_root", Name: "Root", ActivityItemId: 0 }] },
  },
  {
    ActivityTypeId: "Segment",
    ParentActivityId: "01",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    ActivityId: "01_0",
    Properties: {
      Items: [
        {
          ItemId: null,
          ActivityTypeId: "Segment",
          Name: "New Segment group",
          ActivityItemId: 23,
          SegmentMergeMethod: "Union",
        },
        {
          ItemId: "24db2671-1529-e911-a9b7-000d3a1e6adc",
          ActivityTypeId: "SegmentItem",
          Name: "Spring prospects",
          ActivityItemId: 24,
          ContainmentMethod: "Inclusion",
          SegmentSourceType: "Segment",
        },
      ],
    },
    EntityTarget: "contact",
  },
  {
    ActivityTypeId: "Email",
    ParentActivityId: "01_0",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    ActivityId: "01_0_2",
    Properties: {
      Items: [
        {
          ItemId: "15bd0ab8-c12a-e911-a9b6-000d3a1e6c14",
          ActivityTypeId: "Email",
          Name: "Welcome email",
          ActivityItemId: 32,
        },
      ],
    },
    EntityTarget: "contact",
  },
]);

export interface JourneyFormOptions {
  status: number;
  name?: string | null;
  start?: string | null;
  end?: string | null;
  isRecurring?: boolean;
  intervalDays?: number | null;
  count?: number | null;
  definition?: string | null;
  /** Form designer made these read-only. */
  disabledByDesign?: string[];
  /**
   * The app's "Async save handler" setting. true: the platform waits for a promise OnSave returns; false: it
   * ignores the promise (preventDefaultOnError exists either way).
   */
  asyncSave?: boolean;
  languageId?: number;
  /** The form's RESX web resources are not dependencies of the script: every getResourceString throws. */
  withoutStringResources?: boolean;
  now?: string;
  /** Leave out the record id: a new, unsaved record. */
  newRecord?: boolean;
  /** The handlers the maker did not register (OnSave; Status Reason OnChange); all are by default. */
  unregistered?: readonly ("onSave" | "onStatusChange")[];
  /** The form designer left Status Reason off the form. */
  withoutStatusReason?: boolean;
}

export type ValidateAnswer = (request: ActionRequest) => Promise<ActionResponse>;

export function validateResponse(inner: unknown): ValidateAnswer {
  return async () => ({
    ok: true,
    status: 200,
    json: async () => ({
      "@odata.context": "$metadata#Microsoft.Dynamics.CRM.msdyncrm_CustomerJourneyValidateResponse",
      ValidationResult: JSON.stringify(inner),
    }),
  });
}

export const ALL_VALID = validateResponse({ ActivityValidationResults: [], Result: "Valid" });

export interface SavedRecord {
  statuscode: number | null | undefined;
  values: ReturnType<typeof readFormValues>;
  /** The save mode OnSave was told. */
  saveMode: number;
}

export interface JourneyFormFixture {
  form: Xrm.FormContext;
  handlers: FormHandlers;
  env: FormEnvironment;
  validateRequests: ActionRequest[];
  answerValidate(answer: ValidateAnswer): void;
  /** The waits before each retry of a throttled validate call (taken at once: no test waits them out). */
  retryWaits: number[];
  /** What reached the "server": one entry per save the platform carried out. */
  saved: SavedRecord[];
  /** Where the form went after saves, in order: "closed" (formContext.ui.close) or "new <table>" (a new record's form). */
  navigations: string[];
  /** The user presses Save: the platform runs OnSave and saves unless it was cancelled. */
  userSaves(saveMode?: number): Promise<"saved" | "cancelled">;
  notifications(): { level: string; message: string; id: string }[];
  /** The first line a check or the gate showed (their summary). */
  checkSummary(): { level: string; message: string; id: string } | undefined;
  isDisabled(field: string): boolean;
  confirmAnswers: boolean[];
  /** Connects as the control in the form's body (or its header) does: through its custom events. */
  connectBridge(instance?: ControlInstance): Promise<ConnectedFormBridge | null>;
  /** Errors the form script's event handlers threw (the platform swallows them). */
  eventHandlerErrors: unknown[];
  close(): void;
}

/** Where the form designer placed the control: its control names are the column's, in the header prefixed. */
export type ControlInstance = "body" | "header";
const CONTROL_NAMES: Record<ControlInstance, string> = {
  body: "msdyncrm_validationresults",
  header: "header_msdyncrm_validationresults",
};

const ROOT = path.resolve(__dirname, "../../..");

const STATUS_OPTIONS = Object.entries(JourneyStatus).map(([text, value]) => ({ text, value }));

/**
 * The form script as a newly opened form page loads it: a fresh copy of its modules, so that no case sees
 * what an earlier one left in the script's memory of open forms (src/form/formSession.ts).
 */
function freshFormHandlers(env: FormEnvironment): FormHandlers {
  let handlers: FormHandlers | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module registry of its own needs require
    const script = require("../formHandlers") as typeof import("../formHandlers");
    handlers = script.createFormHandlers(() => env);
  });
  return handlers!;
}

/** An xrm-mock journey form with a stand-in for the platform's save pipeline and the validate action. */
export function openJourneyForm(options: JourneyFormOptions): JourneyFormFixture {
  XrmMockGenerator.initialise({
    entity: { id: options.newRecord ? "" : JOURNEY_ID, entityName: "msdyncrm_customerjourney" },
  });
  const designDisabled = new Set(options.disabledByDesign ?? []);
  const control = (name: string, label: string) => [{ name, label, disabled: designDisabled.has(name) }];
  const A = XrmMockGenerator.Attribute;
  A.createString(
    { name: "msdyncrm_name", value: options.name === undefined ? "Spring campaign" : options.name },
    control("msdyncrm_name", "Name"),
  );
  A.createDate(
    {
      name: "msdyncrm_startdatetime",
      value: options.start === null ? null : new Date(options.start ?? "2026-12-01T09:00:00.000Z"),
    },
    control("msdyncrm_startdatetime", "Start date and time"),
  );
  A.createDate(
    {
      name: "msdyncrm_enddatetime",
      value: options.end === null ? null : new Date(options.end ?? "2027-01-31T09:00:00.000Z"),
    },
    control("msdyncrm_enddatetime", "End date and time"),
  );
  A.createBoolean(
    { name: "msdyncrm_isrecurring", value: options.isRecurring ?? false },
    control("msdyncrm_isrecurring", "Is recurring"),
  );
  A.createNumber(
    { name: "msdyncrm_recurrencecount", value: options.count ?? null },
    control("msdyncrm_recurrencecount", "Recurrence count"),
  );
  A.createNumber(
    { name: "msdyncrm_recurrenceintervaldays", value: options.intervalDays ?? null },
    control("msdyncrm_recurrenceintervaldays", "Recurrence interval"),
  );
  A.createLookup(
    {
      name: "msdyncrm_contentsettingsid",
      value: [{ id: CONTENT_SETTINGS_ID, entityType: "msdyncrm_contentsettings", name: "Default" }],
    },
    control("msdyncrm_contentsettingsid", "Content settings"),
  );
  A.createLookup(
    { name: "msdyncrm_suppressionsegmentid", value: null },
    control("msdyncrm_suppressionsegmentid", "Suppression segment"),
  );
  A.createNumber(
    { name: "msdyncrm_customerjourneytimezone", value: 92 },
    control("msdyncrm_customerjourneytimezone", "Time zone"),
  );
  A.createString(
    {
      name: "msdyncrm_workflowdefinition",
      value: options.definition === undefined ? SAMPLE_DEFINITION : options.definition,
    },
    control("msdyncrm_workflowdefinition", "Journey designer"),
  );
  if (!options.withoutStatusReason)
    A.createOptionSet(
      { name: "statuscode", value: options.status, options: STATUS_OPTIONS },
      control("header_statuscode", "Status reason"),
    );
  A.createString({ name: "msdyncrm_validationresults", value: null }, [
    { name: CONTROL_NAMES.body, label: "Error check results" },
    { name: CONTROL_NAMES.header, label: "Error check results" },
  ]);
  for (const attribute of XrmMockGenerator.formContext.getAttribute())
    (attribute as unknown as { isDirty: boolean }).isDirty = false;

  const form = XrmMockGenerator.formContext as unknown as Xrm.FormContext;
  const validateRequests: ActionRequest[] = [];
  const navigations: string[] = [];
  const retryWaits: number[] = [];
  let validateAnswer: ValidateAnswer = ALL_VALID;
  const confirmAnswers: boolean[] = [];
  const connected: ConnectedFormBridge[] = [];
  const eventHandlerErrors: unknown[] = [];
  // The code component's instances on the form, each with its own custom events.
  const instanceEvents = new Map<string, ControlEvents>();
  for (const instance of form.getAttribute("msdyncrm_validationresults")!.controls.get()) {
    const events = new ControlEvents((_name, error) => eventHandlerErrors.push(error));
    instanceEvents.set(instance.getName(), events);
    Object.assign(instance, {
      addEventHandler: events.addEventHandler.bind(events),
      removeEventHandler: events.removeEventHandler.bind(events),
    });
  }
  const resourceStrings = options.withoutStringResources
    ? resourceStringReader({}, 1033, 1033)
    : builtResourceStrings(options.languageId ?? 1033);
  const env: FormEnvironment = {
    webApi: {
      online: {
        execute: (request) => {
          validateRequests.push(request);
          return validateAnswer(request);
        },
      },
    },
    timing: {
      sleep: async (ms) => {
        retryWaits.push(ms);
      },
      random: () => 0.5,
    },
    getString: createGetString(resourceStrings, builtEnglishStrings(), options.languageId ?? 1033),
    stringsLoaded: () => stringsLoad(resourceStrings),
    now: () => new Date(options.now ?? "2026-11-28T12:00:00.000Z"),
    confirm: async () => confirmAnswers.shift() ?? false,
    openNewForm: (entityName) => void navigations.push(`new ${entityName}`),
    checkTimeoutMs: 200,
  };
  const handlers = freshFormHandlers(env);
  const registered = (handler: "onSave" | "onStatusChange") => !options.unregistered?.includes(handler);
  // The form designer's handlers are attached before OnLoad runs, as the platform does.
  if (registered("onStatusChange"))
    form
      .getAttribute("statuscode")
      ?.addOnChange(() =>
        handlers.onStatusChange({ getFormContext: () => form } as unknown as Xrm.Events.EventContext),
      );
  const saved: SavedRecord[] = [];

  // xrm-mock keeps no OnPostSave handlers.
  const postSaveHandlers: ((context: Xrm.Events.PostSaveEventContext) => void)[] = [];
  form.data.entity.addOnPostSave = (handler) => void postSaveHandlers.push(handler);

  /** A successful save: the data reloads (data OnLoad), then OnPostSave. */
  const persist = (saveMode: number): void => {
    const values = readFormValues(form);
    saved.push({ statuscode: values.statuscode, values, saveMode });
    for (const attribute of form.getAttribute()) (attribute as unknown as { isDirty: boolean }).isDirty = false;
    for (const handler of (form.data as unknown as { loadEventHandlers: ((context: unknown) => void)[] })
      .loadEventHandlers) {
      handler({ getFormContext: () => form });
    }
    const postSave = { getFormContext: () => form, getEventArgs: () => ({ getIsSaveSuccess: () => true }) };
    for (const handler of postSaveHandlers) handler(postSave as unknown as Xrm.Events.PostSaveEventContext);
  };

  /**
   * The platform's save pipeline: OnSave (waiting for a promise it returns only where async save handlers
   * are on), then the save. `saveMode` only informs OnSave: neither the user's nor a script's save closes here.
   */
  const platformSave = async (saveMode = 1): Promise<void> => {
    const args = new SaveEventArgumentsMock(saveMode);
    const result: unknown =
      registered("onSave") &&
      handlers.onSave({
        getFormContext: () => form,
        getEventArgs: () => args,
      } as unknown as Xrm.Events.SaveEventContext);
    if (options.asyncSave && result instanceof Promise) {
      try {
        await result;
      } catch (error) {
        if (args.preventOnError)
          throw { errorCode: 2147746565, message: `Save cancelled: ${(error as Error).message}` };
      }
    }
    if (args.isDefaultPrevented()) throw { errorCode: 2147746565, message: "Save cancelled by an OnSave handler." };
    persist(saveMode);
  };

  form.data.save = ((saveOptions?: { saveMode?: number }) =>
    platformSave(saveOptions?.saveMode)) as unknown as Xrm.Data["save"];
  form.data.refresh = (() => Promise.resolve()) as unknown as Xrm.Data["refresh"];
  form.ui.close = () => void navigations.push("closed");

  return {
    form,
    handlers,
    env,
    validateRequests,
    answerValidate: (answer) => (validateAnswer = answer),
    retryWaits,
    saved,
    navigations,
    userSaves: (saveMode) =>
      platformSave(saveMode).then(
        () => "saved" as const,
        () => "cancelled" as const,
      ),
    notifications: () =>
      (
        (form.ui as unknown as { formNotifications?: { level: string; message: string; uniqueId: string }[] })
          .formNotifications ?? []
      ).map((notification) => ({
        level: notification.level,
        message: notification.message,
        id: notification.uniqueId,
      })),
    checkSummary() {
      return this.notifications().find((notification) => notification.id === "cjt-check-0");
    },
    isDisabled: (field) => form.getControl<Xrm.Controls.StandardControl>(field)!.getDisabled(),
    confirmAnswers,
    connectBridge: async (instance = "body") => {
      const events = instanceEvents.get(CONTROL_NAMES[instance])!.eventBag(await controlEventNames(ROOT));
      const bridge = await connectFormBridge(
        raiseThrough(() => events),
        200,
      );
      if (bridge) connected.push(bridge);
      return bridge;
    },
    eventHandlerErrors,
    close: () => {
      connected.forEach((bridge) => bridge.disconnect());
    },
  };
}

/** Lets pending promise callbacks and channel messages run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const { Draft, Live, Stopped, LiveEditable, Expired, Error: InError, GoingLive, Stopping } = JourneyStatus;
