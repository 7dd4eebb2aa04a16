import type { FormBridge } from "./formBridgeTypes";

/** The messages the form script (host) and the control (client) exchange over one BroadcastChannel. */
export type BridgeMethod = keyof FormBridge;

export interface HelloMessage {
  kind: "hello";
  requestId: string;
  tabId: string | null;
}

export interface WelcomeMessage {
  kind: "welcome";
  requestId: string;
  hostId: string;
  tabId: string | null;
}

export interface CallMessage {
  kind: "call";
  requestId: string;
  hostId: string;
  method: BridgeMethod;
  args: unknown[];
}

export interface SerializedError {
  message: string;
  code?: string | number;
}

export type ResultMessage =
  | { kind: "result"; requestId: string; ok: true; value: unknown }
  | { kind: "result"; requestId: string; ok: false; error: SerializedError };

export interface GoodbyeMessage {
  kind: "goodbye";
  hostId: string;
}

export type BridgeMessage = HelloMessage | WelcomeMessage | CallMessage | ResultMessage | GoodbyeMessage;

export const BRIDGE_METHODS: readonly BridgeMethod[] = [
  "getValues",
  "save",
  "refresh",
  "setValue",
  "setNotification",
  "clearNotification",
];

/** A failure reported by the other side of the bridge (or the bridge itself), with the form's error code if any. */
export class FormBridgeError extends Error {
  readonly code?: string | number;

  constructor(message: string, code?: string | number) {
    super(message);
    this.name = "FormBridgeError";
    this.code = code;
  }
}

/** Record ids arrive braced or not, upper or lower case; the channel name must not depend on that. */
export function normaliseRecordId(recordId: string): string {
  return recordId
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}

export function bridgeChannelName(recordId: string): string {
  return `cjt-journey-form:${normaliseRecordId(recordId)}`;
}

export function isBridgeMessage(data: unknown): data is BridgeMessage {
  return typeof data === "object" && data !== null && typeof (data as { kind?: unknown }).kind === "string";
}

export function serializeError(error: unknown): SerializedError {
  const { message, errorCode, code } = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    errorCode?: unknown;
    code?: unknown;
  };
  const errorCodeValue = errorCode ?? code;
  const serialized: SerializedError = { message: typeof message === "string" && message ? message : String(error) };
  if (typeof errorCodeValue === "string" || typeof errorCodeValue === "number") serialized.code = errorCodeValue;
  return serialized;
}

export function newRequestId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const TAB_ID_KEY = "cjt-journey-form-bridge-tab";

/**
 * An id shared by every same-origin frame of one browser tab (session storage is per tab), so a
 * control answers only to the form in its own tab when the same journey is open in two tabs.
 * null where session storage is unavailable: then any form with this record id is accepted.
 */
export function currentTabId(): string | null {
  // Absent or refused storage throws here too.
  try {
    const storage = globalThis.sessionStorage;
    let tabId = storage.getItem(TAB_ID_KEY);
    if (!tabId) {
      tabId = newRequestId();
      storage.setItem(TAB_ID_KEY, tabId);
    }
    return tabId;
  } catch {
    return null;
  }
}

export function sameTab(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}
