import path from "node:path";
import { ControlEvents } from "../../harness/page/controlEvents";
import { controlEventNames } from "../../harness/page/manifestEvents";
import { FormBridgeError, formEventName, type FormConnection, type FormRequestPayload } from "./bridgeProtocol";
import { CONNECT_TIMEOUT_MS, connectFormBridge, raiseThrough, type RaiseEvent } from "./formBridgeClient";
import { hostFormBridge, type FormBridgeHost } from "./formBridgeHost";
import type { ConnectedFormBridge, FormBridge, FormEvent, MissingSetup } from "./formBridgeTypes";

/** The events the form script subscribes to: one per request the control makes. */
const EVENT_NAMES = (() => {
  const names: string[] = [];
  hostFormBridge(
    [{ addEventHandler: (name) => void names.push(name), removeEventHandler: () => undefined }],
    {} as FormBridge,
    () => [],
  );
  return names;
})();
const FULL_SETUP: MissingSetup[] = [];

function fakeFormBridge(name: string, overrides: Partial<FormBridge> = {}): FormBridge & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getValues: async () => ({ values: { msdyncrm_name: name, statuscode: 192350000 }, isDirty: true }),
    save: async () => void calls.push("save"),
    refresh: async (discard) => void calls.push(discard ? "refresh discard" : "refresh"),
    setValue: async (attribute, value) =>
      void calls.push(`setValue ${attribute}=${value instanceof Date ? value.toISOString() : String(value)}`),
    setNotification: async (message, level, id) => void calls.push(`notify ${level} ${id}: ${message}`),
    clearNotification: async (id) => void calls.push(`clear ${id}`),
    ...overrides,
  };
}

/** One code component instance on a form: its control's handlers and the context.events raising them. */
function controlInstance() {
  const errors: unknown[] = [];
  const control = new ControlEvents((_name, error) => errors.push(error));
  const events = control.eventBag(EVENT_NAMES);
  return { control, raise: raiseThrough(() => events), errors };
}

/** Lets the microtasks (answers, reported events) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("the control's manifest declares every event the control raises", async () => {
  expect(EVENT_NAMES).toEqual(expect.arrayContaining(["formConnect", "formGetValues", "formClearNotification"]));
  expect(await controlEventNames(path.resolve(__dirname, "../.."))).toEqual(expect.arrayContaining(EVENT_NAMES));
});

describe("the form bridge on PCF custom events", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()?.();
    jest.useRealTimers();
  });
  const host = (controls: ControlEvents[], bridge: FormBridge): FormBridgeHost => {
    const hosted = hostFormBridge(controls, bridge, () => FULL_SETUP);
    cleanups.push(() => hosted.close());
    return hosted;
  };
  const connect = async (raise: RaiseEvent): Promise<ConnectedFormBridge | null> => {
    const bridge = await connectFormBridge(raise);
    if (bridge) cleanups.push(() => bridge.disconnect());
    return bridge;
  };

  it("carries every request and its answer between the control and its form", async () => {
    const instance = controlInstance();
    const form = fakeFormBridge("Spring campaign");
    host([instance.control], form);
    const bridge = await connect(instance.raise);

    await expect(bridge!.getValues()).resolves.toEqual({
      values: { msdyncrm_name: "Spring campaign", statuscode: 192350000 },
      isDirty: true,
    });
    await bridge!.setValue("msdyncrm_enddatetime", new Date("2026-12-31T10:00:00.000Z"));
    await bridge!.setNotification("Check failed", "ERROR", "cjt-1");
    await bridge!.clearNotification("cjt-1");
    await bridge!.save();
    await bridge!.refresh();
    expect(form.calls).toEqual([
      "setValue msdyncrm_enddatetime=2026-12-31T10:00:00.000Z",
      "notify ERROR cjt-1: Check failed",
      "clear cjt-1",
      "save",
      "refresh",
    ]);
  });

  it("reaches only the form its own instance is on: two forms on one record never answer each other's control", async () => {
    const [first, second] = [controlInstance(), controlInstance()];
    const firstForm = fakeFormBridge("typed in the first tab");
    const secondForm = fakeFormBridge("typed in the second tab");
    host([first.control], firstForm);
    host([second.control], secondForm);
    const [firstBridge, secondBridge] = await Promise.all([connect(first.raise), connect(second.raise)]);

    expect((await secondBridge!.getValues()).values.msdyncrm_name).toBe("typed in the second tab");
    expect((await firstBridge!.getValues()).values.msdyncrm_name).toBe("typed in the first tab");
    await secondBridge!.save();
    expect([firstForm.calls, secondForm.calls]).toEqual([[], ["save"]]);
  });

  it("answers every instance of the control on the form (body and header)", async () => {
    const [body, header] = [controlInstance(), controlInstance()];
    const form = fakeFormBridge("Spring campaign");
    const hosted = host([body.control, header.control], form);
    const [bodyBridge, headerBridge] = await Promise.all([connect(body.raise), connect(header.raise)]);
    const seen: string[] = [];
    bodyBridge!.onFormEvent((event) => seen.push(`body ${event.kind}`));
    headerBridge!.onFormEvent((event) => seen.push(`header ${event.kind}`));

    await headerBridge!.refresh();
    await bodyBridge!.save();
    hosted.notify({ kind: "saved", status: 192350006 });
    await settle();

    expect(form.calls).toEqual(["refresh", "save"]);
    expect(seen).toEqual(["body saved", "header saved"]);
  });

  it("passes the form's refusal back with its message and code", async () => {
    const instance = controlInstance();
    host(
      [instance.control],
      fakeFormBridge("x", {
        // The platform's errors are plain objects; errors from the form's frame are not this realm's Error.
        save: () =>
          Promise.reject({ errorCode: 2147220891, message: "Go live blocked: the end date is before the start date." }),
        setValue: () => {
          throw new Error("Name cannot be set from the control: it sets only the end date.");
        },
      }),
    );
    const bridge = await connect(instance.raise);

    const saveError = await bridge!.save().catch((error: unknown) => error);
    expect(saveError).toBeInstanceOf(FormBridgeError);
    expect(saveError).toMatchObject({
      message: "Go live blocked: the end date is before the start date.",
      code: 2147220891,
    });
    await expect(bridge!.setValue("msdyncrm_name", "x")).rejects.toThrow(
      "Name cannot be set from the control: it sets only the end date.",
    );
  });

  it("gives up on the form after a short wait when no form script handles the events", async () => {
    jest.useFakeTimers();
    const instance = controlInstance();
    let outcome: ConnectedFormBridge | null | "waiting" = "waiting";
    void connectFormBridge(instance.raise).then((bridge) => (outcome = bridge));

    await jest.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS - 1);
    expect(outcome).toBe("waiting");
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBeNull();
  });

  it("does not wait at all where the host has no such events (a canvas app, the pcf-start page)", async () => {
    jest.useFakeTimers();
    await expect(connectFormBridge(raiseThrough(() => undefined))).resolves.toBeNull();
    await expect(connectFormBridge(raiseThrough(() => ({})))).resolves.toBeNull();
  });

  it("rejects a request the form does not answer in time", async () => {
    jest.useFakeTimers();
    const instance = controlInstance();
    host([instance.control], fakeFormBridge("x", { getValues: () => new Promise(() => undefined) }));
    const bridge = await connect(instance.raise);

    const answer = bridge!.getValues().catch((error: Error) => error.message);
    await jest.advanceTimersByTimeAsync(5_000);
    await expect(answer).resolves.toBe('The form did not answer "getValues" within 5 s.');
  });

  it("lets go of a connection the form accepted only after the control gave up", async () => {
    jest.useFakeTimers();
    let request: FormRequestPayload<"connect"> | undefined;
    const outcome = connectFormBridge((_name, payload) => {
      request = payload as FormRequestPayload<"connect">;
      return true;
    });
    await jest.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS);
    await expect(outcome).resolves.toBeNull();

    const lateConnection: FormConnection = { disconnect: jest.fn(), missingSetup: FULL_SETUP };
    request!.resolve(lateConnection);
    expect(lateConnection.disconnect).toHaveBeenCalledTimes(1);
  });

  it("reports the form's events to each subscriber, in order, until it unsubscribes", async () => {
    const instance = controlInstance();
    const hosted = host([instance.control], fakeFormBridge("x"));
    const bridge = await connect(instance.raise);
    const first: FormEvent[] = [];
    const second: FormEvent[] = [];
    const stopFirst = bridge!.onFormEvent((event) => first.push(event));
    bridge!.onFormEvent((event) => second.push(event));

    hosted.notify({ kind: "changed", column: "msdyncrm_name" });
    hosted.notify({ kind: "statusChanged", status: 192350006 });
    await settle();
    stopFirst();
    hosted.notify({ kind: "command", command: "stop" });
    await settle();

    expect(first).toEqual([
      { kind: "changed", column: "msdyncrm_name" },
      { kind: "statusChanged", status: 192350006 },
    ]);
    expect(second).toEqual([...first, { kind: "command", command: "stop" }]);
  });

  it("disconnecting makes the form forget the control's listener and ends its requests", async () => {
    const instance = controlInstance();
    let finishSave: () => void = () => undefined;
    const hosted = host(
      [instance.control],
      fakeFormBridge("x", { save: () => new Promise<void>((resolve) => (finishSave = resolve)) }),
    );
    const listener = jest.fn();
    const connection = await new Promise<FormConnection>((resolve, reject) =>
      instance.raise(formEventName("connect"), { listener, resolve, reject }),
    );
    hosted.notify({ kind: "saved", status: 192350000 });
    connection.disconnect();
    hosted.notify({ kind: "saved", status: 192350006 });
    expect(listener.mock.calls).toEqual([[{ kind: "saved", status: 192350000 }]]);

    const bridge = await connectFormBridge(instance.raise);
    const pendingSave = bridge!.save();
    await settle();
    bridge!.disconnect();
    finishSave();
    await expect(pendingSave).rejects.toThrow("Disconnected from the form.");
    await expect(bridge!.refresh()).rejects.toThrow("Disconnected from the form.");
  });

  it("stops answering once the form script closes its side", async () => {
    const instance = controlInstance();
    const hosted = host([instance.control], fakeFormBridge("x"));
    hosted.close();
    await expect(connectFormBridge(instance.raise, 50)).resolves.toBeNull();
  });
});
