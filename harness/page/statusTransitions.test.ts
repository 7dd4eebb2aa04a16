import { JourneyStatus as S } from "../../src/journey/types";
import { allowedStatusTransitions } from "./statusTransitions";

const ENTITY = "msdyncrm_customerjourney";

describe("the harness's Xrm.Utility.getAllowedStatusTransitions", () => {
  it("answers the journey's TransitionData without the option", async () => {
    const ask = allowedStatusTransitions(null);
    await expect(ask?.(ENTITY, S.Live)).resolves.toEqual([S.Stopping, S.Stopped, S.GoingLive, S.LiveEditable, S.Error]);
    await expect(ask?.(ENTITY, S.Expired)).resolves.toEqual([]);
    await expect(ask?.(ENTITY, 42)).resolves.toEqual([]);
  });

  it("replaces what is allowed from each status the option lists, and only from those", async () => {
    const ask = allowedStatusTransitions(
      `${S.Live}:${S.LiveEditable},${S.LiveEditable}:${S.GoingLive}|${S.Error},${S.Draft}:`,
    );
    await expect(ask?.(ENTITY, S.Live)).resolves.toEqual([S.LiveEditable]);
    await expect(ask?.(ENTITY, S.LiveEditable)).resolves.toEqual([S.GoingLive, S.Error]);
    await expect(ask?.(ENTITY, S.Draft)).resolves.toEqual([]);
    await expect(ask?.(ENTITY, S.Stopped)).resolves.toEqual([S.Expired, S.GoingLive]);
  });

  it("is missing with transitions=none, and rejects for another entity", async () => {
    expect(allowedStatusTransitions("none")).toBeUndefined();
    await expect(allowedStatusTransitions(null)?.("account", 1)).rejects.toMatchObject({
      errorCode: expect.any(Number),
    });
  });
});
