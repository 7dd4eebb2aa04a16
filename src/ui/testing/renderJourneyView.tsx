import { createElement } from "react";
import { render } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import type { ConnectedFormBridge, FormBridge, FormEvent, FormEventListener } from "../../bridge/formBridgeTypes";
import { createDateTimeFormatter } from "../dateFormat";
import type { JourneyControlProps } from "../journeyControlProps";
import { JourneyView } from "../JourneyView";
import { fakeJourneyService, JOURNEY_ID } from "./fakeJourneyService";
import { resxStrings, type LanguageId } from "./resxStrings";

// The host registers Fluent's icons; in tests their absence is expected, not worth a warning each.
setIconOptions({ disableWarnings: true });

/** A connected bridge whose answers each test sets; `emit` reports an event of the form to the listeners subscribed. */
export type FakeBridge = jest.Mocked<ConnectedFormBridge> & { emit(event: FormEvent): void };

export function fakeBridge(): FakeBridge {
  const listeners = new Set<FormEventListener>();
  return {
    missingSetup: [],
    onFormEvent: jest.fn((listener: FormEventListener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    }),
    disconnect: jest.fn(),
    emit: (event) => listeners.forEach((listener) => listener(event)),
    getValues: jest.fn<ReturnType<FormBridge["getValues"]>, []>(),
    save: jest.fn<Promise<void>, []>(async () => undefined),
    refresh: jest.fn<Promise<void>, [discard?: boolean]>(async () => undefined),
    setValue: jest.fn<Promise<void>, Parameters<FormBridge["setValue"]>>(async () => undefined),
    setNotification: jest.fn<Promise<void>, Parameters<FormBridge["setNotification"]>>(async () => undefined),
    clearNotification: jest.fn<Promise<void>, Parameters<FormBridge["clearNotification"]>>(async () => undefined),
  };
}

export interface ViewOptions extends Partial<JourneyControlProps> {
  languageId?: LanguageId;
}

/** The control's view as the host would mount it, in UTC, with the shipped strings of the language. */
export function renderJourneyView(options: ViewOptions = {}) {
  const { languageId = 1033, ...overrides } = options;
  const service = (overrides.service as ReturnType<typeof fakeJourneyService> | undefined) ?? fakeJourneyService();
  const bridge = fakeBridge();
  const props: JourneyControlProps = {
    recordId: JOURNEY_ID,
    service,
    findBridge: async () => bridge,
    allowedTransitions: async () => null,
    storedValidationResults: null,
    getString: resxStrings(languageId).getString,
    languageId,
    formatDateTime: createDateTimeFormatter(languageId, () => 0),
    isDisabled: false,
    hasPrivilege: () => true,
    canCustomize: false,
    allocatedWidth: 800,
    openRecord: jest.fn(),
    lookUpNames: jest.fn(async () => new Map()),
    openJourneyList: jest.fn(),
    orgUrl: "https://contoso.crm4.dynamics.com",
    now: () => new Date("2026-11-28T10:00:00Z"),
    ...overrides,
  };
  const result = render(<JourneyView {...props} />);
  return { ...result, props, service, bridge };
}
