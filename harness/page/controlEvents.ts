type EventHandler = (payload?: unknown) => void;

/**
 * One code component instance's custom events as a model-driven form wires them: a form script adds
 * handlers on the instance's control (addEventHandler), the component raises them through
 * context.events, a method per <event> of its manifest that calls that control's handlers, in the
 * order added, with the payload. *inferred*: a handler that throws does not stop the others (the
 * error is reported to `onHandlerError`), and raising an event nobody handles does nothing.
 */
export class ControlEvents {
  private readonly handlers = new Map<string, EventHandler[]>();

  constructor(private readonly onHandlerError: (eventName: string, error: unknown) => void) {}

  addEventHandler(eventName: string, handler: EventHandler): void {
    const list = this.handlers.get(eventName) ?? [];
    if (!list.includes(handler)) list.push(handler);
    this.handlers.set(eventName, list);
  }

  removeEventHandler(eventName: string, handler: EventHandler): void {
    const list = this.handlers.get(eventName) ?? [];
    const index = list.indexOf(handler);
    if (index >= 0) list.splice(index, 1);
  }

  /** context.events for this instance. */
  eventBag(eventNames: readonly string[]): Record<string, EventHandler> {
    return Object.fromEntries(eventNames.map((name) => [name, (payload?: unknown) => this.raise(name, payload)]));
  }

  private raise(eventName: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(eventName) ?? [])]) {
      try {
        handler(payload);
      } catch (error) {
        this.onHandlerError(eventName, error);
      }
    }
  }
}
