/** @jest-environment jsdom */
import { BroadcastChannel as NodeBroadcastChannel } from "node:worker_threads";
import { connectFormBridge } from "./formBridgeClient";
import { publishFormBridge } from "./formBridgeHost";
import type { FormBridge } from "./formBridgeTypes";

// jsdom has no BroadcastChannel; Node's behaves like the browser's for same-process channels.
(globalThis as { BroadcastChannel: unknown }).BroadcastChannel = NodeBroadcastChannel;

const RECORD_ID = "6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
const TAB_KEY = "cjt-journey-form-bridge-tab";

function formNamed(name: string): FormBridge {
  const ignored = async () => undefined;
  return {
    getValues: async () => ({ values: { msdyncrm_name: name }, isDirty: false }),
    save: ignored,
    refresh: ignored,
    setValue: ignored,
    setNotification: ignored,
    clearNotification: ignored,
  };
}

describe("the same journey open in two browser tabs", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()?.();
    sessionStorage.clear();
  });

  it("connects the control to the form of its own tab only", async () => {
    sessionStorage.setItem(TAB_KEY, "other-tab");
    cleanups.push(publishFormBridge(RECORD_ID, formNamed("form in the other tab")));
    sessionStorage.setItem(TAB_KEY, "this-tab");
    await expect(connectFormBridge(RECORD_ID, 80)).resolves.toBeNull();

    cleanups.push(publishFormBridge(RECORD_ID, formNamed("form in this tab")));
    const bridge = await connectFormBridge(RECORD_ID, 200);
    cleanups.push(() => bridge?.disconnect());
    await expect(bridge!.getValues()).resolves.toEqual({
      values: { msdyncrm_name: "form in this tab" },
      isDirty: false,
    });
  });
});
