/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FaultCode, describeFault } from "../journey/faultCatalogue";
import { JourneyStatus } from "../journey/types";
import { checkOutcome, DEFINITION, entry, fakeJourneyService, journeyRecord } from "./testing/fakeJourneyService";
import type { CheckOutcome } from "../dataverse/journeyService";
import { renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";
import { localiserFor } from "./strings";

const en = resxStrings(1033).getString;

interface StoredEntry {
  ActivityId: string;
  Fault: string;
  Result: "Valid" | "Warning" | "Error";
  ErrorMessageArguments: string[];
}

function stored(entries: StoredEntry[], result = "Error"): string {
  return JSON.stringify({ ActivityValidationResults: entries, Result: result });
}

const e = (
  ActivityId: string,
  Fault: string,
  Result: StoredEntry["Result"] = "Error",
  ErrorMessageArguments: string[] = [],
): StoredEntry => ({
  ActivityId,
  Fault,
  Result,
  ErrorMessageArguments,
});

async function viewWithStored(entries: StoredEntry[], options: Parameters<typeof renderJourneyView>[0] = {}) {
  const view = renderJourneyView({ storedValidationResults: stored(entries), ...options });
  await screen.findByRole("region", { name: "Journey outline" });
  return view;
}

function panel(): HTMLElement {
  return screen.getByRole("region", { name: "Error check" });
}

function outline(): HTMLElement {
  return screen.getByRole("region", { name: "Journey outline" });
}

describe("validation panel", () => {
  test("the stored result shows at once, before the journey has loaded", () => {
    const service = fakeJourneyService();
    service.load.mockReturnValue(new Promise(() => undefined));
    renderJourneyView({ service, storedValidationResults: stored([e("", "NameMissing")]) });
    expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 1 error");
    expect(screen.getByText(en("fault.NameMissing.message"), { exact: false })).toBeTruthy();
  });

  test("journey-wide entries come first, then tiles in journey order, then tiles the design lacks", async () => {
    await viewWithStored([
      e("01_1", "ErrorSegmentNotLive", "Error", ["seg-2"]),
      e("01_0_3", "ErrorEmailNotLive", "Warning", ["mail-3"]),
      e("zz_9", "ErrorEmailNotFound", "Error", ["mail-9"]),
      e("01_0", "ErrorSegmentNotFound", "Error", ["seg-1"]),
      e("", "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations"),
      e("01_0_3", "ErrorEmailNotFound", "Error", ["mail-4"]),
    ]);
    const headings = within(panel())
      .getAllByRole("heading")
      .map((h) => h.textContent);
    expect(headings).toEqual([
      "Whole journey",
      'Segment group tile "Newsletter readers"',
      'Email tile "Thanks"',
      'Segment group tile "Event guests"',
      "Tile zz_9 (not in the journey's design)",
    ]);
    const thanks = screen.getByRole("heading", { name: 'Email tile "Thanks"' }).nextElementSibling as HTMLElement;
    const codes = within(thanks)
      .getAllByText(/^Code: /)
      .map((node) => node.textContent);
    expect(codes).toEqual(["Code: ErrorEmailNotFound", "Code: ErrorEmailNotLive"]);
  });

  test.each(Object.values(FaultCode))("%s is described with its own message and hint, not as unknown", async (code) => {
    await viewWithStored([e("", code, "Error", ["2027-01-05T09:00:00.000Z", "30", "3", "28"])]);
    const described = describeFault(
      {
        activityId: "",
        fault: code,
        severity: "Error",
        args: ["2027-01-05T09:00:00.000Z", "30", "3", "28"],
        source: "server",
      },
      localiserFor(en, 1033),
    );
    expect(described.known).toBe(true);
    expect(within(panel()).getByText(described.message, { exact: false })).toBeTruthy();
    expect(within(panel()).getByText(described.hint)).toBeTruthy();
  });

  test("an unknown code is shown with the code and its arguments", async () => {
    await viewWithStored([e("01_0_1", "ErrorSomethingNew", "Warning", ["abc", "42"])]);
    expect(
      within(panel()).getByText(en("fault.unknown.message").replace("{0}", "ErrorSomethingNew"), { exact: false }),
    ).toBeTruthy();
    expect(within(panel()).getByText(en("fault.unknown.hint").replace("{1}", "abc, 42"))).toBeTruthy();
    expect(within(panel()).getByText("Code: ErrorSomethingNew")).toBeTruthy();
    expect(within(panel()).getByRole("img", { name: "Warning" })).toBeTruthy();
  });

  test("local and server findings are marked as such", async () => {
    const service = fakeJourneyService();
    const view = renderJourneyView({ service });
    await screen.findByRole("button", { name: "Check for errors" });
    service.check.mockResolvedValue({
      report: {
        verdict: "Error",
        entries: [
          { activityId: "", fault: "NameMissing", severity: "Error", args: [], source: "local" },
          { activityId: "01_0", fault: "ErrorSegmentNotLive", severity: "Error", args: ["x"], source: "server" },
        ],
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    await waitFor(() =>
      expect(
        within(panel())
          .getAllByText(/Local check|Server check/)
          .map((n) => n.textContent),
      ).toEqual(["Local check", "Server check"]),
    );
    view.unmount();
  });

  test("the product's own findings show at once while the server's check runs, then the whole report replaces them", async () => {
    const service = fakeJourneyService(journeyRecord({ msdyncrm_name: "" }));
    renderJourneyView({ service });
    await screen.findByRole("button", { name: "Check for errors" });
    let answer: (outcome: CheckOutcome) => void = () => undefined;
    service.check.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));

    expect(await within(panel()).findByText(en("panel.origin.checking"))).toBeTruthy();
    expect(within(panel()).getByText("Code: NameMissing")).toBeTruthy();

    answer(
      checkOutcome([
        entry("NameMissing", "", "Error", [], "local"),
        entry("ErrorSegmentNotLive", "01_0", "Error", ["x"], "server"),
      ]),
    );
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 2 errors"));
    expect(within(panel()).queryByText(en("panel.origin.checking"))).toBeNull();
  });

  test("a fault both checks found is shown once, marked with both", async () => {
    const service = fakeJourneyService();
    renderJourneyView({ service });
    await screen.findByRole("button", { name: "Check for errors" });
    const fault = "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations";
    service.check.mockResolvedValue({
      report: {
        verdict: "Error",
        entries: [
          {
            activityId: "",
            fault,
            severity: "Error",
            args: ["2027-04-01T09:00:00.000Z", "30", "3", "28"],
            source: "local",
          },
          { activityId: "", fault, severity: "Error", args: [], source: "server" },
        ],
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    await waitFor(() => expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 1 error"));
    expect(within(panel()).getAllByText(`Code: ${fault}`)).toHaveLength(1);
    expect(
      within(panel())
        .getAllByText(/Local check|Server check/)
        .map((n) => n.textContent),
    ).toEqual(["Local check", "Server check"]);
  });

  test("an unreadable stored result says so instead of failing", async () => {
    renderJourneyView({ storedValidationResults: "<html>oops</html>" });
    expect(screen.getByTestId("verdict").textContent).toBe("Errors found: 1 error");
    expect(within(panel()).getByText("Code: ResultNotJson")).toBeTruthy();
    expect(within(panel()).getByText(/^The error check's result is not valid JSON: /)).toBeTruthy();
  });

  test("Copy details puts the whole report on the clipboard and says so", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await viewWithStored([e("", "NameMissing"), e("01_0", "ErrorSomethingNew", "Warning", ["abc"])]);
    fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
    expect(await screen.findByText("The details are on the clipboard.")).toBeTruthy();
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(text).toContain("Errors found: 1 error, 1 warning");
    expect(text).toContain("Whole journey");
    expect(text).toContain(en("fault.NameMissing.message"));
    expect(text).toContain('Segment group tile "Newsletter readers"');
    expect(text).toContain("ErrorSomethingNew");
  });

  test("an 800 KB argument shows shortened in the panel and whole in the copied details", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const huge = "s".repeat(800 * 1024);
    await viewWithStored([e("01_0", "ErrorSegmentNotFound", "Error", [huge])]);
    const shownText = panel().textContent ?? "";
    expect(shownText).toContain(`${"s".repeat(200)}\u2026`);
    expect(shownText).not.toContain("s".repeat(201));
    expect(shownText.length).toBeLessThan(2000);
    fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
    await screen.findByText("The details are on the clipboard.");
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(text).toContain(huge);
  });

  test("a tile name with an unterminated right-to-left override does not reach the text after it", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const definition = DEFINITION.replace("Newsletter readers", "Newsletter \u202Ereaders");
    const service = fakeJourneyService(journeyRecord({ msdyncrm_workflowdefinition: definition }));
    await viewWithStored([e("01_0", "ErrorSegmentNotFound", "Error", ["seg-1"])], {
      service,
      storedValidationResults: stored([e("01_0", "ErrorSegmentNotFound", "Error", ["seg-1"])]),
    });
    const heading = within(panel()).getByRole("heading", { name: /Newsletter/ });
    const title = heading.querySelector("bdi");
    expect(title?.textContent).toBe('Segment group tile "Newsletter \u202Ereaders"');
    // The finding after the heading is its own isolate, so the override ends with the heading.
    const findingText = (heading.nextElementSibling as HTMLElement).querySelector("bdi");
    expect(findingText?.textContent).toBe(en("fault.ErrorSegmentNotFound.message").replace("{0}", "seg-1"));

    fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
    await screen.findByText("The details are on the clipboard.");
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    const titleLine = text.split("\n").find((line) => line.includes("Newsletter")) ?? "";
    // Isolated, the override closed inside the isolate.
    expect(titleLine).toBe('\u2068Segment group tile "Newsletter \u202Ereaders"\u202C\u2069');
  });

  test.each([
    ["refuses the clipboard", { writeText: jest.fn(async () => Promise.reject(new Error("denied"))) }],
    ["has no clipboard API (not a secure context)", undefined],
  ])("when the browser %s, the report is offered to copy by hand", async (_case, clipboard) => {
    Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
    await viewWithStored([e("", "NameMissing")]);
    fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
    const manual = (await screen.findByRole("textbox", { name: "Error check details" })) as HTMLTextAreaElement;
    expect(manual.value).toContain(en("fault.NameMissing.message"));
    expect(screen.getByText(en("panel.copy.failed"))).toBeTruthy();
  });
});

describe("outline", () => {
  test("shows the tiles as a tree under the hidden root, with badges per severity", async () => {
    await viewWithStored([
      e("01_0_1", "ErrorEmailNotLive"),
      e("01_0_1", "ErrorEmailNotFound"),
      e("01_0_1", "X", "Warning"),
    ]);
    const welcome = within(outline()).getByRole("button", { name: /^Welcome/ });
    expect(welcome.textContent).toBe("Welcome(Email)2 errors1 warning");
    expect(
      within(outline())
        .getAllByRole("listitem")
        .map((row) => [
          row.querySelector("[data-activity-id]")?.textContent?.split("(")[0],
          row.getAttribute("aria-level"),
        ]),
    ).toEqual([
      ["Newsletter readers", "1"],
      ["Welcome", "2"],
      ["Opened?", "3"],
      // The trigger's Yes branch, said before the tile's name.
      ["YesThanks", "4"],
      ["Event guests", "1"],
    ]);
    expect(within(outline()).queryByText(/bpf_root/)).toBeNull();
  });

  test("the outline and the panel's entries are one tab stop each, with arrow keys inside", async () => {
    await viewWithStored([e("01_0_1", "ErrorEmailNotLive"), e("01_1", "ErrorSegmentNotLive")]);
    const tabbable = (root: HTMLElement) =>
      within(root)
        .getAllByRole("button")
        .filter((b) => b.dataset.activityId && b.tabIndex === 0);
    // One tab stop in the outline: the first row's collapse toggle; every other button is reached by arrow keys.
    const outlineButtons = within(outline()).getAllByRole("button");
    expect(outlineButtons.filter((b) => b.dataset.activityId)).toHaveLength(5);
    expect(outlineButtons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(tabbable(panel())).toHaveLength(1);
  });

  test("a design that cannot be read is said to be unreadable, not empty", async () => {
    renderJourneyView({ service: fakeJourneyService(journeyRecord({ msdyncrm_workflowdefinition: "[{oops" })) });
    expect(await screen.findByText(en("outline.unreadable"))).toBeTruthy();
  });

  test("choosing an entry highlights its tile, and choosing a tile highlights its entries", async () => {
    await viewWithStored([
      e("01_0_3", "ErrorEmailNotLive", "Error", ["m"]),
      e("01_1", "ErrorSegmentNotLive", "Error", ["s"]),
    ]);
    const entryButton = within(panel())
      .getAllByRole("button", { pressed: false })
      .find((b) => b.textContent?.includes("Code: ErrorEmailNotLive")) as HTMLElement;
    fireEvent.click(entryButton);
    expect(within(outline()).getByRole("button", { pressed: true }).textContent).toMatch(/^YesThanks/);
    expect(entryButton.getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(within(outline()).getByRole("button", { name: /^Event guests/ }));
    const pressedEntries = within(panel()).getAllByRole("button", { pressed: true });
    expect(pressedEntries.map((b) => b.textContent?.includes("Code: ErrorSegmentNotLive"))).toEqual([true]);
    expect(within(outline()).getByRole("button", { pressed: true }).textContent).toMatch(/^Event guests/);
  });
});

describe("recurrence preview", () => {
  const recurring = journeyRecord({
    statuscode: JourneyStatus.Draft,
    msdyncrm_isrecurring: true,
    msdyncrm_startdatetime: "2027-01-01T09:00:00.000Z",
    msdyncrm_enddatetime: "2027-01-29T09:00:00.000Z",
    msdyncrm_recurrenceintervaldays: 30,
    msdyncrm_recurrencecount: 3,
  });

  test("shows the iteration calendar and offers the earliest end date that fits", async () => {
    const service = fakeJourneyService(recurring);
    const { bridge } = renderJourneyView({ service });
    const fix = await screen.findByRole("button", { name: /^Set end date to / });
    expect(fix.textContent).toBe("Set end date to Apr 1, 2027, 09:00 AM");
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toBe("1Jan 1, 2027, 09:00 AMJan 31, 2027, 09:00 AM (after the end date)");
    fireEvent.click(fix);
    await waitFor(() => expect(bridge.setValue).toHaveBeenCalledTimes(1));
    const [attribute, value] = bridge.setValue.mock.calls[0];
    expect(attribute).toBe("msdyncrm_enddatetime");
    expect((value as Date).toISOString()).toBe("2027-04-01T09:00:00.000Z");
    await waitFor(() =>
      expect(screen.getByTestId("live-region").textContent).toBe(
        "End date set to Apr 1, 2027, 09:00 AM on the form. Save to keep it.",
      ),
    );
  });

  test("the fix works from the form's values at the click, not those the preview was drawn from", async () => {
    const service = fakeJourneyService(recurring);
    const { bridge } = renderJourneyView({ service });
    const fix = await screen.findByRole("button", { name: /^Set end date to / });
    // The user has since changed the count on the form from 3 to 4 iterations.
    service.currentValues.mockImplementation(async (snapshot) => ({
      values: { ...snapshot.record, msdyncrm_recurrencecount: 4 },
      isDirty: true,
      fromForm: true,
    }));
    fireEvent.click(fix);
    await waitFor(() => expect(bridge.setValue).toHaveBeenCalledTimes(1));
    expect((bridge.setValue.mock.calls[0][1] as Date).toISOString()).toBe("2027-05-01T09:00:00.000Z");
    expect(await screen.findByRole("button", { name: "Set end date to May 1, 2027, 09:00 AM" })).toBeTruthy();
  });

  test("a recurrence already fixed on the form is not written again; the preview catches up", async () => {
    const service = fakeJourneyService(recurring);
    const { bridge } = renderJourneyView({ service });
    const fix = await screen.findByRole("button", { name: /^Set end date to / });
    service.currentValues.mockImplementation(async (snapshot) => ({
      values: { ...snapshot.record, msdyncrm_enddatetime: "2027-06-01T09:00:00.000Z" },
      isDirty: true,
      fromForm: true,
    }));
    fireEvent.click(fix);
    await waitFor(() => expect(screen.queryByRole("button", { name: /^Set end date to / })).toBeNull());
    expect(bridge.setValue).not.toHaveBeenCalled();
  });

  test("when the form's values at the click admit no end date, the fix says so and writes nothing", async () => {
    const service = fakeJourneyService(recurring);
    const { bridge } = renderJourneyView({ service });
    const fix = await screen.findByRole("button", { name: /^Set end date to / });
    // 30 days × 100 million iterations end beyond the last date JavaScript can represent.
    service.currentValues.mockImplementation(async (snapshot) => ({
      values: { ...snapshot.record, msdyncrm_recurrencecount: 100_000_000 },
      isDirty: true,
      fromForm: true,
    }));
    fireEvent.click(fix);
    expect(await screen.findByText(`The end date was not set: ${en("recurrence.noFittingEnd")}`)).toBeTruthy();
    expect(bridge.setValue).not.toHaveBeenCalled();
  });

  test("the fix is disabled with the reason on a read-only form", async () => {
    const service = fakeJourneyService(recurring);
    const { bridge } = renderJourneyView({ service, isDisabled: true });
    const fix = await screen.findByRole("button", { name: /^Set end date to / });
    expect(fix.hasAttribute("disabled") || fix.getAttribute("aria-disabled") === "true").toBe(true);
    expect(screen.getByText(en("recurrence.readOnly"))).toBeTruthy();
    fireEvent.click(fix);
    expect(bridge.setValue).not.toHaveBeenCalled();
  });

  test("without a form to write to, the fix says so and changes nothing", async () => {
    const service = fakeJourneyService(recurring);
    renderJourneyView({ service, findBridge: async () => null });
    fireEvent.click(await screen.findByRole("button", { name: /^Set end date to / }));
    expect(await screen.findByText(/^The end date was not set: the journey form does not answer/)).toBeTruthy();
  });

  test("a journey that does not recur shows no preview", async () => {
    renderJourneyView();
    await screen.findByRole("region", { name: "Journey outline" });
    expect(screen.queryByRole("region", { name: "Recurrence" })).toBeNull();
  });
});

describe("names of the records findings refer to", () => {
  const SEGMENT = "3f1d2c4b-0000-4000-8000-000000000101";

  test("the not-live segment finding shows the segment's name, and its link opens the segment", async () => {
    const lookUpNames = jest.fn(async () => new Map([[SEGMENT, { name: "New prospects (draft)" }]]));
    const { props } = await viewWithStored([e("", "ErrorSegmentNotLive", "Error", [`{${SEGMENT.toUpperCase()}}`])], {
      lookUpNames,
    });
    const sentence = await within(panel()).findByText(/^The segment .*New prospects \(draft\).* is not live\.$/);
    expect(sentence.textContent).toBe("The segment \u2068New prospects (draft)\u2069 is not live.");
    expect(lookUpNames).toHaveBeenCalledWith(
      expect.arrayContaining([{ table: "msdyncrm_segment", id: SEGMENT }]),
      true,
    );
    fireEvent.click(within(panel()).getByRole("button", { name: "New prospects (draft)" }));
    expect(props.openRecord).toHaveBeenCalledWith("msdyncrm_segment", SEGMENT);
  });

  test("a segment the lookup did not find stays as its id, marked as not found", async () => {
    const lookUpNames = jest.fn(async () => new Map([[SEGMENT, { missing: "notFound" as const }]]));
    renderJourneyView({
      storedValidationResults: stored([e("01_0", "ErrorSegmentNotFound", "Error", [SEGMENT])]),
      lookUpNames,
      languageId: 1031,
    });
    expect(
      await screen.findByText(`Das Segment \u2068${SEGMENT} (nicht gefunden)\u2069 existiert nicht`, {
        exact: false,
      }),
    ).toBeTruthy();
  });
});
