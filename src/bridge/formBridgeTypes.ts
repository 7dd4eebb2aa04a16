import type { JourneyRecord, ValidationReport } from "../journey/types";

export type NotificationLevel = "ERROR" | "WARNING" | "INFO";

/** What the control asks of the form: answered by the form script through the control's custom events. */
export interface FormBridge {
  /** The form's current values (saved or not) with Web API column names, and whether any are unsaved. */
  getValues(): Promise<{ values: JourneyRecord; isDirty: boolean }>;
  /** Saves the form; rejects with the reason when the save was cancelled or failed. */
  save(): Promise<void>;
  /** Re-reads the record into the form (after the service moved the status on). */
  refresh(): Promise<void>;
  /** Sets a column on the form (form attribute logical name), as a user typing it would. */
  setValue(attribute: string, value: string | number | boolean | Date | null): Promise<void>;
  setNotification(message: string, level: NotificationLevel, id: string): Promise<void>;
  clearNotification(id: string): Promise<void>;
}

/** The form script's commands that change the status (its "Check for errors" reports as `checked`). */
export type FormCommand = "goLive" | "stop" | "edit";

/**
 * What the form script knows of a handler the maker registers, from its own runs alone (the Client API
 * lists no registrations): "ran"; "missing" when its event passed without it (a save reached OnPostSave,
 * Status Reason changed) and it never ran; absent while no such event has happened on this form.
 */
export type HandlerSeen = "ran" | "missing";

/** How the form is set up, as the form script sees it; OnLoad ran (it answers at all). */
export interface FormSetup {
  onSave?: HandlerSeen;
  onStatusChange?: HandlerSeen;
  /** Status Reason (statuscode) is on the form (header or body). */
  statusOnForm: boolean;
  /** The form script's RESX web resource answers in the user's language. */
  stringsLoaded: boolean;
}

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
  /** The form script learnt more of how the form is set up. */
  | { kind: "setup"; setup: FormSetup };

export type FormEventListener = (event: FormEvent) => void;

/** The bridge to the form the control sits on, while connected. */
export interface ConnectedFormBridge extends FormBridge {
  /** The form's setup as told at connect; null from a form script too old to tell. */
  readonly setup: FormSetup | null;
  /** Calls `listener` with every event the form reports from now on; returns the function that stops that. */
  onFormEvent(listener: FormEventListener): () => void;
  /** Tells the form to stop reporting; calls still pending and any made later are rejected. */
  disconnect(): void;
}
