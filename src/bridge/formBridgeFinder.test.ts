import { createFormBridgeFinder } from "./formBridgeFinder";
import type { ConnectedFormBridge } from "./formBridgeTypes";

function connectedBridge(): ConnectedFormBridge & { disconnect: jest.Mock } {
  const unused = () => Promise.reject(new Error("not used"));
  return {
    getValues: unused,
    save: unused,
    refresh: unused,
    setValue: unused,
    setNotification: unused,
    clearNotification: unused,
    onFormEvent: () => () => undefined,
    disconnect: jest.fn(),
  };
}

describe("the control's one connection to the form", () => {
  it("connects once for every caller, and keeps the connection", async () => {
    const bridge = connectedBridge();
    const connect = jest.fn(async () => bridge);
    const finder = createFormBridgeFinder(connect);

    const [first, second] = await Promise.all([finder.find(), finder.find()]);
    expect(await finder.find()).toBe(bridge);
    expect([first, second]).toEqual([bridge, bridge]);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("asks again after no form script answered: it may subscribe after the control loaded", async () => {
    const bridge = connectedBridge();
    const connect = jest.fn<Promise<ConnectedFormBridge | null>, []>().mockResolvedValueOnce(null);
    connect.mockResolvedValueOnce(bridge);
    const finder = createFormBridgeFinder(connect);

    expect(await finder.find()).toBeNull();
    expect(await finder.find()).toBe(bridge);
  });

  it("lets go of the form when closed, also of a connection that completes afterwards", async () => {
    const connected = connectedBridge();
    const finder = createFormBridgeFinder(async () => connected);
    await finder.find();
    finder.close();
    await Promise.resolve();
    expect(connected.disconnect).toHaveBeenCalledTimes(1);
    await expect(finder.find()).resolves.toBeNull();

    let finishConnecting: (bridge: ConnectedFormBridge) => void = () => undefined;
    const late = connectedBridge();
    const closing = createFormBridgeFinder(() => new Promise((resolve) => (finishConnecting = resolve)));
    const found = closing.find();
    closing.close();
    finishConnecting(late);
    await expect(found).resolves.toBeNull();
    expect(late.disconnect).toHaveBeenCalledTimes(1);
  });
});
