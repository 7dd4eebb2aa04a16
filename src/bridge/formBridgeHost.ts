import {
  BRIDGE_METHODS,
  bridgeChannelName,
  currentTabId,
  isBridgeMessage,
  newRequestId,
  serializeError,
  type BridgeMessage,
  type CallMessage,
} from "./bridgeProtocol";
import type { FormBridge } from "./formBridgeTypes";

/**
 * Offers `bridge` to controls looking for the form of `recordId` (see bridgeProtocol.ts).
 * Returns the function that withdraws it again; calling that twice is harmless.
 */
export function publishFormBridge(recordId: string, bridge: FormBridge): () => void {
  const channel = new BroadcastChannel(bridgeChannelName(recordId));
  const hostId = newRequestId();
  const tabId = currentTabId();
  let published = true;

  const post = (message: BridgeMessage): void => {
    if (published) channel.postMessage(message);
  };

  const answerCall = async (call: CallMessage): Promise<void> => {
    try {
      if (!BRIDGE_METHODS.includes(call.method)) throw new Error(`The form offers no "${String(call.method)}".`);
      const method = bridge[call.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(bridge, Array.isArray(call.args) ? call.args : []);
      post({ kind: "result", requestId: call.requestId, ok: true, value: value ?? null });
    } catch (error) {
      post({ kind: "result", requestId: call.requestId, ok: false, error: serializeError(error) });
    }
  };

  channel.onmessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isBridgeMessage(message)) return;
    if (message.kind === "hello") post({ kind: "welcome", requestId: message.requestId, hostId, tabId });
    else if (message.kind === "call" && message.hostId === hostId) void answerCall(message);
  };

  return () => {
    if (!published) return;
    channel.postMessage({ kind: "goodbye", hostId } satisfies BridgeMessage);
    published = false;
    channel.close();
  };
}
