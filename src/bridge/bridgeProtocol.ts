import type { FormBridge, FormEventListener, MissingSetup, NotificationLevel } from "./formBridgeTypes";

/**
 * The control reaches the form script through PCF custom events (the manifest's <event> elements):
 * it raises one event per request with `context.events.<name>(payload)`, the form script subscribes
 * in OnLoad with `formContext.getControl(<control>).addEventHandler(<name>, handler)` and answers
 * through the payload's `resolve` / `reject`. An event reaches only the handlers of that one control
 * instance on that one form: no other tab, window or page can ask or answer.
 */
export type FormRequest = "connect" | keyof FormBridge;

/** A request's event: "form" and the request capitalised ("formConnect", "formGetValues"), as the manifest names them. */
export const formEventName = <Request extends FormRequest>(request: Request) =>
  `form${request[0].toUpperCase()}${request.slice(1)}` as `form${Capitalize<Request>}`;

/** What the form hands back when it accepts a connection. */
export interface FormConnection {
  /** Forgets the control's listener. */
  disconnect(): void;
  /** The pieces of the form's set-up known to be missing now; more come as `{ kind: "setup" }` events. */
  missingSetup: MissingSetup[];
}

/** Each request's fields, besides its answer callbacks. */
export interface FormRequestFields {
  /** The control's listener: the form calls it with every change, save and command from now on. */
  connect: { listener: FormEventListener };
  getValues: object;
  save: object;
  refresh: { discard?: boolean };
  setValue: { column: string; value: Parameters<FormBridge["setValue"]>[1] };
  setNotification: { message: string; level: NotificationLevel; id: string };
  clearNotification: { id: string };
}

type FormAnswer<Request extends FormRequest> = Request extends keyof FormBridge
  ? Awaited<ReturnType<FormBridge[Request]>>
  : FormConnection;

/** The payload of a request's event: its fields, and the callbacks the form answers with (once). */
export type FormRequestPayload<Request extends FormRequest> = FormRequestFields[Request] & {
  resolve(value: FormAnswer<Request>): void;
  /** With the reason: an Error or the platform's `{ errorCode, message }`. */
  reject(error: unknown): void;
};

/** The only columns the control sets on the form (the recurrence fix's end date); the form refuses any other. */
export const COLUMNS_THE_CONTROL_SETS: readonly string[] = ["msdyncrm_enddatetime"];

/** A failure reported by the form (or the bridge itself), with the form's error code if any. */
export class FormBridgeError extends Error {
  readonly code?: string | number;

  constructor(message: string, code?: string | number) {
    super(message);
    this.name = "FormBridgeError";
    this.code = code;
  }
}

/** The form's reason as a FormBridgeError: errors from the form's frame are not this realm's Error. */
export function toBridgeError(error: unknown): FormBridgeError {
  const { message, errorCode, code } = ((typeof error === "object" && error) || {}) as {
    message?: unknown;
    errorCode?: unknown;
    code?: unknown;
  };
  const codeValue = errorCode ?? code;
  return new FormBridgeError(
    typeof message === "string" && message ? message : String(error),
    typeof codeValue === "string" || typeof codeValue === "number" ? codeValue : undefined,
  );
}
