import { formEventName, type FormRequest, type FormRequestPayload } from "./bridgeProtocol";
import type { FormBridge, FormEvent, FormEventListener, MissingSetup } from "./formBridgeTypes";

type EventHandler = (payload: unknown) => void;

/** A control whose code component raises custom events (Client API addEventHandler / removeEventHandler). */
export interface EventSourceControl {
  addEventHandler(eventName: string, handler: EventHandler): void;
  removeEventHandler(eventName: string, handler: EventHandler): void;
}

/** The form script's side of the bridge on one open form. */
export interface FormBridgeHost {
  /** Tells every connected control; a listener that throws (its control is gone) is dropped. */
  notify(event: FormEvent): void;
  /** Stops answering the controls' events and forgets their listeners. */
  close(): void;
}

/** An event handler that runs `answer` on the request's payload and passes its outcome to the payload's callbacks. */
function answering<Request extends FormRequest>(
  answer: (request: FormRequestPayload<Request>) => unknown,
): EventHandler {
  return (payload) => {
    const request = payload as FormRequestPayload<Request>;
    Promise.resolve(request)
      .then(answer)
      .then(
        (value) => request.resolve(value as Parameters<typeof request.resolve>[0]),
        (error: unknown) => request.reject(error),
      );
  };
}

/**
 * Answers the requests of each control in `controls` with `bridge`, and reports to the controls that connect;
 * `missingSetup` is what a connecting control is told is missing from the form's set-up.
 */
export function hostFormBridge(
  controls: readonly EventSourceControl[],
  bridge: FormBridge,
  missingSetup: () => MissingSetup[],
): FormBridgeHost {
  const listeners = new Set<FormEventListener>();
  const handlers: Record<FormRequest, EventHandler> = {
    connect: answering<"connect">(({ listener }) => {
      listeners.add(listener);
      return { disconnect: () => void listeners.delete(listener), missingSetup: missingSetup() };
    }),
    getValues: answering(() => bridge.getValues()),
    save: answering(() => bridge.save()),
    refresh: answering<"refresh">(({ discard }) => bridge.refresh(discard)),
    setValue: answering<"setValue">(({ column, value }) => bridge.setValue(column, value)),
    setNotification: answering<"setNotification">(({ message, level, id }) =>
      bridge.setNotification(message, level, id),
    ),
    clearNotification: answering<"clearNotification">(({ id }) => bridge.clearNotification(id)),
  };
  const requests = Object.keys(handlers) as FormRequest[];
  for (const control of controls)
    for (const request of requests) control.addEventHandler(formEventName(request), handlers[request]);

  return {
    notify(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    close() {
      for (const control of controls)
        for (const request of requests) control.removeEventHandler(formEventName(request), handlers[request]);
      listeners.clear();
    },
  };
}
