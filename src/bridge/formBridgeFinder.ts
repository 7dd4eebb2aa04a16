import type { ConnectedFormBridge } from "./formBridgeTypes";

/** The control's one connection to the form script, shared by the service and the view. */
export interface FormBridgeFinder {
  /**
   * The connected bridge, connecting first when there is none; null when no form script accepted.
   * A failed attempt is not remembered: the form script may subscribe after the control has loaded.
   */
  find(): Promise<ConnectedFormBridge | null>;
  /** Lets go of the form for good (the control is destroyed or shows another record). */
  close(): void;
}

export function createFormBridgeFinder(connect: () => Promise<ConnectedFormBridge | null>): FormBridgeFinder {
  let connection: Promise<ConnectedFormBridge | null> | null = null;
  let closed = false;
  return {
    find() {
      if (closed) return Promise.resolve(null);
      if (!connection) {
        connection = connect().then((bridge) => {
          if (!bridge) connection = null;
          else if (closed) bridge.disconnect();
          return closed ? null : bridge;
        });
      }
      return connection;
    },
    close() {
      closed = true;
      void connection?.then((bridge) => bridge?.disconnect());
    },
  };
}
