import type { FormBridge } from "../bridge/formBridgeTypes";

/**
 * Shares one connection to the form script between the service and the control. A failed attempt is
 * not remembered: the form script may register after the control has loaded.
 */
export function createFormBridgeFinder(connect: () => Promise<FormBridge | null>): () => Promise<FormBridge | null> {
  let connection: Promise<FormBridge | null> | null = null;
  return () => {
    if (!connection) {
      connection = connect().then((bridge) => {
        if (!bridge) connection = null;
        return bridge;
      });
    }
    return connection;
  };
}
