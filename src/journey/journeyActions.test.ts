import { actionsFor, allowedAction } from "./journeyActions";
import { canTransition } from "./statusModel";
import { JourneyStatus, type JourneyStatusCode } from "./types";

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
