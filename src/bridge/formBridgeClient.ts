import {
  FormBridgeError,
  formEventName,
  toBridgeError,
  type FormConnection,
  type FormRequest,
  type FormRequestFields,
} from "./bridgeProtocol";
import type { ConnectedFormBridge, FormBridge, FormEvent, FormEventListener } from "./formBridgeTypes";

/** Raises the control's custom event `name` with `payload`; false where the host offers no such event. */
export type RaiseEvent = (name: string, payload: object) => boolean;

/** Raises through a PCF context's events, as `events()` gives them at the time (each updateView brings a new context). */
export function raiseThrough(events: () => ComponentFramework.IEventBag | undefined): RaiseEvent {
  return (name, payload) => {
    const event = events()?.[name];
    if (!event) return false;
    event(payload);
    return true;
  };
}

/** How long the form script has to accept the control before it works on the saved record instead. */
export const CONNECT_TIMEOUT_MS = 400;

/** How long one call may take (else 5 s): a save runs the go-live check and the save itself, a refresh re-reads the record. */
const ANSWER_TIMEOUT_MS: Partial<Record<FormRequest, number>> = { save: 60_000, refresh: 30_000 };

/**
 * Raises the request's event and settles with the form's first answer. Rejects when the form
 * refuses, or when nothing answers (the host has no such event, or no answer within `timeoutMs`);
 * `onLate` gets a success that came after that.
 */
function ask<Request extends FormRequest>(
  raise: RaiseEvent,
  request: Request,
  fields: FormRequestFields[Request],
  timeoutMs: number,
  onLate?: (value: unknown) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let answered = false;
    /** True for the first answer only. */
    const first = (): boolean => {
      if (answered) return false;
      answered = true;
      clearTimeout(timer);
      return true;
    };
    const noAnswer = () => {
      if (first()) reject(new FormBridgeError(`The form did not answer "${request}" within ${timeoutMs / 1000} s.`));
    };
    const timer = setTimeout(noAnswer, timeoutMs);
    const payload = {
      ...fields,
      resolve: (value: unknown) => (first() ? resolve(value) : onLate?.(value)),
      reject: (error: unknown) => first() && reject(toBridgeError(error)),
    };
    try {
      if (!raise(formEventName(request), payload)) noAnswer();
    } catch (error) {
      payload.reject(error);
    }
  });
}

/**
 * Connects to the form script of the form this control sits on, handing it the listener for the
 * form's events. Resolves with null when no form script accepts within `timeoutMs`, or at once
 * where the host has no custom events (a canvas app, the pcf-start page).
 */
export async function connectFormBridge(
  raise: RaiseEvent,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<ConnectedFormBridge | null> {
  const listeners = new Set<FormEventListener>();
  let connected = true;
  let endCalls!: (error: FormBridgeError) => void;
  /** Rejects once disconnected: the calls pending then, and any made later. */
  const disconnected = new Promise<never>((_, reject) => (endCalls = reject));
  disconnected.catch(() => undefined);
  // Each subscriber runs on its own: one that fails neither keeps the event from the others nor fails the form's handler.
  const listener = (event: FormEvent): void => {
    if (connected) for (const each of [...listeners]) queueMicrotask(() => each(event));
  };
  let connection: FormConnection;
  try {
    const letGo = (late: unknown) => (late as FormConnection | undefined)?.disconnect();
    connection = (await ask(raise, "connect", { listener }, timeoutMs, letGo)) as FormConnection;
  } catch {
    return null;
  }

  const call = <Request extends keyof FormBridge>(request: Request, fields: FormRequestFields[Request]) =>
    (connected
      ? Promise.race([ask(raise, request, fields, ANSWER_TIMEOUT_MS[request] ?? 5_000), disconnected])
      : disconnected) as Promise<Awaited<ReturnType<FormBridge[Request]>>>;

  return {
    missingSetup: connection?.missingSetup,
    getValues: () => call("getValues", {}),
    save: () => call("save", {}),
    refresh: (discard) => call("refresh", { discard }),
    setValue: (column, value) => call("setValue", { column, value }),
    setNotification: (message, level, id) => call("setNotification", { message, level, id }),
    clearNotification: (id) => call("clearNotification", { id }),
    onFormEvent(added) {
      listeners.add(added);
      return () => void listeners.delete(added);
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      listeners.clear();
      endCalls(new FormBridgeError("Disconnected from the form."));
      connection?.disconnect();
    },
  };
}
