/** @jest-environment jsdom */
// The panel's time and provenance: when the check ran, whether the server's part of it ran, and Copy details' header.
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { JourneyError } from "../dataverse/journeyError";
import { toJourneyError } from "../dataverse/webApiErrors";
import { checkOutcome, entry, fakeJourneyService, JOURNEY_ID } from "./testing/fakeJourneyService";
import { renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";

const CHECKED = new Date("2026-11-28T10:00:00Z");

async function checkForErrors(languageId: 1033 | 1031 = 1033) {
  const service = fakeJourneyService();
  const view = renderJourneyView({ service, languageId, now: () => new Date() });
  const button = await screen.findByRole("button", { name: resxStrings(languageId).getString("action.check") });
  return { ...view, service, click: () => fireEvent.click(button) };
}

const verdict = () => screen.getByTestId("verdict").textContent;

describe("the time of the check", () => {
  beforeEach(() => jest.useFakeTimers({ now: CHECKED }));
  afterEach(() => jest.useRealTimers());

  test("ages while the form is open, shows the exact time on hover, and its clock stops when the control goes", async () => {
    const { service, click, unmount } = await checkForErrors();
    service.check.mockResolvedValue(checkOutcome([]));
    click();
    const origin = await screen.findByText("Checked just now, with the values on the form.");
    const exact = origin.title;
    expect(exact).toMatch(/^Nov 28, 2026, 10:00/);
    act(() => void jest.advanceTimersByTime(50_000));
    expect(origin.textContent).toBe("Checked just now, with the values on the form.");
    act(() => void jest.advanceTimersByTime(10_000));
    expect(origin.textContent).toBe("Checked 1 minute ago, with the values on the form.");
    act(() => void jest.advanceTimersByTime(4 * 60_000));
    expect(origin.textContent).toBe("Checked 5 minutes ago, with the values on the form.");
    expect(origin.title).toBe(exact);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });

  test("in German", async () => {
    const { service, click } = await checkForErrors(1031);
    service.check.mockResolvedValue(checkOutcome([]));
    click();
    const origin = await screen.findByText("Geprüft gerade eben, mit den Werten im Formular.");
    act(() => void jest.advanceTimersByTime(60_000));
    expect(origin.textContent).toBe("Geprüft vor 1 Minute, mit den Werten im Formular.");
  });

  test("a stored result says its time is not stored", async () => {
    renderJourneyView({ storedValidationResults: JSON.stringify({ ActivityValidationResults: [], Result: "Valid" }) });
    await screen.findByRole("button", { name: "Check for errors" });
    expect(
      screen.getByText("Result of the last saved error check. The time of that check is not stored with it."),
    ).toBeTruthy();
  });
});

describe("a check whose server part did not run", () => {
  test("after a 500 the verdict says the server's check did not run and why, never 'No errors found'", async () => {
    const { service, click } = await checkForErrors();
    service.check.mockResolvedValue(
      checkOutcome([], { serverUnavailable: toJourneyError({ status: 500 }, "validate") }),
    );
    click();
    await waitFor(() =>
      expect(verdict()).toBe(
        "The server's error check did not run: the server answered with an error. Only this product's own checks ran: no errors",
      ),
    );
    expect(screen.queryByText(/No errors found/)).toBeNull();
    expect(screen.getByTestId("live-region").textContent).toContain("The server's error check did not run");
  });

  test("the product's own findings are counted after a timeout, and the reason says how long it waited", async () => {
    const { service, click } = await checkForErrors();
    const timedOut = new JourneyError("timeout", "error.requestTimeout", { args: ["30"] });
    service.check.mockResolvedValue(
      checkOutcome([entry("NameMissing", "", "Error", [], "local")], { serverUnavailable: timedOut }),
    );
    click();
    await waitFor(() =>
      expect(verdict()).toBe(
        "The server's error check did not run: the server did not answer within 30 seconds. Only this product's own checks ran: 1 error",
      ),
    );
  });

  test("the form's own check that could not reach the server says so in the panel too", async () => {
    const { bridge } = await checkForErrors();
    await waitFor(() => expect(bridge.onFormEvent).toHaveBeenCalled());
    act(() => bridge.emit({ kind: "checked", report: { verdict: "Valid", entries: [] }, serverChecked: false }));
    expect(verdict()).toBe(
      "The server's error check did not run: the form's error check got no answer from the server. Only this product's own checks ran: no errors",
    );
    act(() => bridge.emit({ kind: "checked", report: { verdict: "Valid", entries: [] }, serverChecked: true }));
    expect(verdict()).toBe("No errors found");
  });
});

test("Copy details starts with the journey's name, id, status, the org's URL and the time of the check", async () => {
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  const { service, click } = await checkForErrors();
  service.check.mockResolvedValue(checkOutcome([entry("ErrorEmailNotLive", "01_0_1", "Error", ["15bd0ab8"])]));
  click();
  await screen.findByText("Checked just now, with the values on the form.");
  fireEvent.click(screen.getByRole("button", { name: "Copy details" }));
  await screen.findByText("The details are on the clipboard.");
  const lines = (writeText.mock.calls[0] as unknown as [string])[0].split("\n");
  expect(lines.slice(1, 6)).toEqual([
    "Journey: \u2068Spring newsletter\u2069",
    `Id: ${JOURNEY_ID}`,
    "Status: Draft",
    "Organization: https://contoso.crm4.dynamics.com",
    expect.stringMatching(/^Checked: \w{3} \d{1,2}, \d{4}, \d{2}:\d{2}/),
  ]);
  expect(lines.slice(6).join("\n")).toContain("ErrorEmailNotLive");
});
