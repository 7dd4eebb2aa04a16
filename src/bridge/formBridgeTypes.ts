import type { JourneyRecord } from "../journey/types";

export type NotificationLevel = "ERROR" | "WARNING" | "INFO";

/** What the control asks of the form: published by the form web resource, found by record id. */
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
