/** @jest-environment jsdom */
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

/** A PCF context as pcf-start or a canvas app gives it: no global Xrm, a webAPI whose methods use their object. */
function context() {
  const webAPI = {
    calls: [] as string[],
    retrieveRecord(entity: string, id: string) {
      this.calls.push(`${entity}/${id}`);
      return Promise.resolve({ id });
    },
  };
  const ctx = {
    parameters: { validationResults: { raw: null } },
    mode: {
      isControlDisabled: false,
      allocatedWidth: 420,
      trackContainerResize: jest.fn(),
      contextInfo: { entityId: "{8AEE9D91-8C2B-E911-A9B7-000D3A1E6ADC}" },
    },
    resources: { getString: (key: string) => key },
    userSettings: { languageId: 1033, getTimeZoneOffsetMinutes: () => 0 },
    utils: { hasEntityPrivilege: () => true },
    navigation: { openForm: jest.fn() },
    webAPI,
  };
  return { ctx: ctx as unknown as ComponentFramework.Context<IInputs>, webAPI };
}

function portOf(control: JourneyControl, ctx: ComponentFramework.Context<IInputs>): WebApiPort {
  const props = control.updateView(ctx).props as JourneyControlProps;
  return (props.service as unknown as { deps: { webApi: WebApiPort } }).deps.webApi;
}

test("without Xrm the control reads records through the context's webAPI", async () => {
  expect(typeof (globalThis as { Xrm?: unknown }).Xrm).toBe("undefined");
  const { ctx, webAPI } = context();
  const port = portOf(new JourneyControl(), ctx);
  await expect(
    port.retrieveRecord("msdyncrm_customerjourney", "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc", ""),
  ).resolves.toEqual({
    id: "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc",
  });
  expect(webAPI.calls).toEqual(["msdyncrm_customerjourney/8aee9d91-8c2b-e911-a9b7-000d3a1e6adc"]);
});

test("without Xrm the validate action answers as missing, so the check falls back to the local checks", async () => {
  const { ctx } = context();
  const port = portOf(new JourneyControl(), ctx);
  await expect(port.online.execute({} as never)).rejects.toMatchObject({ errorCode: 0x8006088a });
});
