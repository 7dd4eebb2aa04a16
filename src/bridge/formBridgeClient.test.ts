import { FormBridgeError, bridgeChannelName } from "./bridgeProtocol";
import { connectFormBridge, type ConnectedFormBridge } from "./formBridgeClient";
import { publishFormBridge } from "./formBridgeHost";
import type { FormBridge } from "./formBridgeTypes";

const RECORD_ID = "{6A0B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D}";

/** Dates cross the channel by structured clone; under Jest they arrive from another realm than this file's Date. */
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";

function fakeFormBridge(overrides: Partial<FormBridge> = {}): FormBridge & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getValues: async () => ({ values: { msdyncrm_name: "Spring campaign", statuscode: 192350000 }, isDirty: true }),
    save: async () => void calls.push("save"),
    refresh: async () => void calls.push("refresh"),
    setValue: async (attribute, value) =>
      void calls.push(`setValue ${attribute}=${isDate(value) ? value.toISOString() : String(value)}`),
    setNotification: async (message, level, id) => void calls.push(`notify ${level} ${id}: ${message}`),
    clearNotification: async (id) => void calls.push(`clear ${id}`),
    ...overrides,
  };
}

describe("form bridge over BroadcastChannel", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()?.();
  });
  const connect = async (recordId: string, timeoutMs?: number): Promise<ConnectedFormBridge | null> => {
    const bridge = await connectFormBridge(recordId, timeoutMs);
    if (bridge) cleanups.push(() => bridge.disconnect());
    return bridge;
  };

  it("names the channel after the record id, lower case and without braces", () => {
    expect(bridgeChannelName(RECORD_ID)).toBe("cjt-journey-form:6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
  });

  it("carries every call and its result both ways, whatever the id's spelling", async () => {
    const form = fakeFormBridge();
    cleanups.push(publishFormBridge(RECORD_ID, form));
    const bridge = await connect("6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    expect(bridge).not.toBeNull();

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

  it("resolves null when no form answers in time", async () => {
    const started = Date.now();
    await expect(connect(RECORD_ID, 50)).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("does not connect to the form of another record", async () => {
    cleanups.push(publishFormBridge("11111111-2222-3333-4444-555555555555", fakeFormBridge()));
    await expect(connect(RECORD_ID, 80)).resolves.toBeNull();
  });

  it("passes the form's refusal back with its message and code", async () => {
    const form = fakeFormBridge({
      save: () =>
        Promise.reject({ errorCode: 2147220891, message: "Go live blocked: the end date is before the start date." }),
      setValue: () => Promise.reject(new Error('"msdyncrm_name" is locked while the journey is live.')),
    });
    cleanups.push(publishFormBridge(RECORD_ID, form));
    const bridge = await connect(RECORD_ID);

    const saveError = await bridge!.save().catch((error: unknown) => error);
    expect(saveError).toBeInstanceOf(FormBridgeError);
    expect(saveError).toMatchObject({
      message: "Go live blocked: the end date is before the start date.",
      code: 2147220891,
    });
    await expect(bridge!.setValue("msdyncrm_name", "x")).rejects.toThrow(
      '"msdyncrm_name" is locked while the journey is live.',
    );
  });

  it("stops answering once the form is unpublished, and says so to a connected control", async () => {
    let finishSave: () => void = () => undefined;
    const form = fakeFormBridge({ save: () => new Promise<void>((resolve) => (finishSave = resolve)) });
    const unpublish = publishFormBridge(RECORD_ID, form);
    const bridge = await connect(RECORD_ID);
    const pendingSave = bridge!.save();
    await new Promise((resolve) => setTimeout(resolve, 20));

    unpublish();
    unpublish();
    await expect(pendingSave).rejects.toThrow("The form was closed.");
    await expect(bridge!.getValues()).rejects.toThrow("The form was closed.");
    finishSave();
    await expect(connect(RECORD_ID, 50)).resolves.toBeNull();
  });

  it("keeps each control's answers apart when two controls ask at once", async () => {
    let count = 0;
    cleanups.push(
      publishFormBridge(
        RECORD_ID,
        fakeFormBridge({ getValues: async () => ({ values: { msdyncrm_recurrencecount: ++count }, isDirty: false }) }),
      ),
    );
    const [first, second] = await Promise.all([connect(RECORD_ID), connect(RECORD_ID)]);
    const answers = await Promise.all([first!.getValues(), second!.getValues(), first!.getValues()]);
    expect(answers.map((answer) => answer.values.msdyncrm_recurrencecount).sort()).toEqual([1, 2, 3]);
  });

  it("rejects calls after the control disconnects", async () => {
    cleanups.push(publishFormBridge(RECORD_ID, fakeFormBridge()));
    const bridge = await connectFormBridge(RECORD_ID);
    bridge!.disconnect();
    await expect(bridge!.refresh()).rejects.toThrow("Disconnected from the form.");
  });
});
