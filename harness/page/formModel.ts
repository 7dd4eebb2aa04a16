import type { WebApiPort } from "../../src/dataverse/webApiPort";
import { ControlEvents } from "./controlEvents";
import type { FieldSpec } from "./journeyFields";

type Handler = (context: ExecutionContext) => unknown;
type SubmitMode = "always" | "never" | "dirty";
export type NotificationLevel = "ERROR" | "WARNING" | "INFO";
export interface LookupValue {
  id: string;
  name: string;
  entityType: string;
}
export type FormValue = string | number | boolean | Date | LookupValue[] | null;

export const SAVE_MODE = { Save: 1, SaveAndClose: 2, SaveAndNew: 59, AutoSave: 70 } as const;
const ASYNC_SAVE_TIMEOUT_MS = 10_000;
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

export interface ExecutionContext {
  getFormContext(): FormContext;
  getEventSource(): unknown;
  getEventArgs(): SaveEventArgs | PostSaveEventArgs | null;
  getDepth(): number;
  getSharedVariable(key: string): unknown;
  setSharedVariable(key: string, value: unknown): void;
}

export class SaveEventArgs {
  private prevented = false;
  private asyncTimeoutDisabled = false;
  constructor(private readonly saveMode: number) {}
  preventDefault(): void {
    this.prevented = true;
  }
  /**
   * Async handlers call this to ask that the save be cancelled if their promise rejects or times out;
   * runSave does exactly that for every async handler, so nothing is cancelled here.
   */
  preventDefaultOnError(): void {
    return;
  }
  isDefaultPrevented(): boolean {
    return this.prevented;
  }
  getSaveMode(): number {
    return this.saveMode;
  }
  disableAsyncTimeout(): void {
    this.asyncTimeoutDisabled = true;
  }
  get isAsyncTimeoutDisabled(): boolean {
    return this.asyncTimeoutDisabled;
  }
}

export class PostSaveEventArgs {
  constructor(
    private readonly success: boolean,
    private readonly error: { errorCode: number; message: string } | null,
  ) {}
  getIsSaveSuccess(): boolean {
    return this.success;
  }
  getSaveErrorInfo(): { errorCode: number; message: string } | null {
    return this.error;
  }
  getEntityReference(): null {
    return null;
  }
}

const bareId = (id: string) => id.replace(/[{}]/g, "").toLowerCase();
const bracedId = (id: string) => `{${bareId(id).toUpperCase()}}`;

function sameValue(a: FormValue, b: FormValue): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    const idOf = (v: FormValue) => (Array.isArray(v) && v[0] ? bareId(v[0].id) : null);
    return idOf(a) === idOf(b);
  }
  return a === b;
}

/** A form value from a Web API row, typed as the form's Client API gives it (Date, lookup arrays, ...). */
export function formValueFromRow(spec: FieldSpec, row: Record<string, unknown>): FormValue {
  if (spec.type === "lookup") {
    const id = row[`_${spec.name}_value`];
    if (typeof id !== "string" || !spec.lookup) return null;
    return [
      {
        id: bracedId(id),
        name: String(row[`_${spec.name}_value${FORMATTED}`] ?? ""),
        entityType: spec.lookup.entityType,
      },
    ];
  }
  const value = row[spec.name];
  if (value === undefined || value === null) return spec.type === "boolean" ? false : null;
  if (spec.type === "datetime") return new Date(String(value));
  return value as FormValue;
}

/** The Web API body part for an attribute: binds for lookups, ISO strings for dates. */
export function payloadFor(spec: FieldSpec, value: FormValue): Record<string, unknown> {
  if (spec.type === "lookup" && spec.lookup) {
    const first = Array.isArray(value) ? value[0] : undefined;
    return { [`${spec.lookup.navigation}@odata.bind`]: first ? `/${spec.lookup.setName}(${bareId(first.id)})` : null };
  }
  if (value instanceof Date) return { [spec.name]: Number.isNaN(value.getTime()) ? null : value.toISOString() };
  return { [spec.name]: value };
}

/** Where a field's control sits: the form's body, or its header (control name `header_<column>`). */
export type ControlPlace = "body" | "header";

export class FormControl {
  disabled = false;
  visible = true;
  readonly notifications = new Map<string, string>();
  constructor(
    protected readonly form: JourneyForm,
    readonly attribute: FormAttribute,
    readonly place: ControlPlace,
  ) {}
  getName(): string {
    return this.place === "header" ? `header_${this.attribute.spec.name}` : this.attribute.spec.name;
  }
  getLabel(): string {
    return this.attribute.spec.label;
  }
  getControlType(): string {
    return "standard";
  }
  getAttribute(): FormAttribute {
    return this.attribute;
  }
  getDisabled(): boolean {
    return this.disabled;
  }
  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.form.changed("controls");
  }
  getVisible(): boolean {
    return this.visible;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.form.changed("controls");
  }
  setNotification(message: string, uniqueId = "default"): boolean {
    this.notifications.set(uniqueId, message);
    this.form.changed("controls");
    return true;
  }
  clearNotification(uniqueId?: string): boolean {
    if (uniqueId === undefined) this.notifications.clear();
    else this.notifications.delete(uniqueId);
    this.form.changed("controls");
    return true;
  }
  setFocus(): void {
    this.form.focusRequested(this.getName());
  }
}

/**
 * A field's control that hosts a code component: the component raises its custom events through
 * context.events and a form script handles them with addEventHandler (see ControlEvents).
 */
export class CodeComponentControl extends FormControl {
  readonly events = new ControlEvents((eventName, error) =>
    this.form.setNotification(
      `A form script handler of the control's ${eventName} event failed: ${(error as Error)?.message ?? String(error)}`,
      "ERROR",
      "harness-handler-error",
    ),
  );
  getControlType(): string {
    return `customcontrol:${this.attribute.spec.codeComponent ?? ""}`;
  }
  addEventHandler(eventName: string, handler: (payload?: unknown) => void): void {
    this.events.addEventHandler(eventName, handler);
  }
  removeEventHandler(eventName: string, handler: (payload?: unknown) => void): void {
    this.events.removeEventHandler(eventName, handler);
  }
}

export class FormAttribute {
  private value: FormValue = null;
  private saved: FormValue = null;
  private submitMode: SubmitMode;
  private requiredLevel: "none" | "required" | "recommended" = "none";
  private readonly onChange: Handler[] = [];
  /** The control in the body, where the form shows the field. */
  readonly control: FormControl;
  private readonly allControls: FormControl[];
  readonly controls: { get(): FormControl[]; forEach(callback: (control: FormControl, index: number) => void): void };

  constructor(
    private readonly form: JourneyForm,
    readonly spec: FieldSpec,
    places: readonly ControlPlace[],
  ) {
    this.submitMode = spec.systemLocked ? "never" : "dirty";
    const Control = spec.codeComponent ? CodeComponentControl : FormControl;
    this.allControls = places.map((place) => new Control(form, this, place));
    this.control = this.allControls[0];
    this.controls = {
      get: () => [...this.allControls],
      forEach: (callback) => [...this.allControls].forEach(callback),
    };
  }

  load(value: FormValue): void {
    this.value = value;
    this.saved = value;
  }
  getName(): string {
    return this.spec.name;
  }
  getAttributeType(): string {
    return this.spec.type;
  }
  getFormat(): string | null {
    return this.spec.type === "datetime" ? "datetime" : this.spec.type === "memo" ? "textarea" : null;
  }
  getValue(): FormValue {
    return this.value;
  }
  /** Like the real form: setValue marks the field dirty but does not fire OnChange. */
  setValue(value: FormValue): void {
    this.value = value === undefined ? null : value;
    this.form.changed("values");
  }
  getIsDirty(): boolean {
    return !sameValue(this.value, this.saved);
  }
  getInitialValue(): FormValue {
    return this.saved;
  }
  addOnChange(handler: Handler): void {
    if (!this.onChange.includes(handler)) this.onChange.push(handler);
  }
  removeOnChange(handler: Handler): void {
    const index = this.onChange.indexOf(handler);
    if (index >= 0) this.onChange.splice(index, 1);
  }
  fireOnChange(): void {
    for (const handler of [...this.onChange]) this.form.runHandler(handler, this, null);
  }
  getSubmitMode(): SubmitMode {
    return this.submitMode;
  }
  setSubmitMode(mode: SubmitMode): void {
    this.submitMode = mode;
  }
  getRequiredLevel(): string {
    return this.requiredLevel;
  }
  setRequiredLevel(level: "none" | "required" | "recommended"): void {
    this.requiredLevel = level;
  }
  getOptions(): { value: number; text: string }[] {
    return [...(this.spec.options ?? [])];
  }
  getSelectedOption(): { value: number; text: string } | null {
    return this.getOptions().find((o) => o.value === this.value) ?? null;
  }
  getText(): string | null {
    return this.getSelectedOption()?.text ?? null;
  }
  /** What a save sends for this attribute, or nothing. */
  submission(): Record<string, unknown> | null {
    if (this.submitMode === "never") return null;
    if (this.submitMode === "dirty" && !this.getIsDirty()) return null;
    return payloadFor(this.spec, this.value);
  }
}

export interface FormHost {
  webApi: WebApiPort;
  entityName: string;
  id: string;
  /** Called when values, controls or notifications change, so the page redraws them. */
  onChange(kind: "values" | "controls" | "notifications" | "record"): void;
  onFocus?(name: string): void;
  close(): void;
  formType: number;
  /** Async OnSave handlers get this long unless they call disableAsyncTimeout (10 s on real forms). */
  asyncSaveTimeoutMs?: number;
  /**
   * The app's "Async save handler" setting (default on). Off, the platform does not wait for a promise an
   * OnSave handler returns: the save goes on at once.
   */
  asyncSaveHandlers?: boolean;
  /** Fields the form designer also placed in the header (a second control, `header_<column>`). */
  headerFields?: readonly string[];
}

export type FormContext = ReturnType<JourneyForm["createFormContext"]>;

/**
 * The journey form the harness page shows: its attributes, controls, notifications, event handlers
 * and save, shaped like the model-driven Client API (formContext / executionContext).
 */
export class JourneyForm {
  readonly attributes: FormAttribute[];
  readonly notifications = new Map<string, { message: string; level: NotificationLevel }>();
  private readonly onSave: Handler[] = [];
  private readonly onPostSave: Handler[] = [];
  private readonly onLoad: Handler[] = [];
  private readonly shared = new Map<string, unknown>();
  private saving: Promise<void> | null = null;
  private row: Record<string, unknown> = {};
  readonly context: FormContext;

  constructor(
    private readonly host: FormHost,
    specs: readonly FieldSpec[],
  ) {
    const header = new Set(host.headerFields ?? []);
    this.attributes = specs.map(
      (spec) => new FormAttribute(this, spec, header.has(spec.name) ? ["body", "header"] : ["body"]),
    );
    this.context = this.createFormContext();
  }

  get record(): Record<string, unknown> {
    return this.row;
  }

  attribute(name: string): FormAttribute | null {
    return this.attributes.find((a) => a.getName() === name) ?? null;
  }

  /** Every control on the form, body and header. */
  get controls(): FormControl[] {
    return this.attributes.flatMap((a) => a.controls.get());
  }

  control(name: string): FormControl | null {
    return this.controls.find((c) => c.getName() === name) ?? null;
  }

  changed(kind: "values" | "controls" | "notifications" | "record"): void {
    this.host.onChange(kind);
  }

  focusRequested(name: string): void {
    this.host.onFocus?.(name);
  }

  executionContext(source: unknown, args: SaveEventArgs | PostSaveEventArgs | null): ExecutionContext {
    return {
      getFormContext: () => this.context,
      getEventSource: () => source,
      getEventArgs: () => args,
      getDepth: () => 1,
      getSharedVariable: (key) => this.shared.get(key),
      setSharedVariable: (key, value) => void this.shared.set(key, value),
    };
  }

  runHandler(handler: Handler, source: unknown, args: SaveEventArgs | PostSaveEventArgs | null): unknown {
    try {
      return handler(this.executionContext(source, args));
    } catch (error) {
      this.setNotification(
        `A form script handler failed: ${(error as Error).message}`,
        "ERROR",
        "harness-handler-error",
      );
      return undefined;
    }
  }

  /** Reads the record and puts it on the form (initial load, refresh, after save). */
  async load(): Promise<void> {
    this.row = await this.host.webApi.retrieveRecord(this.host.entityName, this.host.id);
    for (const attribute of this.attributes) attribute.load(formValueFromRow(attribute.spec, this.row));
    this.changed("record");
  }

  /**
   * Re-reads the record as after a save with changes or a refresh: OnChange for each column whose
   * value the server changed, then data OnLoad. *inferred*: that order, and "changed" meaning other
   * than the value on the form before (the docs name both events, not their order).
   */
  private async reload(): Promise<void> {
    const before = new Map(this.attributes.map((attribute) => [attribute, attribute.getValue()]));
    await this.load();
    for (const attribute of this.attributes)
      if (!sameValue(before.get(attribute) ?? null, attribute.getValue())) attribute.fireOnChange();
    for (const handler of [...this.onLoad]) this.runHandler(handler, this.context.data, null);
  }

  addOnLoadHandler(handler: Handler): void {
    this.onLoad.push(handler);
  }

  addOnSaveHandler(handler: Handler): void {
    if (!this.onSave.includes(handler)) this.onSave.push(handler);
  }

  isDirty(): boolean {
    return this.attributes.some((a) => a.getIsDirty());
  }

  /** The user's Save & Close: the save, then the form closes when it succeeded. */
  async saveAndClose(): Promise<void> {
    await this.save(SAVE_MODE.SaveAndClose);
    this.host.close();
  }

  /**
   * Saves like a model-driven form: OnSave handlers (awaiting async ones), PATCH of the dirty fields, re-read,
   * OnPostSave. `saveMode` only tells the OnSave handlers why (as formContext.data.save's saveOptions): it
   * neither closes the form nor opens a new one.
   */
  save(saveMode: number = SAVE_MODE.Save): Promise<void> {
    if (!this.saving) {
      this.saving = this.runSave(saveMode).finally(() => {
        this.saving = null;
      });
    }
    return this.saving;
  }

  private async runSave(saveMode: number): Promise<void> {
    const args = new SaveEventArgs(saveMode);
    for (const handler of [...this.onSave]) {
      const result = this.runHandler(handler, this.context.data.entity, args);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        const failure =
          this.host.asyncSaveHandlers === false
            ? void (result as Promise<unknown>).then(undefined, () => undefined)
            : await this.settleAsyncHandler(result as Promise<unknown>, args);
        if (failure) {
          args.preventDefault();
          this.setNotification(failure, "ERROR", "harness-save-cancelled");
        }
      }
      if (args.isDefaultPrevented()) break;
    }
    if (args.isDefaultPrevented()) {
      const error = { errorCode: 0, message: "The save was cancelled by an OnSave handler." };
      this.postSave(false, error);
      throw error;
    }
    const payload = Object.assign({}, ...this.attributes.map((a) => a.submission() ?? {})) as Record<string, unknown>;
    if (Object.keys(payload).length > 0) {
      try {
        await this.host.webApi.updateRecord(this.host.entityName, this.host.id, payload);
      } catch (error) {
        const info = {
          errorCode: Number((error as { errorCode?: number }).errorCode ?? 0),
          message: String((error as Error).message ?? error),
        };
        this.setNotification(`The record could not be saved: ${info.message}`, "ERROR", "harness-save-failed");
        this.postSave(false, info);
        throw error;
      }
    }
    this.clearNotification("harness-save-failed");
    this.clearNotification("harness-save-cancelled");
    if (Object.keys(payload).length > 0) await this.reload();
    else await this.load();
    this.postSave(true, null);
  }

  private async settleAsyncHandler(result: Promise<unknown>, args: SaveEventArgs): Promise<string | null> {
    const timeoutMs = this.host.asyncSaveTimeoutMs ?? ASYNC_SAVE_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<string | null>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            args.isAsyncTimeoutDisabled ? null : `An OnSave handler did not finish within ${timeoutMs / 1000} seconds.`,
          ),
        timeoutMs,
      );
    });
    const settled = result.then(
      () => null,
      (error: unknown) =>
        `An OnSave handler failed: ${error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error)}`,
    );
    const first = await Promise.race([settled, timeout]);
    clearTimeout(timer);
    // With the timeout disabled, wait for the handler however long it takes.
    return first === null && args.isAsyncTimeoutDisabled ? settled : first;
  }

  private postSave(success: boolean, error: { errorCode: number; message: string } | null): void {
    const args = new PostSaveEventArgs(success, error);
    for (const handler of [...this.onPostSave]) this.runHandler(handler, this.context.data.entity, args);
  }

  async refresh(save = false): Promise<void> {
    if (save) await this.save();
    await this.reload();
  }

  setNotification(message: string, level: NotificationLevel, uniqueId: string): boolean {
    this.notifications.set(uniqueId, { message, level });
    this.changed("notifications");
    return true;
  }

  clearNotification(uniqueId?: string): boolean {
    if (uniqueId === undefined) this.notifications.clear();
    else if (!this.notifications.delete(uniqueId)) return false;
    this.changed("notifications");
    return true;
  }

  createFormContext() {
    const attributeLookup = ((name?: string) => (name === undefined ? [...this.attributes] : this.attribute(name))) as {
      (): FormAttribute[];
      (name: string): FormAttribute | null;
    };
    const controlLookup = ((name?: string) => (name === undefined ? this.controls : this.control(name))) as {
      (): FormControl[];
      (name: string): FormControl | null;
    };
    const collection = <T>(items: () => T[], byName: (name: string) => T | null) => ({
      get: (name?: string) => (name === undefined ? items() : byName(name)),
      forEach: (callback: (item: T, index: number) => void) => items().forEach(callback),
      getLength: () => items().length,
    });
    const entity = {
      getId: () => bracedId(this.host.id),
      getEntityName: () => this.host.entityName,
      getPrimaryAttributeValue: () => String(this.attribute("msdyncrm_name")?.getValue() ?? ""),
      getEntityReference: () => ({
        id: bracedId(this.host.id),
        entityType: this.host.entityName,
        name: String(this.attribute("msdyncrm_name")?.getValue() ?? ""),
      }),
      getIsDirty: () => this.isDirty(),
      getDataXml: () => JSON.stringify(Object.assign({}, ...this.attributes.map((a) => a.submission() ?? {}))),
      addOnSave: (handler: Handler) => this.addOnSaveHandler(handler),
      removeOnSave: (handler: Handler) => {
        const index = this.onSave.indexOf(handler);
        if (index >= 0) this.onSave.splice(index, 1);
      },
      addOnPostSave: (handler: Handler) => void this.onPostSave.push(handler),
      removeOnPostSave: (handler: Handler) => {
        const index = this.onPostSave.indexOf(handler);
        if (index >= 0) this.onPostSave.splice(index, 1);
      },
      save: (option?: "saveandclose" | "saveandnew") =>
        void (option === "saveandclose" ? this.saveAndClose() : this.save()).catch(() => undefined),
      isValid: () => true,
      attributes: collection(
        () => [...this.attributes],
        (name) => this.attribute(name),
      ),
    };
    return {
      getAttribute: attributeLookup,
      getControl: controlLookup,
      data: {
        entity,
        save: (options?: { saveMode?: number }) => this.save(options?.saveMode ?? SAVE_MODE.Save),
        refresh: (save?: boolean) => this.refresh(save === true),
        getIsDirty: () => this.isDirty(),
        isValid: () => true,
        addOnLoad: (handler: Handler) => this.addOnLoadHandler(handler),
        removeOnLoad: (handler: Handler) => {
          const index = this.onLoad.indexOf(handler);
          if (index >= 0) this.onLoad.splice(index, 1);
        },
        attributes: collection(
          () => [...this.attributes],
          (name) => this.attribute(name),
        ),
      },
      ui: {
        setFormNotification: (message: string, level: NotificationLevel, uniqueId: string) =>
          this.setNotification(message, level, uniqueId),
        clearFormNotification: (uniqueId?: string) => this.clearNotification(uniqueId),
        close: () => this.host.close(),
        getFormType: () => this.host.formType,
        refreshRibbon: () => this.changed("controls"),
        controls: collection(
          () => this.controls,
          (name) => this.control(name),
        ),
      },
    };
  }
}
