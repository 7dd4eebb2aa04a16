import type { RetryTiming } from "../dataverse/retryPolicy";
import type { WebApiPort } from "../dataverse/webApiPort";
import type { FormGetString } from "./formStrings";

/** What the handlers need from the outside world; index.ts gives the real one, tests their own. */
export interface FormEnvironment {
  webApi: Pick<WebApiPort, "online">;
  /** How the validate call waits before trying a throttled request again. */
  timing: RetryTiming;
  /** A form string; with a count, its plural form (see createGetString). */
  getString: FormGetString;
  /** The form strings' RESX web resource answers in the user's language (else getString gives English). */
  stringsLoaded(): boolean;
  now(): Date;
  confirm(title: string, text: string): Promise<boolean>;
  /** Opens the form of a new record of the table (Save & New). */
  openNewForm(entityName: string): void;
  checkTimeoutMs?: number;
}
