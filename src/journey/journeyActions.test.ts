import { actionsFor, allowedAction, cancelEditRefusal, contentLastLive, offeredActions } from "./journeyActions";
import { canTransition } from "./statusModel";
import { JourneyStatus, type JourneyRecord, type JourneyStatusCode } from "./types";

const ALL = Object.values(JourneyStatus) as JourneyStatusCode[];
const ids = (status: number) => actionsFor(status).map((action) => action.id);

describe("journey actions", () => {
  it("offers the documented actions in display order", () => {
    expect(ids(JourneyStatus.Draft)).toEqual(["check", "goLive", "copy", "delete"]);
    expect(ids(JourneyStatus.Live)).toEqual(["check", "stop", "edit", "copy"]);
    expect(ids(JourneyStatus.LiveEditable)).toEqual(["check", "republish", "cancelEdit", "copy"]);
    expect(ids(JourneyStatus.Stopped)).toEqual(["check", "restart", "copy", "delete"]);
    expect(ids(JourneyStatus.Error)).toEqual(["check", "retry", "stop", "copy"]);
    expect(ids(JourneyStatus.GoingLive)).toEqual(["copy"]);
    expect(ids(JourneyStatus.Stopping)).toEqual(["copy"]);
    expect(ids(JourneyStatus.Expired)).toEqual(["copy", "delete"]);
    expect(ids(42)).toEqual(["copy"]);
  });

  it("writes only statuses that TransitionData allows from the current status", () => {
    for (const status of ALL) {
      for (const action of actionsFor(status)) {
        if (action.writesStatus !== undefined) {
          expect({ status, action: action.id, allowed: canTransition(status, action.writesStatus) }).toEqual({
            status,
            action: action.id,
            allowed: true,
          });
        }
      }
    }
  });

  it("writes the documented statuscodes, checks before going live and confirms stop and delete", () => {
    const draft = actionsFor(JourneyStatus.Draft);
    expect(draft.find((a) => a.id === "goLive")).toEqual({
      id: "goLive",
      writesStatus: JourneyStatus.GoingLive,
      runsCheckFirst: true,
    });
    expect(draft.find((a) => a.id === "delete")).toMatchObject({ confirm: "delete", runsCheckFirst: false });
    expect(draft.find((a) => a.id === "delete")?.writesStatus).toBeUndefined();
    const live = actionsFor(JourneyStatus.Live);
    expect(live.find((a) => a.id === "stop")).toMatchObject({ writesStatus: JourneyStatus.Stopping, confirm: "stop" });
    expect(live.find((a) => a.id === "edit")).toMatchObject({
      writesStatus: JourneyStatus.LiveEditable,
      runsCheckFirst: false,
    });
    expect(actionsFor(JourneyStatus.LiveEditable).find((a) => a.id === "cancelEdit")?.writesStatus).toBe(
      JourneyStatus.Live,
    );
    for (const status of [JourneyStatus.LiveEditable, JourneyStatus.Stopped, JourneyStatus.Error]) {
      const goesLive = actionsFor(status).find((a) => a.writesStatus === JourneyStatus.GoingLive);
      expect(goesLive?.runsCheckFirst).toBe(true);
    }
  });

  it("never lets a live journey be deleted", () => {
    for (const status of [
      JourneyStatus.Live,
      JourneyStatus.LiveEditable,
      JourneyStatus.GoingLive,
      JourneyStatus.Stopping,
    ]) {
      expect(allowedAction(status, "delete")).toBeUndefined();
    }
    expect(allowedAction(JourneyStatus.Stopped, "delete")).toMatchObject({ id: "delete", confirm: "delete" });
    expect(allowedAction(JourneyStatus.Draft, "stop")).toBeUndefined();
  });
});

describe("the actions offered with the org's transitions", () => {
  const offered = (status: number, orgAllowed: readonly number[] | null, cancelEditSafe = true) =>
    offeredActions(status, orgAllowed, cancelEditSafe).map((action) => action.id);

  it("keeps the domain's list where the org cannot tell", () => {
    for (const status of [...ALL, 42]) expect(offered(status, null)).toEqual(ids(status));
  });

  it("offers only the status changes the org allows; check, copy and delete stay", () => {
    // An org that lets a live journey only be edited: Stop goes.
    expect(offered(JourneyStatus.Live, [JourneyStatus.LiveEditable])).toEqual(["check", "edit", "copy"]);
    // An org that allows nothing from Draft: Go live goes; Delete writes no status and stays.
    expect(offered(JourneyStatus.Draft, [])).toEqual(["check", "copy", "delete"]);
    expect(offered(JourneyStatus.LiveEditable, [JourneyStatus.GoingLive])).toEqual(["check", "republish", "copy"]);
  });

  it("offers nothing the domain does not, whatever the org allows", () => {
    expect(offered(JourneyStatus.GoingLive, [...ALL])).toEqual(["copy"]);
    expect(offered(JourneyStatus.Draft, [...ALL])).toEqual(ids(JourneyStatus.Draft));
  });

  it("leaves Cancel edit out when going back to Live is not safe, and nothing else", () => {
    expect(offered(JourneyStatus.LiveEditable, null, false)).toEqual(["check", "republish", "copy"]);
    expect(offered(JourneyStatus.Live, null, false)).toEqual(ids(JourneyStatus.Live));
  });
});

describe("Cancel edit only while nothing was saved since Edit", () => {
  const live: JourneyRecord = {
    statuscode: JourneyStatus.Live,
    msdyncrm_name: "Monthly newsletter",
    msdyncrm_enddatetime: "2027-03-01T00:00:00Z",
    msdyncrm_workflowdefinition: '[{"ActivityId":"01","ActivityTypeId":"bpf_root"}]',
  };
  const editable = (changes: JourneyRecord = {}): JourneyRecord => ({
    ...live,
    statuscode: JourneyStatus.LiveEditable,
    ...changes,
  });
  /** The refusal after the control saw these records, in order. */
  const refusalAfter = (...seen: JourneyRecord[]) => {
    let lastLive: string | undefined;
    for (const record of seen) lastLive = contentLastLive(lastLive, record.statuscode as number, record);
    const shown = seen[seen.length - 1];
    return cancelEditRefusal(shown.statuscode as number, shown, lastLive);
  };

  it("is safe right after Edit, and again when a save put back what was live", () => {
    expect(refusalAfter(live, editable())).toBeUndefined();
    expect(refusalAfter(live, editable(), editable({ msdyncrm_name: "Renamed" }), editable())).toBeUndefined();
    // The same end date as the service writes it and as the form gives it.
    expect(refusalAfter(live, editable({ msdyncrm_enddatetime: "2027-03-01T00:00:00.000Z" }))).toBeUndefined();
  });

  it.each<[string, JourneyRecord]>([
    ["the name", { msdyncrm_name: "Monthly newsletter (edited)" }],
    ["the end date", { msdyncrm_enddatetime: "2027-04-01T00:00:00Z" }],
    ["the design", { msdyncrm_workflowdefinition: "[]" }],
    ["the recurrence", { msdyncrm_recurrencecount: 2 }],
  ])("is not safe once %s was saved since Edit", (_column, change) => {
    expect(refusalAfter(live, editable(), editable(change))).toBe("savedSinceEdit");
    expect(refusalAfter(live, editable(change))).toBe("savedSinceEdit");
  });

  it("is not known when the journey was already Live, editable when first seen", () => {
    expect(refusalAfter(editable())).toBe("editNotSeen");
    // Seen in another status first (Going live after Save and go live, say) does not tell what was live either.
    expect(refusalAfter({ ...live, statuscode: JourneyStatus.Draft }, editable())).toBe("editNotSeen");
  });

  it("takes what is live from the latest Live: a second Edit after a republish compares with the new content", () => {
    const republished = { ...live, msdyncrm_name: "Monthly newsletter (edited)" };
    const edited = editable({ msdyncrm_name: "Monthly newsletter (edited)" });
    expect(
      refusalAfter(
        live,
        editable(),
        edited,
        { ...republished, statuscode: JourneyStatus.GoingLive },
        republished,
        edited,
      ),
    ).toBeUndefined();
  });

  it("is not in question outside Live, editable", () => {
    for (const status of ALL.filter((code) => code !== JourneyStatus.LiveEditable)) {
      expect(cancelEditRefusal(status, { ...live, statuscode: status }, undefined)).toBeUndefined();
    }
  });
});
