/** @jest-environment jsdom */
import type * as React from "react";
import { connectFormBridge, type RaiseEvent } from "./bridge/formBridgeClient";
import type { ConnectedFormBridge } from "./bridge/formBridgeTypes";
import { JourneyControl } from "./index";
import type { JourneyControlProps } from "./ui/journeyControlProps";
import type { WebApiPort } from "./dataverse/webApiPort";
import type { IInputs } from "../JourneyControl/generated/ManifestTypes";

jest.mock("./bridge/formBridgeClient", () => ({
  ...jest.requireActual("./bridge/formBridgeClient"),
  connectFormBridge: jest.fn(async () => null),
}));
jest.mock("./dataverse/journeyService", () => ({
  createJourneyService: jest.fn((deps: unknown) => ({ deps })),
}));

const openForm = jest.fn(async () => ({ savedEntityReference: [] }));
Object.assign(globalThis, { Xrm: { WebApi: { marker: "webApi" }, Navigation: { openForm } } });

function context(
  overrides: {
    entityId?: string;
    pageEntityId?: string;
    disabled?: boolean;
    raw?: string | null;
    events?: ComponentFramework.IEventBag;
  } = {},
) {
  return {
    events: overrides.events ?? {},
    parameters: { validationResults: { raw: overrides.raw ?? null } },
    mode: {
      isControlDisabled: overrides.disabled ?? false,
      allocatedWidth: 420,
      trackContainerResize: jest.fn(),
      contextInfo: { entityId: overrides.entityId ?? "" },
    },
    page: { entityId: overrides.pageEntityId ?? "" },
    resources: { getString: (key: string) => `text of ${key}` },
    userSettings: { languageId: 1031, getTimeZoneOffsetMinutes: () => 60 },
    utils: { hasEntityPrivilege: jest.fn((_entity: string, type: number) => type !== 4) },
  } as unknown as ComponentFramework.Context<IInputs> & { utils: { hasEntityPrivilege: jest.Mock } };
}

function propsOf(element: React.ReactElement): JourneyControlProps {
  return element.props as JourneyControlProps;
}

test("init asks the host for the allocated width", () => {
  const ctx = context();
  new JourneyControl().init(ctx);
  expect(ctx.mode.trackContainerResize).toHaveBeenCalledWith(true);
});

test("updateView maps the context to the view's props", () => {
  const ctx = context({
    entityId: "{8AEE9D91-8C2B-E911-A9B7-000D3A1E6ADC}",
    disabled: true,
    raw: '{"Result":"Valid"}',
  });
  const control = new JourneyControl();
  control.init(ctx);
  const props = propsOf(control.updateView(ctx));
  expect(props.recordId).toBe("8aee9d91-8c2b-e911-a9b7-000d3a1e6adc");
  expect(props.storedValidationResults).toBe('{"Result":"Valid"}');
  expect(props.isDisabled).toBe(true);
  expect(props.allocatedWidth).toBe(420);
  expect(props.getString("action.stop")).toBe("text of action.stop");
  expect(props.formatDateTime("2027-01-05T09:00:00.000Z")).toBe("5. Jan. 2027, 10:00");
  expect(props.hasPrivilege(3)).toBe(true);
  expect(props.hasPrivilege(4)).toBe(false);
  expect(ctx.utils.hasEntityPrivilege).toHaveBeenCalledWith("msdyncrm_customerjourney", 4, 0);
  const port = (props.service as unknown as { deps: { webApi: WebApiPort } }).deps.webApi;
  expect(Object.getPrototypeOf(port)).toBe((globalThis as unknown as { Xrm: Xrm.XrmStatic }).Xrm.WebApi);
  // This host has no client URL, so the writes go out without If-Match.
  expect(port.ifMatch).toBeUndefined();
  props.openRecord("msdyncrm_customerjourney", "9a8b7c6d-0000-4000-8000-000000000001");
  expect(openForm).toHaveBeenCalledWith({
    entityName: "msdyncrm_customerjourney",
    entityId: "9a8b7c6d-0000-4000-8000-000000000001",
  });
  props.openRecord("msdyncrm_segment", "3f1d2c4b-0000-4000-8000-000000000101");
  expect(openForm).toHaveBeenLastCalledWith({
    entityName: "msdyncrm_segment",
    entityId: "3f1d2c4b-0000-4000-8000-000000000101",
  });
});

test("the record id falls back to the page's, and the service is kept while the record stays the same", () => {
  const control = new JourneyControl();
  const first = propsOf(control.updateView(context({ pageEntityId: "5F0D6C2A-1B2C-4D3E-8F90-0A1B2C3D4E5F" })));
  const second = propsOf(control.updateView(context({ pageEntityId: "5F0D6C2A-1B2C-4D3E-8F90-0A1B2C3D4E5F" })));
  expect(first.recordId).toBe("5f0d6c2a-1b2c-4d3e-8f90-0a1b2c3d4e5f");
  expect(second.service).toBe(first.service);
  const other = propsOf(control.updateView(context({ entityId: "11111111-2222-3333-4444-555555555555" })));
  expect(other.service).not.toBe(first.service);
});

test("a journey not saved yet has no record id", () => {
  expect(propsOf(new JourneyControl().updateView(context())).recordId).toBe("");
});

describe("the way to the form script", () => {
  const connect = connectFormBridge as jest.MockedFunction<typeof connectFormBridge>;
  afterEach(() => connect.mockReset());

  it("raises the custom events of the latest context, and says when the host has none", async () => {
    const formConnect = jest.fn();
    const control = new JourneyControl();
    control.init(context());
    const props = propsOf(control.updateView(context({ entityId: "11111111-2222-3333-4444-555555555555" })));
    control.updateView(context({ entityId: "11111111-2222-3333-4444-555555555555", events: { formConnect } }));
    connect.mockResolvedValueOnce(null);

    await expect(props.findBridge()).resolves.toBeNull();
    const raise: RaiseEvent = connect.mock.calls[0][0];
    expect(raise("formConnect", { listener: "payload" })).toBe(true);
    expect(formConnect).toHaveBeenCalledWith({ listener: "payload" });
    expect(raise("formNoSuchEvent", {})).toBe(false);
  });

  it("lets go of the form when destroyed or moved to another record", async () => {
    const bridges = [{ disconnect: jest.fn() }, { disconnect: jest.fn() }];
    for (const bridge of bridges) connect.mockResolvedValueOnce(bridge as unknown as ConnectedFormBridge);
    const control = new JourneyControl();
    const first = propsOf(control.updateView(context({ entityId: "11111111-2222-3333-4444-555555555555" })));
    await first.findBridge();
    const second = propsOf(control.updateView(context({ entityId: "66666666-2222-3333-4444-555555555555" })));
    await second.findBridge();
    expect(bridges.map((bridge) => bridge.disconnect.mock.calls.length)).toEqual([1, 0]);

    control.destroy();
    await Promise.resolve();
    expect(bridges.map((bridge) => bridge.disconnect.mock.calls.length)).toEqual([1, 1]);
  });
});

test("on a model-driven form the status write and the delete go to the org's Web API with If-Match", async () => {
  const xrm = (globalThis as unknown as { Xrm: Record<string, unknown> }).Xrm;
  const send = jest.fn(async () => ({ ok: true, status: 204 }));
  Object.assign(globalThis, { fetch: send });
  const clientUrl = "https://org.example";
  xrm.Utility = { getGlobalContext: () => ({ getClientUrl: () => clientUrl }) };
  try {
    const props = propsOf(
      new JourneyControl().updateView(context({ entityId: "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc" })),
    );
    const port = (props.service as unknown as { deps: { webApi: WebApiPort } }).deps.webApi;
    await port.ifMatch?.deleteRecord("msdyncrm_customerjourneys", "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc", 'W/"5"');
    expect(send).toHaveBeenCalledWith(
      `${clientUrl}/api/data/v9.2/msdyncrm_customerjourneys(8aee9d91-8c2b-e911-a9b7-000d3a1e6adc)`,
      expect.objectContaining({ method: "DELETE", headers: expect.objectContaining({ "If-Match": 'W/"5"' }) }),
    );
  } finally {
    delete xrm.Utility;
  }
});
