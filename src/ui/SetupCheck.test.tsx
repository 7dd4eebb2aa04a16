/** @jest-environment jsdom */
import { createElement } from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MissingSetup } from "../bridge/formBridgeTypes";
import { JourneyError } from "../dataverse/journeyError";
import type { Banner } from "./journeyState";
import { SetupCheck } from "./SetupCheck";
import { localiserFor } from "./strings";
import { fakeJourneyService, journeyRecord } from "./testing/fakeJourneyService";
import { fakeBridge, renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";

const en = resxStrings(1033).getString;
const localise = localiserFor(en, 1033);
const TITLE = en("setup.title");

function bridgeTelling(missingSetup: MissingSetup[] | undefined) {
  return Object.assign(fakeBridge(), { missingSetup });
}

/** The set-up check's lines as the user reads them. */
function lines(): string[] {
  return screen.queryAllByRole("listitem").map((item) => item.textContent ?? "");
}

/** As the view's state makes it (journeyState's checked) when a check finds no validate action. */
const actionMissing: Banner = {
  kind: "actionMissing",
  error: new JourneyError("actionMissing", "error.actionMissing"),
};

describe("the set-up check", () => {
  it("says nothing on a fully set-up form", async () => {
    const bridge = bridgeTelling([]);
    render(<SetupCheck findBridge={async () => bridge} banners={[]} localise={localise} />);
    await act(async () => undefined);
    expect(screen.queryByText(TITLE)).toBeNull();
  });

  it("says the form script is missing when nothing answers, naming the library, the function and the tick", async () => {
    render(<SetupCheck findBridge={async () => null} banners={[]} localise={localise} />);
    await screen.findByText(TITLE);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain("cjt_/customerjourney/form.js");
    expect(lines()[0]).toContain("CustomerJourneyForm.onLoad");
    expect(lines()[0]).toContain("Pass execution context as first parameter");
  });

  it("one line for each piece the form script reports missing, and more as it learns them", async () => {
    const bridge = bridgeTelling(["statusReason", "strings"]);
    render(<SetupCheck findBridge={async () => bridge} banners={[]} localise={localise} />);
    await screen.findByText(TITLE);
    expect(lines()).toEqual([en("setup.statusReason"), en("setup.strings")]);

    act(() => bridge.emit({ kind: "setup", missing: ["onSave", "statusReason", "strings"] }));
    expect(lines()).toEqual([en("setup.onSave"), en("setup.statusReason"), en("setup.strings")]);
    expect(lines()[0]).toContain("CustomerJourneyForm.onSave");
  });

  it("names the validate action when a check found it missing, and not for other failures", async () => {
    const bridge = bridgeTelling([]);
    const throttled: Banner = { kind: "serverUnavailable", error: new JourneyError("throttled", "error.throttled") };
    const { rerender } = render(
      <SetupCheck findBridge={async () => bridge} banners={[throttled]} localise={localise} />,
    );
    await act(async () => undefined);
    expect(screen.queryByText(TITLE)).toBeNull();

    rerender(<SetupCheck findBridge={async () => bridge} banners={[actionMissing]} localise={localise} />);
    await screen.findByText(TITLE);
    expect(lines()).toEqual([en("setup.validate")]);
    expect(lines()[0]).toContain("msdyncrm_CustomerJourneyValidate");
  });

  it("is in German for a German user", async () => {
    const de = resxStrings(1031).getString;
    render(<SetupCheck findBridge={async () => null} banners={[]} localise={localiserFor(de, 1031)} />);
    await screen.findByText(de("setup.title"));
    expect(lines()[0]).toContain("Ausführungskontext als ersten Parameter übergeben");
  });

  it("shows in the view only for a user who can customize", async () => {
    const service = fakeJourneyService(journeyRecord());
    renderJourneyView({ service, findBridge: async () => null, canCustomize: false });
    await screen.findByRole("group", { name: en("action.toolbar") });
    expect(screen.queryByText(TITLE)).toBeNull();

    renderJourneyView({ service, findBridge: async () => null, canCustomize: true });
    await screen.findByText(TITLE);
  });

  // Last: dismissing lasts for the page's life (the bundle's memory), so for every later view in this file too.
  it("once dismissed, stays dismissed for the session, on this record and the next", async () => {
    const first = render(<SetupCheck findBridge={async () => null} banners={[]} localise={localise} />);
    await screen.findByText(TITLE);
    fireEvent.click(screen.getByRole("button", { name: en("setup.dismiss") }));
    expect(screen.queryByText(TITLE)).toBeNull();
    first.unmount();

    render(<SetupCheck findBridge={async () => null} banners={[actionMissing]} localise={localise} />);
    await act(async () => undefined);
    await waitFor(() => expect(screen.queryByText(TITLE)).toBeNull());
  });
});
