/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { JourneyStatus } from "../journey/types";
import { fakeJourneyService, journeyRecord, snapshotOf } from "./testing/fakeJourneyService";
import { renderJourneyView } from "./testing/renderJourneyView";
import { resxStrings } from "./testing/resxStrings";

const S = JourneyStatus;
const en = resxStrings(1033).getString;

function actionLabels(): (string | null)[] {
  return within(screen.getByRole("group", { name: "Journey actions" }))
    .getAllByRole("button")
    .map((button) => button.textContent);
}

type Allowed = jest.Mock<Promise<readonly number[] | null>, [status: number]>;

async function openWith(
  record = journeyRecord({ statuscode: S.Live }),
  allowed: Allowed = jest.fn<Promise<readonly number[] | null>, [number]>(async () => null),
) {
  const service = fakeJourneyService(record);
  const view = renderJourneyView({ service, allowedTransitions: allowed });
  await screen.findByRole("group", { name: "Journey actions" });
  return { ...view, allowed };
}

describe("the org's own transitions", () => {
  test("an action whose status the org does not allow is not offered; check and copy stay", async () => {
    const allowed: Allowed = jest.fn(async (status) => (status === S.Live ? [S.LiveEditable] : null));
    await openWith(journeyRecord({ statuscode: S.Live }), allowed);
    await waitFor(() => expect(actionLabels()).toEqual(["Check for errors", "Edit", "Copy"]));
    expect(allowed).toHaveBeenCalledWith(S.Live);
  });

  test("where the org cannot tell, the domain's actions stand", async () => {
    await openWith();
    await act(async () => undefined);
    expect(actionLabels()).toEqual(["Check for errors", "Stop", "Edit", "Copy"]);
  });

  test("asked once per status shown, not at every render", async () => {
    const { allowed, service } = await openWith();
    service.transition.mockResolvedValue({ done: true, status: S.LiveEditable });
    service.load.mockResolvedValue(snapshotOf(journeyRecord({ statuscode: S.LiveEditable })));
    fireEvent.click(screen.getByRole("button", { name: "Check for errors" }));
    await waitFor(() => expect(service.check).toHaveBeenCalled());
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    await screen.findByRole("button", { name: "Cancel edit" });
    expect(allowed.mock.calls).toEqual([[S.Live], [S.LiveEditable]]);
  });
});

describe("Cancel edit only where it is safe", () => {
  /** Opens the journey Live, presses Edit; the re-read after it shows `afterEdit`. */
  async function editLive(afterEdit = journeyRecord({ statuscode: S.LiveEditable })) {
    const view = await openWith();
    view.service.transition.mockResolvedValue({ done: true, status: S.LiveEditable });
    view.service.load.mockResolvedValue(snapshotOf(afterEdit));
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    await screen.findByRole("button", { name: "Save and go live" });
    await waitFor(() => expect(view.service.load).toHaveBeenCalledTimes(2));
    return view;
  }

  test("right after Edit it is offered, with no reason shown", async () => {
    await editLive();
    expect(actionLabels()).toEqual(["Check for errors", "Save and go live", "Cancel edit", "Copy"]);
    expect(screen.queryByText(en("action.cancelEdit.savedSinceEdit"))).toBeNull();
  });

  test("once the form saved a change after Edit, Save and go live is offered instead, and the reason shows", async () => {
    const { service, bridge } = await editLive();
    service.load.mockResolvedValue(
      snapshotOf(journeyRecord({ statuscode: S.LiveEditable, msdyncrm_name: "Spring newsletter (edited)" })),
    );
    act(() => bridge.emit({ kind: "saved", status: S.LiveEditable }));
    const reason = await screen.findByText(en("action.cancelEdit.savedSinceEdit"));
    expect(actionLabels()).toEqual(["Check for errors", "Save and go live", "Copy"]);
    const republish = screen.getByRole("button", { name: "Save and go live" });
    expect(republish.getAttribute("aria-describedby")).toBe(reason.id);

    service.transition.mockResolvedValue({ done: true, status: S.GoingLive });
    fireEvent.click(republish);
    await waitFor(() =>
      expect(service.transition).toHaveBeenCalledWith(expect.anything(), "republish", expect.anything()),
    );
  });

  test("a save that changed nothing the journey runs on keeps it", async () => {
    const { service, bridge } = await editLive();
    service.load.mockResolvedValue(
      snapshotOf(journeyRecord({ statuscode: S.LiveEditable, modifiedon: "2026-11-28T10:05:00Z" })),
    );
    act(() => bridge.emit({ kind: "saved", status: S.LiveEditable }));
    await waitFor(() => expect(service.load).toHaveBeenCalledTimes(3));
    await act(async () => undefined);
    expect(actionLabels()).toContain("Cancel edit");
  });

  test("opened already Live, editable, it is not offered, and the reason says it is not known", async () => {
    await openWith(journeyRecord({ statuscode: S.LiveEditable }));
    expect(screen.getByText(en("action.cancelEdit.editNotSeen"))).toBeTruthy();
    expect(actionLabels()).toEqual(["Check for errors", "Save and go live", "Copy"]);
  });

  test("the reason is in German on a German form", async () => {
    renderJourneyView({ service: fakeJourneyService(journeyRecord({ statuscode: S.LiveEditable })), languageId: 1031 });
    expect(await screen.findByText(resxStrings(1031).getString("action.cancelEdit.editNotSeen"))).toBeTruthy();
  });
});
