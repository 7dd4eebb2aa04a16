import {
  BRIDGE_METHODS,
  FormBridgeError,
  bridgeChannelName,
  currentTabId,
  isBridgeMessage,
  newRequestId,
  sameTab,
  type BridgeMethod,
  type BridgeMessage,
} from "./bridgeProtocol";
import type { FormBridge } from "./formBridgeTypes";

/** A bridge the caller may let go of (closes the channel; pending calls are rejected). */
export interface ConnectedFormBridge extends FormBridge {
  disconnect(): void;
}

/** How long one call may take: a save runs the go-live check and the save itself, a refresh re-reads the record. */
function callTimeoutMs(method: BridgeMethod): number {
  return method === "save" ? 60_000 : method === "refresh" ? 30_000 : 5_000;
}

/** Ends a pending call (clears its timer, forgets it): with the error, or else with the value. */
type FinishCall = (error: FormBridgeError | null, value?: unknown) => void;

/**
 * Finds the form script of `recordId` in this tab. Resolves with null when no form answers within
 * `timeoutMs` (no form script registered, a different page, or the form of another tab).
 */
export function connectFormBridge(recordId: string, timeoutMs = 400): Promise<ConnectedFormBridge | null> {
  const channel = new BroadcastChannel(bridgeChannelName(recordId));
  const tabId = currentTabId();
  const helloId = newRequestId();
  const pending = new Map<string, FinishCall>();
  let hostId: string | null = null;
  let closedReason: string | null = null;

  const settleAll = (reason: string): void => {
    closedReason = reason;
    for (const finish of pending.values()) finish(new FormBridgeError(reason));
  };

  const call = (method: BridgeMethod, args: unknown[]): Promise<unknown> => {
    // Only a connected bridge is handed out, so hostId is set here until the bridge closes.
    if (closedReason !== null) return Promise.reject(new FormBridgeError(closedReason));
    const requestId = newRequestId();
    return new Promise((resolve, reject) => {
      const timeoutMs = callTimeoutMs(method);
      const timer = setTimeout(
        () => finish(new FormBridgeError(`The form did not answer "${method}" within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      );
      const finish: FinishCall = (error, value) => {
        pending.delete(requestId);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value);
      };
      pending.set(requestId, finish);
      channel.postMessage({ kind: "call", requestId, hostId: hostId as string, method, args } satisfies BridgeMessage);
    });
  };

  // Every method forwards its arguments.
  const methods = Object.fromEntries(
    BRIDGE_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as FormBridge;
  const bridge: ConnectedFormBridge = {
    ...methods,
    disconnect: () => {
      if (closedReason === null) settleAll("Disconnected from the form.");
      channel.close();
    },
  };

  return new Promise((resolve) => {
    const giveUp = setTimeout(() => {
      // The bridge was never handed out, so no call can be waiting.
      channel.close();
      resolve(null);
    }, timeoutMs);

    channel.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data;
      if (!isBridgeMessage(message)) return;
      if (message.kind === "welcome") {
        if (hostId !== null || message.requestId !== helloId || !sameTab(tabId, message.tabId)) return;
        hostId = message.hostId;
        clearTimeout(giveUp);
        resolve(bridge);
      } else if (message.kind === "result") {
        // The host answers null for the methods that give nothing back.
        if (message.ok) pending.get(message.requestId)?.(null, message.value ?? undefined);
        else pending.get(message.requestId)?.(new FormBridgeError(message.error.message, message.error.code));
      } else if (message.kind === "goodbye" && message.hostId === hostId) {
        settleAll("The form was closed.");
        channel.close();
      }
    };

    channel.postMessage({ kind: "hello", requestId: helloId, tabId } satisfies BridgeMessage);
  });
}
