/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { JourneyRecord } from "../journey/types";
import { JourneyStatus } from "../journey/types";
import {
  checkOutcome,
  entry,
  fakeJourneyService,
  journeyRecord,
  reportOf,
  snapshotOf,
} from "./testing/fakeJourneyService";
import { fakeBridge, renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";

const S = JourneyStatus;
const en = resxStrings(1033).getString;
const NO_NAME = "The journey has no name.";

/** The view on a loaded journey whose form values are `formValues` from now on (the saved record at first). */
async function followedView(record: JourneyRecord = journeyRecord()) {
  const service = fakeJourneyService(record);
  const view = renderJourneyView({ service });
  await screen.findByRole("heading", { name: record.msdyncrm_name as string });
  await waitFor(() => expect(view.bridge.onFormEvent).toHaveBeenCalledTimes(1));
  const typeOnForm = (values: Partial<JourneyRecord>) => {
    service.currentValues.mockResolvedValue({ values: { ...record, ...values }, isDirty: true, fromForm: true });
    act(() => view.bridge.emit({ kind: "changed", column: Object.keys(values)[0] }));
  };
  return { ...view, typeOnForm };
}

describe("the control follows the form's changes", () => {
  test("an emptied name shows the missing-name finding, marked as not yet checked by the server; a name again removes it", async () => {
    const { service, typeOnForm } = await followedView();
    typeOnForm({ msdyncrm_name: "" });
    expect(await screen.findByText(NO_NAME)).toBeTruthy();
    expect(screen.getByText(en("panel.origin.local"))).toBeTruthy();
    expect(service.check).not.toHaveBeenCalled();

    typeOnForm({ msdyncrm_name: "Spring newsletter 2" });
    await waitFor(() => expect(screen.queryByText(NO_NAME)).toBeNull());
  });

  test("an end before the start shows that finding at once", async () => {
    const { typeOnForm } = await followedView();
    typeOnForm({ msdyncrm_enddatetime: "2026-11-30T09:00:00.000Z" });
    expect(await screen.findByText(/^The start date .* is not before the end date/)).toBeTruthy();
  });

  test("an end typed before now (the view's clock) shows that the journey cannot run", async () => {
    const { typeOnForm } = await followedView();
    typeOnForm({
      msdyncrm_startdatetime: "2026-11-01T09:00:00.000Z",
      msdyncrm_enddatetime: "2026-11-28T09:59:00.000Z",
    });
    expect(await screen.findByText(/^The end date .* has passed: the journey cannot run\.$/)).toBeTruthy();
  });

  test("a burst of changes reads the form once, after the last", async () => {
    const { service, bridge } = await followedView();
    const readsBefore = service.currentValues.mock.calls.length;
    service.currentValues.mockResolvedValue({
      values: journeyRecord({ msdyncrm_name: "" }),
      isDirty: true,
      fromForm: true,
    });
    act(() => {
      for (const column of ["msdyncrm_name", "msdyncrm_name", "msdyncrm_startdatetime"]) {
        bridge.emit({ kind: "changed", column });
      }
    });
    await screen.findByText(NO_NAME);
    expect(service.currentValues.mock.calls.length - readsBefore).toBe(1);
  });

  test("the recurrence preview follows the form's interval", async () => {
    const recurring = journeyRecord({
      msdyncrm_isrecurring: true,
      msdyncrm_recurrenceintervaldays: 7,
      msdyncrm_recurrencecount: 4,
    });
    const { typeOnForm } = await followedView(recurring);
    typeOnForm({ msdyncrm_recurrenceintervaldays: 30 });
    expect(await screen.findByTestId("recurrence-fix")).toBeTruthy();
  });
});

describe("the control follows the form's saves and commands", () => {
  test.each([
    [{ kind: "saved", status: S.Draft }],
    [{ kind: "statusChanged", status: S.Draft }],
    [{ kind: "command", command: "stop" }],
  ] as const)("after %j the row is read again and becomes the snapshot the next action sends", async (event) => {
    const { service, bridge } = await followedView();
    const saved = { ...snapshotOf(journeyRecord({ modifiedon: "2026-11-28T10:05:00Z" })), etag: 'W/"2"' };
    service.load.mockResolvedValue(saved);
    act(() => bridge.emit(event));
    await waitFor(() => expect(service.load).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    fireEvent.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: en("confirm.delete.confirm") }),
    );
    await waitFor(() => expect(service.delete).toHaveBeenCalledWith(saved));
  });

  test("the form's save into Going live shows Going live, then Live, with no reload", async () => {
    const { service, bridge } = await followedView();
    service.load.mockResolvedValue(snapshotOf(journeyRecord({ statuscode: S.GoingLive })));
    let settle: (status: number) => void = () => undefined;
    service.waitUntilSettled.mockImplementation(
      () =>
        new Promise((resolve) => {
          settle = (status) => resolve(snapshotOf(journeyRecord({ statuscode: status })));
        }),
    );
    act(() => bridge.emit({ kind: "saved", status: S.GoingLive }));
    expect(await screen.findByText("Going live", { selector: "[data-status]" })).toBeTruthy();
    act(() => settle(S.Live));
    expect(await screen.findByText("Live", { selector: "[data-status]" })).toBeTruthy();
  });
});

test("the form's Check for errors shows its report in the panel", async () => {
  const { bridge } = await followedView();
  const report = reportOf([entry("NameMissing", "", "Error", [], "local"), entry("ErrorEmailNotLive", "", "Warning")]);
  act(() => bridge.emit({ kind: "checked", report, serverChecked: true }));
  expect(await screen.findByText(NO_NAME)).toBeTruthy();
  expect(screen.getByText(/^Checked just now/)).toBeTruthy();
});

test("a check pressed right after typing keeps the server's report: the typed values' own checks do not replace it", async () => {
  const { service, typeOnForm } = await followedView();
  service.check.mockResolvedValue(checkOutcome([entry("ErrorEmailNotLive", "", "Warning")]));
  typeOnForm({ msdyncrm_name: "Spring newsletter 2" });
  fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
  expect(await screen.findByText(/^Checked just now/)).toBeTruthy();
  // Past the 150 ms the typed values' own checks wait for.
  await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
  expect(screen.getByText(/^Checked just now/)).toBeTruthy();
  expect(screen.queryByText(en("panel.origin.local"))).toBeNull();
});

test("a form script that answers only later is followed from the next read on", async () => {
  const service = fakeJourneyService();
  const bridge = fakeBridge();
  const findBridge = jest.fn().mockResolvedValueOnce(null).mockResolvedValue(bridge);
  renderJourneyView({ service, findBridge });
  await screen.findByRole("heading", { name: "Spring newsletter" });
  await waitFor(() => expect(bridge.onFormEvent).toHaveBeenCalledTimes(1));
  service.currentValues.mockResolvedValue({
    values: journeyRecord({ msdyncrm_name: "" }),
    isDirty: true,
    fromForm: true,
  });
  act(() => bridge.emit({ kind: "changed", column: "msdyncrm_name" }));
  expect(await screen.findByText(NO_NAME)).toBeTruthy();
});

test("unmounting stops listening to the form", async () => {
  const { service, bridge, unmount } = await followedView();
  unmount();
  act(() => bridge.emit({ kind: "saved", status: S.Draft }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(service.load).toHaveBeenCalledTimes(1);
});

test("the end-date fix shows the date it will write as the form changes, and confirms it next to where it was", async () => {
  const recurring = journeyRecord({
    msdyncrm_isrecurring: true,
    msdyncrm_recurrenceintervaldays: 7,
    msdyncrm_recurrencecount: 4,
  });
  const { service, bridge, typeOnForm } = await followedView(recurring);
  typeOnForm({ msdyncrm_recurrenceintervaldays: 10 });
  const fix = await screen.findByTestId("recurrence-fix");
  expect(fix.textContent).toBe("Set end date to Jan 10, 2027, 09:00 AM");
  typeOnForm({ msdyncrm_recurrenceintervaldays: 30 });
  await waitFor(() =>
    expect(screen.getByTestId("recurrence-fix").textContent).toBe("Set end date to Mar 31, 2027, 09:00 AM"),
  );

  bridge.setValue.mockImplementation(async (_column, value) => {
    const written = {
      ...recurring,
      msdyncrm_recurrenceintervaldays: 30,
      msdyncrm_enddatetime: (value as Date).toISOString(),
    };
    service.currentValues.mockResolvedValue({ values: written, isDirty: true, fromForm: true });
  });
  fireEvent.click(screen.getByTestId("recurrence-fix"));
  const confirmation = await screen.findByTestId("recurrence-fixed");
  expect(confirmation.textContent).toBe("End date set to Mar 31, 2027, 09:00 AM on the form. Save to keep it.");
  expect(bridge.setValue).toHaveBeenCalledWith("msdyncrm_enddatetime", new Date("2027-03-31T09:00:00.000Z"));
});
