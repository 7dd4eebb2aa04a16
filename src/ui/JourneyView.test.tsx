/** @jest-environment jsdom */
import { createElement } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { JourneyError, type JourneyErrorKind } from "../dataverse/journeyError";
import type { CheckOutcome, ServerBusy, TransitionOutcome } from "../dataverse/journeyService";
import { JourneyStatus } from "../journey/types";
import { Privilege } from "./journeyControlProps";
import { JourneyBanners } from "./JourneyBanners";
import type { Banner } from "./journeyState";
import {
  JOURNEY_ID,
  checkOutcome,
  entry,
  fakeJourneyService,
  journeyRecord,
  snapshotOf,
} from "./testing/fakeJourneyService";
import { renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";
import { localiserFor } from "./strings";

const S = JourneyStatus;
const en = resxStrings(1033).getString;

async function viewWith(status: number, options: Parameters<typeof renderJourneyView>[0] = {}) {
  const service = fakeJourneyService(journeyRecord({ statuscode: status }));
  const view = renderJourneyView({ service, ...options });
  await screen.findByRole("group", { name: resxStrings(options.languageId ?? 1033).getString("action.toolbar") });
  return view;
}

function actionButtons(name = "Journey actions"): HTMLElement[] {
  return within(screen.getByRole("group", { name })).getAllByRole("button");
}

function liveRegion(): HTMLElement {
  return screen.getByTestId("live-region");
}

describe("action bar", () => {
  test.each([
    [S.Draft, ["Check for errors", "Go live", "Copy", "Delete"]],
    [S.Live, ["Check for errors", "Stop", "Edit", "Copy"]],
    // Opened in Live, editable: whether it was saved since Edit is not known, so no Cancel edit (ActionBar.test.tsx).
    [S.LiveEditable, ["Check for errors", "Save and go live", "Copy"]],
    [S.Stopped, ["Check for errors", "Restart", "Copy", "Delete"]],
    [S.Error, ["Check for errors", "Retry go live", "Stop", "Copy"]],
    [S.GoingLive, ["Copy"]],
    [S.Stopping, ["Copy"]],
    [S.Expired, ["Copy", "Delete"]],
    [123, ["Copy"]],
  ])("status %i offers exactly %j", async (status, labels) => {
    await viewWith(status);
    expect(actionButtons().map((button) => button.textContent)).toEqual(labels);
  });

  test("the header shows the name, the status and who changed the journey when", async () => {
    await viewWith(S.Live);
    expect(screen.getByRole("heading", { name: "Spring newsletter" })).toBeTruthy();
    expect(screen.getByText("Live")).toBeTruthy();
    expect(screen.getByText(/^Last changed by Nancy Anderson on Nov 20, 2026/)).toBeTruthy();
  });

  test("without the write privilege the status actions are disabled and say why; check and copy stay", async () => {
    await viewWith(S.Draft, { hasPrivilege: (privilege) => privilege !== Privilege.Write });
    const goLive = screen.getByRole("button", { name: "Go live" });
    expect(goLive.getAttribute("aria-disabled") ?? String((goLive as HTMLButtonElement).disabled)).toBe("true");
    expect(goLive.getAttribute("aria-describedby")).toBeTruthy();
    const reason = document.getElementById(goLive.getAttribute("aria-describedby") as string);
    expect(reason?.textContent).toBe(en("action.disabled.privilege.write"));
    expect(isDisabled(screen.getByRole("button", { name: "Check for errors" }))).toBe(false);
    expect(isDisabled(screen.getByRole("button", { name: "Copy" }))).toBe(false);
  });

  test.each([
    ["Copy", Privilege.Create, "action.disabled.privilege.create"],
    ["Delete", Privilege.Delete, "action.disabled.privilege.delete"],
  ])("without its privilege %s is disabled with the reason", async (label, missing, key) => {
    await viewWith(S.Draft, { hasPrivilege: (privilege) => privilege !== missing });
    const button = screen.getByRole("button", { name: label });
    expect(isDisabled(button)).toBe(true);
    expect(document.getElementById(button.getAttribute("aria-describedby") as string)?.textContent).toBe(en(key));
  });

  test("on a read-only form the status actions are disabled with the reason, and clicking writes nothing", async () => {
    const { service } = await viewWith(S.Live, { isDisabled: true });
    for (const label of ["Stop", "Edit"]) {
      const button = screen.getByRole("button", { name: label });
      expect(isDisabled(button)).toBe(true);
      expect(document.getElementById(button.getAttribute("aria-describedby") as string)?.textContent).toBe(
        en("action.disabled.readOnly"),
      );
      fireEvent.click(button);
    }
    expect(service.transition).not.toHaveBeenCalled();
  });

  test("a double click on Go live writes once, and every action waits while the request runs", async () => {
    const { service } = await viewWith(S.Draft);
    let finish: (outcome: TransitionOutcome) => void = () => undefined;
    service.transition.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const goLive = screen.getByRole("button", { name: "Go live" });
    fireEvent.click(goLive);
    fireEvent.click(goLive);
    expect(service.transition).toHaveBeenCalledTimes(1);
    expect(actionButtons().every(isDisabled)).toBe(true);
    await act(async () => finish({ done: false, reason: "warningsDeclined", check: checkOutcome([]) }));
    await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Go live" }))).toBe(false));
  });
});

/** Makes the form hold unsaved changes (a typed name) from now on. */
function typedOnForm(service: ReturnType<typeof fakeJourneyService>, name = "Spring newsletter (typed)") {
  service.currentValues.mockImplementation(async (snapshot) => ({
    values: { ...snapshot.record, msdyncrm_name: name },
    isDirty: true,
    fromForm: true,
  }));
}

describe("nothing left hanging", () => {
  test.each([
    ["Save and copy", true, true],
    ["Copy the saved journey", false, true],
    ["Cancel", false, false],
  ])("Copy with unsaved changes asks; %s saves first: %s, copies: %s", async (choice, saves, copies) => {
    const { service, props } = await viewWith(S.Draft);
    typedOnForm(service);
    const order: string[] = [];
    service.saveForm.mockImplementation(async () => void order.push("save"));
    service.copy.mockImplementation(async () => (order.push("copy"), { id: "9a8b7c6d-0000-4000-8000-000000000001" }));
    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(en("confirm.copyUnsaved.title"))).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(expect.arrayContaining(["Save and copy", "Copy the saved journey", "Cancel"]));
    fireEvent.click(within(dialog).getByRole("button", { name: choice }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Copy" }))).toBe(false));
    expect(order).toEqual([...(saves ? ["save"] : []), ...(copies ? ["copy"] : [])]);
    expect(props.openRecord).toHaveBeenCalledTimes(copies ? 1 : 0);
  });

  test("Copy with nothing unsaved copies at once, without asking or saving", async () => {
    const { service, props } = await viewWith(S.Draft);
    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(props.openRecord).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(service.saveForm).not.toHaveBeenCalled();
  });

  test("a failed save before the copy copies nothing and says why", async () => {
    const { service, props } = await viewWith(S.Draft);
    typedOnForm(service);
    service.saveForm.mockRejectedValue(
      new JourneyError("unsavedChanges", "error.saveFailed", { args: ["The name is required."] }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Save and copy" }));
    expect(await screen.findByText(en("error.saveFailed").replace("{0}", "The name is required."))).toBeTruthy();
    expect(service.copy).not.toHaveBeenCalled();
    expect(props.openRecord).not.toHaveBeenCalled();
  });

  test.each([
    ["Discard and cancel edit", true],
    ["Cancel", false],
  ])("Cancel edit with unsaved changes asks; %s discards and cancels the edit: %s", async (choice, done) => {
    const { service, bridge } = await viewWith(S.Live);
    service.transition.mockResolvedValueOnce({ done: true, status: S.LiveEditable });
    service.load.mockResolvedValue(snapshotFor(S.LiveEditable));
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    const cancelEdit = await screen.findByRole("button", { name: "Cancel edit" });
    await waitFor(() => expect(isDisabled(cancelEdit)).toBe(false));
    typedOnForm(service);
    service.transition.mockClear();
    fireEvent.click(cancelEdit);
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(en("confirm.cancelEditUnsaved.title"))).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: choice }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(service.transition).toHaveBeenCalledTimes(done ? 1 : 0));
    expect(bridge.refresh).toHaveBeenCalledTimes(done ? 1 : 0);
    if (done) {
      expect(bridge.refresh).toHaveBeenCalledWith(true);
      expect(service.transition).toHaveBeenCalledWith(expect.anything(), "cancelEdit", expect.anything());
      // The form dropped its changes before the status was written.
      expect(bridge.refresh.mock.invocationCallOrder[0]).toBeLessThan(service.transition.mock.invocationCallOrder[0]);
    }
  });

  test("after Delete the journeys list opens", async () => {
    const { service, props } = await viewWith(S.Draft);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(props.openJourneyList).toHaveBeenCalledTimes(1));
    expect(service.delete).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    // Where no list opens (no Xrm), the bar says why nothing can be done any more.
    const reason = screen.getAllByText(en("action.disabled.deleted")).find((shown) => !liveRegion().contains(shown));
    expect(screen.getByRole("button", { name: "Copy" }).getAttribute("aria-describedby")).toBe(reason?.id);
  });

  test("the warnings dialog lists the warnings", async () => {
    const { service } = await viewWith(S.Draft);
    const warnings = checkOutcome([
      entry("ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations", "", "Warning", [], "local"),
      entry("ResultEmpty", "", "Error", [], "local"),
    ]);
    service.transition.mockImplementation(async (_snapshot, _id, options) => {
      await options?.confirmWarnings?.(checkOutcome([warnings.report.entries[0]]));
      return { done: false, reason: "warningsDeclined", check: warnings };
    });
    fireEvent.click(screen.getByRole("button", { name: "Go live" }));
    const dialog = await screen.findByRole("alertdialog");
    const items = within(dialog).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      en("fault.ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations.message"),
    ]);
  });

  test("each disabled action's reason is visible text under the bar, once per reason", async () => {
    await viewWith(S.Live, { isDisabled: true });
    const reasons = screen.getAllByText(en("action.disabled.readOnly"));
    expect(reasons).toHaveLength(1);
    for (const label of ["Stop", "Edit"])
      expect(screen.getByRole("button", { name: label }).getAttribute("aria-describedby")).toBe(reasons[0].id);
    expect(screen.getByRole("button", { name: "Copy" }).getAttribute("aria-describedby")).toBeNull();
  });

  test("the new dialogs speak German", async () => {
    const de = resxStrings(1031).getString;
    const { service } = await viewWith(S.Draft, { languageId: 1031 });
    typedOnForm(service);
    fireEvent.click(screen.getByRole("button", { name: de("action.copy") }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(de("confirm.copyUnsaved.title"))).toBeTruthy();
    for (const key of ["confirm.copyUnsaved.confirm", "confirm.copyUnsaved.other", "confirm.cancel"])
      expect(within(dialog).getByRole("button", { name: de(key) })).toBeTruthy();
  });
});

describe("confirmations", () => {
  test("Stop asks first; cancelling writes nothing, confirming stops", async () => {
    const { service } = await viewWith(S.Live);
    service.transition.mockResolvedValue({ done: true, status: S.Stopping });
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    let dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Stop this journey?")).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Cancel"));
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(service.transition).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
    await waitFor(() =>
      expect(service.transition).toHaveBeenCalledWith(
        expect.objectContaining({ id: expect.any(String) }),
        "stop",
        expect.anything(),
      ),
    );
  });

  test("Delete asks first, names the journey, and deletes only when confirmed", async () => {
    const { service } = await viewWith(S.Draft);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/"Spring newsletter" will be deleted permanently/)).toBeTruthy();
    expect(service.delete).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(service.delete).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(actionButtons().every(isDisabled)).toBe(true);
  });

  test("going live with warnings asks, counting a warning both checks found once, and the answer goes back to the service", async () => {
    const { service } = await viewWith(S.Draft);
    const warnings = checkOutcome([
      entry("StartsWithoutSegment", "", "Warning", [], "local"),
      entry("StartsWithoutSegment", "", "Warning", [], "server"),
    ]);
    let answer: boolean | undefined;
    service.transition.mockImplementation(async (_snapshot, _id, options) => {
      answer = await options?.confirmWarnings?.(warnings);
      return { done: true, status: S.GoingLive, check: warnings };
    });
    fireEvent.click(screen.getByRole("button", { name: "Go live" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Go live with warnings?")).toBeTruthy();
    expect(within(dialog).getByText(/no errors but 1 warning/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Go live anyway" }));
    await waitFor(() => expect(answer).toBe(true));
  });

  test("declining the warnings leaves the journey as it was", async () => {
    const { service } = await viewWith(S.Draft);
    const warnings = checkOutcome([entry("StartsWithoutSegment", "", "Warning", [], "local")]);
    service.transition.mockImplementation(async (_snapshot, _id, options) => {
      const accepted = await options?.confirmWarnings?.(warnings);
      return accepted
        ? { done: true, status: S.GoingLive }
        : { done: false, reason: "warningsDeclined", check: warnings };
    });
    fireEvent.click(screen.getByRole("button", { name: "Go live" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(isDisabled(screen.getByRole("button", { name: "Go live" }))).toBe(false));
    expect(screen.getByText("Draft")).toBeTruthy();
    expect(service.waitUntilSettled).not.toHaveBeenCalled();
  });
});

describe("status changes and the live region", () => {
  test("Go live announces Going live, follows the status and announces Live", async () => {
    const { service } = await viewWith(S.Draft);
    let settle: () => void = () => undefined;
    service.waitUntilSettled.mockImplementation(
      (_id, options) =>
        new Promise((resolve) => {
          settle = () => {
            options?.onProgress?.(S.Live);
            resolve({ ...snapshotFor(S.Live) });
          };
        }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Go live" }));
    await waitFor(() => expect(liveRegion().textContent).toBe("Journey status: Going live"));
    expect(screen.getByText("Going live")).toBeTruthy();
    expect(actionButtons().map((button) => button.textContent)).toEqual(["Copy"]);
    await act(async () => settle());
    await waitFor(() => expect(liveRegion().textContent).toBe("Journey status: Live"));
    expect(actionButtons().map((button) => button.textContent)).toEqual(["Check for errors", "Stop", "Edit", "Copy"]);
  });

  test("a journey opened long Going live says it is not processed since when; Check again reads once more and shows what it found", async () => {
    const service = fakeJourneyService(journeyRecord({ statuscode: S.GoingLive, modifiedon: "2026-11-01T09:00:00Z" }));
    service.waitUntilSettled.mockResolvedValueOnce(
      snapshotOf(journeyRecord({ statuscode: S.GoingLive, modifiedon: "2026-11-01T09:00:00Z" })),
    );
    renderJourneyView({ service });
    const banner = await findBanner("notProcessed");
    expect(banner.textContent).toContain(
      "The marketing service has not processed this journey: its status has not changed since Nov 1, 2026, 09:00 AM.",
    );
    expect(banner.textContent).toContain("Outbound marketing services may have been removed from this environment");
    expect(banner.textContent).toContain("The journey and its data are kept.");
    expect(liveRegion().textContent).toContain("has not processed this journey");
    expect(screen.getByText(/^Last changed by Nancy Anderson on Nov 1, 2026/)).toBeTruthy();
    expect(service.waitUntilSettled).toHaveBeenLastCalledWith(
      JOURNEY_ID,
      expect.objectContaining({ readFirst: undefined }),
    );

    let settle: (status: number) => void = () => undefined;
    service.waitUntilSettled.mockImplementationOnce(
      (_id, options) =>
        new Promise((resolve) => {
          settle = (status) => {
            options?.onProgress?.(status);
            resolve(snapshotOf(journeyRecord({ statuscode: status })));
          };
        }),
    );
    fireEvent.click(within(banner).getByRole("button", { name: "Check again" }));
    expect(service.waitUntilSettled).toHaveBeenLastCalledWith(JOURNEY_ID, expect.objectContaining({ readFirst: true }));
    await act(async () => settle(S.Live));
    await waitFor(() => expect(liveRegion().textContent).toBe("Journey status: Live"));
    expect(document.querySelector('[data-banner="notProcessed"]')).toBeNull();
  });

  test("a journey opened while Going live is followed until it settles", async () => {
    const service = fakeJourneyService(journeyRecord({ statuscode: S.GoingLive }));
    service.waitUntilSettled.mockResolvedValue(snapshotFor(S.Live));
    renderJourneyView({ service });
    await waitFor(() => expect(liveRegion().textContent).toBe("Journey status: Live"));
    expect(service.waitUntilSettled).toHaveBeenCalledTimes(1);
    expect(actionButtons().map((button) => button.textContent)).toEqual(["Check for errors", "Stop", "Edit", "Copy"]);
  });

  test("a check refused by errors writes nothing and says how many errors stop it, each counted once", async () => {
    const { service } = await viewWith(S.Draft);
    const errors = checkOutcome([
      entry("ErrorSegmentNotLive", "01_0", "Error", ["24db2671"]),
      entry("NameMissing", "", "Error", [], "local"),
      entry("NameMissing", "", "Error", [], "server"),
    ]);
    service.transition.mockResolvedValue({ done: false, reason: "checkErrors", check: errors });
    fireEvent.click(screen.getByRole("button", { name: "Go live" }));
    expect(
      await screen.findByText("Not changed: 2 errors stop this journey from going live. Fix them and try again."),
    ).toBeTruthy();
    expect(liveRegion().textContent).toBe("Not gone live: 2 errors found.");
    expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 2 errors");
  });

  test("Check shows fresh results and announces them", async () => {
    const { service } = await viewWith(S.Draft, {
      storedValidationResults: JSON.stringify({ ActivityValidationResults: [], Result: "Valid" }),
    });
    expect(screen.getByTestId("verdict").textContent).toBe("No errors found");
    expect(screen.getByText(en("panel.origin.stored"))).toBeTruthy();
    service.check.mockResolvedValue(
      checkOutcome([
        entry("ErrorEmailNotLive", "01_0_1", "Error", ["15bd0ab8"]),
        entry("StartsWithoutSegment", "", "Warning", [], "local"),
      ]),
    );
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 1 error, 1 warning"));
    expect(liveRegion().textContent).toBe("Error check finished. Errors found: 1 error, 1 warning");
    expect(screen.getByText(/^Checked just now/)).toBeTruthy();
    expect(service.check).toHaveBeenCalledWith(expect.objectContaining({ msdyncrm_name: "Spring newsletter" }));
  });

  test("a check without the form says it used the saved values", async () => {
    const { service } = await viewWith(S.Draft);
    service.currentValues.mockImplementation(async (snapshot) => ({
      values: snapshot.record,
      isDirty: false,
      fromForm: false,
    }));
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    expect(await screen.findByText(/with the saved values \(the form did not answer\)/)).toBeTruthy();
  });

  test("Copy creates the copy with the localised name template and opens it", async () => {
    const { service, props } = await viewWith(S.Live);
    fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() =>
      expect(props.openRecord).toHaveBeenCalledWith("msdyncrm_customerjourney", "9a8b7c6d-0000-4000-8000-000000000001"),
    );
    expect(service.copy).toHaveBeenCalledWith(expect.anything(), "Copy of {0}");
  });
});

describe("banners for the service's errors", () => {
  const errorKeys = resxStrings(1033).keys.filter((key) => key.startsWith("error."));

  test("the service's error keys are in both languages", () => {
    const german = new Set(resxStrings(1031).keys);
    expect(errorKeys.filter((key) => !german.has(key))).toEqual([]);
  });

  const kinds: JourneyErrorKind[] = [
    "unauthorized",
    "forbidden",
    "notFound",
    "actionMissing",
    "conflict",
    "throttled",
    "server",
    "network",
    "malformed",
    "refused",
    "timeout",
    "unsavedChanges",
    "checkFailed",
  ];
  test.each(kinds)(
    "a %s error shows the text of its message key with its arguments; only a conflict or a timeout offers Reload",
    async (kind) => {
      const messages: Record<string, string> = { [`test.${kind}`]: `Text for ${kind}: {0} / {1}` };
      const { service } = await viewWith(S.Live, { getString: (key) => messages[key] ?? en(key) });
      service.transition.mockRejectedValue(new JourneyError(kind, `test.${kind}`, { args: ["first", "second"] }));
      fireEvent.click(screen.getByRole("button", { name: "Edit" }));
      const banner = await findBanner(kind);
      expect(banner.textContent).toContain(`Text for ${kind}: first / second`);
      expect(within(banner).queryByRole("button", { name: "Reload" }) !== null).toBe(
        kind === "conflict" || kind === "timeout",
      );
      expect(liveRegion().textContent).toBe(`Text for ${kind}: first / second`);
    },
  );

  test("every error message the service uses has an English text the banner shows", async () => {
    expect(errorKeys.length).toBeGreaterThan(0);
    const banners: Banner[] = errorKeys.map((key) => ({
      kind: "error",
      error: new JourneyError("server", key, { args: ["7"] }),
    }));
    render(
      <JourneyBanners
        banners={banners}
        openFailed={false}
        onReload={() => undefined}
        onDismiss={() => undefined}
        onCheckAgain={() => undefined}
        localise={localiserFor(en, 1033)}
      />,
    );
    await waitFor(() => {
      const shown = Array.from(document.querySelectorAll('[data-banner="server"]')).map(
        (banner) => banner.textContent ?? "",
      );
      expect(shown).toHaveLength(errorKeys.length);
      errorKeys.forEach((key, index) =>
        expect([key, shown[index].includes(en(key).replace(/\{\d\}/g, "7"))]).toEqual([key, true]),
      );
    });
  });

  test("a conflict offers Reload, which loads the journey again", async () => {
    const { service } = await viewWith(S.Live);
    service.transition.mockRejectedValue(new JourneyError("conflict", "error.conflict"));
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    const reload = await screen.findByRole("button", { name: "Reload" });
    service.load.mockResolvedValue(snapshotFor(S.LiveEditable));
    fireEvent.click(reload);
    await waitFor(() => expect(screen.getByText("Live, editable")).toBeTruthy());
    expect(service.load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("button", { name: "Reload" })).toBeNull();
  });

  test.each<[JourneyErrorKind, string, string[]]>([
    ["unauthorized", "error.unauthorized", []],
    ["forbidden", "error.forbidden", []],
    ["server", "error.server", ["500"]],
    ["throttled", "error.throttled", []],
    ["timeout", "error.requestTimeout", ["30"]],
  ])("a %s error on opening shows why and a Reload that opens the journey", async (kind, key, args) => {
    const service = fakeJourneyService(journeyRecord({ statuscode: S.Draft }));
    service.load.mockRejectedValueOnce(new JourneyError(kind, key, { args }));
    renderJourneyView({ service });
    const reload = await screen.findByRole("button", { name: "Reload" });
    const banner = reload.closest("[data-banner]") as HTMLElement;
    await waitFor(() => expect(banner.textContent).toContain(localiserFor(en, 1033)(key, ...args)));
    // Nothing else is there to act on: the reason stays until the journey opens.
    expect(within(banner).queryByRole("button", { name: en("banner.dismiss") })).toBeNull();
    expect(screen.queryByRole("group", { name: "Journey actions" })).toBeNull();
    fireEvent.click(reload);
    await screen.findByRole("group", { name: "Journey actions" });
    expect(service.load).toHaveBeenCalledTimes(2);
    expect(document.querySelector("[data-banner]")).toBeNull();
  });

  test("while the server is busy the control says it tries again, with no way to dismiss it, until the retry", async () => {
    const service = fakeJourneyService(journeyRecord({ statuscode: S.Draft }));
    let tell: (busy: ServerBusy | null) => void = () => undefined;
    const unsubscribe = jest.fn();
    service.onServerBusy.mockImplementation((listener) => {
      tell = listener;
      return unsubscribe;
    });
    const { unmount } = renderJourneyView({ service });
    await screen.findByRole("group", { name: "Journey actions" });
    act(() => tell({ messageKey: "progress.serverBusy", args: [1], retryInMs: 1000 }));
    // One second is said in the singular.
    await waitFor(() =>
      expect(document.querySelector('[data-banner="serverBusy"]')?.textContent).toContain(
        "The server is busy. Trying again in 1 second…",
      ),
    );
    act(() => tell({ messageKey: "progress.serverBusy", args: [5], retryInMs: 5000 }));
    // Fluent's message bar renders its text a moment later (for screen readers to notice it).
    const busy = await waitFor(() => {
      const shown = document.querySelector('[data-banner="serverBusy"]') as HTMLElement;
      expect(shown.textContent).toContain("The server is busy. Trying again in 5 seconds…");
      return shown;
    });
    expect(within(busy).queryByRole("button")).toBeNull();
    act(() => tell(null));
    expect(document.querySelector('[data-banner="serverBusy"]')).toBeNull();
    unmount();
    expect(unsubscribe).toHaveBeenCalled();
  });

  test("a missing validate action is shown once as the environment's state, with the local findings", async () => {
    const { service } = await viewWith(S.Draft);
    const unavailable = new JourneyError("actionMissing", "error.actionMissing");
    const outcome: CheckOutcome = {
      ...checkOutcome([entry("NameMissing", "", "Error", [], "local")]),
      serverUnavailable: unavailable,
    };
    service.check.mockResolvedValue(outcome);
    const checkForErrors = screen.getByRole("button", { name: "Check for errors" });
    fireEvent.click(checkForErrors);
    const banner = await findBanner("actionMissing");
    expect(banner.textContent).toContain("outbound marketing services may have been removed from it");
    expect(within(banner).queryByRole("button")).toBeNull();
    expect(screen.getByText("Local check")).toBeTruthy();
    await waitFor(() => expect(isDisabled(checkForErrors)).toBe(false));
    fireEvent.click(checkForErrors);
    await waitFor(() => expect(service.check).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(isDisabled(checkForErrors)).toBe(false));
    expect(document.querySelectorAll("[data-banner]")).toHaveLength(1);
  });

  test.each([
    [false, "Cancel"],
    [true, "Go live anyway"],
  ])(
    "Go live without the validate action warns the journey may stay in Going live; answered %s by %s",
    async (confirmed, label) => {
      const { service } = await viewWith(S.Draft);
      const missing = checkOutcome([], { serverUnavailable: new JourneyError("actionMissing", "error.actionMissing") });
      service.transition.mockImplementation(async (_snapshot, _id, options) =>
        (await options?.confirmWarnings?.(missing))
          ? { done: true, status: S.GoingLive }
          : { done: false, reason: "warningsDeclined", check: missing },
      );
      fireEvent.click(screen.getByRole("button", { name: "Go live" }));
      const dialog = await screen.findByRole("alertdialog");
      expect(within(dialog).getByText("Go live without the marketing service?")).toBeTruthy();
      expect(within(dialog).getByText(/it would stay in Going live for good/)).toBeTruthy();
      fireEvent.click(within(dialog).getByRole("button", { name: label }));
      await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
      await waitFor(() => expect(screen.getByText(confirmed ? "Going live" : "Draft")).toBeTruthy());
      expect(service.waitUntilSettled).toHaveBeenCalledTimes(confirmed ? 1 : 0);
    },
  );
});

describe("width", () => {
  /** The flex basis of the error check's column. */
  const panelColumn = () =>
    (screen.getByRole("region", { name: "Error check" }).parentElement as HTMLElement).style.flex;

  test.each([
    [800, "side by side", "1 1 300px"],
    [639, "stacked", "1 1 100%"],
    [320, "stacked", "1 1 100%"],
    [-1, "side by side (width unknown)", "1 1 300px"],
  ])("at %i px the panel and the outline stand %s", async (allocatedWidth, _layout, flex) => {
    await viewWith(S.Draft, { allocatedWidth });
    await screen.findByRole("region", { name: "Journey outline" });
    expect(panelColumn()).toBe(flex);
    expect((screen.getByRole("region", { name: "Journey outline" }).parentElement as HTMLElement).style.flex).toBe(
      flex,
    );
  });
});

describe("German", () => {
  test("labels, status and panel come from the German resources", async () => {
    await viewWith(S.Draft, {
      languageId: 1031,
      storedValidationResults: JSON.stringify({ ActivityValidationResults: [], Result: "Valid" }),
    });
    expect(actionButtons("Aktionen für die Customer Journey").map((b) => b.textContent)).toEqual([
      "Auf Fehler überprüfen",
      "Live schalten",
      "Kopieren",
      "Löschen",
    ]);
    expect(screen.getByText("Entwurf")).toBeTruthy();
    expect(screen.getByTestId("verdict").textContent).toBe("Keine Fehler gefunden");
    expect(screen.getByText(/^Zuletzt geändert von Nancy Anderson am 20\. Nov\. 2026/)).toBeTruthy();
  });

  test("findings, the stop dialog and an error banner are German too", async () => {
    const de = resxStrings(1031).getString;
    const stored = {
      ActivityValidationResults: [{ ActivityId: "", Fault: "NameMissing", Result: "Error" }],
      Result: "Error",
    };
    const { service } = await viewWith(S.Live, { languageId: 1031, storedValidationResults: JSON.stringify(stored) });
    expect(screen.getByText(de("fault.NameMissing.message"), { exact: false })).toBeTruthy();
    expect(screen.getByText(de("fault.NameMissing.hint"))).toBeTruthy();

    service.transition.mockRejectedValue(new JourneyError("conflict", "error.conflict"));
    fireEvent.click(screen.getByRole("button", { name: "Anhalten" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Diese Customer Journey anhalten?")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Anhalten" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    const banner = await findBanner("conflict");
    expect(banner.textContent).toContain(de("error.conflict"));
    expect(within(banner).getByRole("button", { name: "Neu laden" })).toBeTruthy();
  });
});

/** The banner of a kind once its text is there (MessageBar renders its text a moment later, for screen readers). */
/** The banner of `kind` once its message shows (Fluent renders it a moment after the banner and its button). */
function findBanner(kind: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = document.querySelector(`[data-banner="${kind}"]`);
    if (!found?.querySelector(".ms-MessageBar-innerText")?.textContent) throw new Error(`no ${kind} banner yet`);
    return found as HTMLElement;
  });
}

function isDisabled(element: HTMLElement): boolean {
  return element.getAttribute("aria-disabled") === "true" || (element as HTMLButtonElement).disabled;
}

function snapshotFor(status: number) {
  const record = journeyRecord({ statuscode: status });
  return {
    record,
    id: record.msdyncrm_customerjourneyid as string,
    status,
    modifiedOn: record.modifiedon ?? null,
    modifiedByName: "Nancy Anderson",
  };
}
