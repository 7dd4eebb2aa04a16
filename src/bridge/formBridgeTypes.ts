import type { JourneyRecord, ValidationReport } from "../journey/types";

export type NotificationLevel = "ERROR" | "WARNING" | "INFO";

/** What the control asks of the form: answered by the form script through the control's custom events. */
export interface FormBridge {
  /** The form's current values (saved or not) with Web API column names, and whether any are unsaved. */
  getValues(): Promise<{ values: JourneyRecord; isDirty: boolean }>;
  /** Saves the form; rejects with the reason when the save was cancelled or failed. */
  save(): Promise<void>;
  /**
   * Re-reads the record into the form (after the service moved the status on); the form's unsaved changes
   * wait for the user's save unless `discard` (Cancel edit's "Discard and cancel edit") drops them.
   */
  refresh(discard?: boolean): Promise<void>;
  /** Sets a column on the form (form attribute logical name), as a user typing it would. */
  setValue(attribute: string, value: string | number | boolean | Date | null): Promise<void>;
  setNotification(message: string, level: NotificationLevel, id: string): Promise<void>;
  clearNotification(id: string): Promise<void>;
}

/** The form script's commands that change the status (its "Check for errors" reports as `checked`). */
export type FormCommand = "goLive" | "stop" | "edit";

/**
 * A piece of the form's set-up the form script found missing: OnSave or Status Reason's OnChange not
 * registered (known only once a save or a status change went by without the handler: the Client API lists no
 * registrations, so a handler knows it is registered only by running), Status Reason not on the form, or
 * the form strings' RESX web resource not answering in the user's language.
 */
export type MissingSetup = "onSave" | "onStatusChange" | "statusReason" | "strings";

/** What the form script tells a connected control of its own accord. */
export type FormEvent =
  /** A column the checks read changed on the form: typed, set by a script, or reloaded changed (Status Reason reports as `statusChanged`). */
  | { kind: "changed"; column: string }
  /** Status Reason changed on the form: set there, or moved on by the server and reloaded. */
  | { kind: "statusChanged"; status: number | null }
  /** The form was saved; `status` as saved. */
  | { kind: "saved"; status: number | null }
  /** The form's "Check for errors" ran; `serverChecked` is false when only the local checks could run. */
  | { kind: "checked"; report: ValidationReport; serverChecked: boolean }
  /** One of the form's status commands started (Stop only once the user confirmed). */
  | { kind: "command"; command: FormCommand }
  /** The form script found another piece of the set-up missing: `missing` lists them all. */
  | { kind: "setup"; missing: MissingSetup[] };

export type FormEventListener = (event: FormEvent) => void;

/** The bridge to the form the control sits on, while connected. */
export interface ConnectedFormBridge extends FormBridge {
  /** The pieces of the form's set-up missing as told at connect; undefined from a form script too old to tell. */
  readonly missingSetup?: MissingSetup[];
  /** Calls `listener` with every event the form reports from now on; returns the function that stops that. */
  onFormEvent(listener: FormEventListener): () => void;
  /** Tells the form to stop reporting; calls still pending and any made later are rejected. */
  disconnect(): void;
}
