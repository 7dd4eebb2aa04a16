import { createAllowedTransitions, type TransitionsUtility } from "./allowedTransitions";

const ENTITY = "msdyncrm_customerjourney";
const LIVE = 192350001;
const LIVE_EDITABLE = 192350003;

describe("the org's allowed status transitions", () => {
  it("answers what Xrm.Utility.getAllowedStatusTransitions returns for the entity and the status", async () => {
    const getAllowedStatusTransitions = jest.fn(async () => [192350007, LIVE_EDITABLE]);
    const allowed = createAllowedTransitions(ENTITY, { getAllowedStatusTransitions });
    await expect(allowed(LIVE)).resolves.toEqual([192350007, LIVE_EDITABLE]);
    expect(getAllowedStatusTransitions).toHaveBeenCalledWith(ENTITY, LIVE);
  });

  it("asks once per status, however often it is asked", async () => {
    const getAllowedStatusTransitions = jest.fn(async (_entity: string, status: number) =>
      status === LIVE ? [LIVE_EDITABLE] : [LIVE],
    );
    const allowed = createAllowedTransitions(ENTITY, { getAllowedStatusTransitions });
    const answers = await Promise.all([allowed(LIVE), allowed(LIVE), allowed(LIVE_EDITABLE)]);
    await allowed(LIVE);
    expect(answers).toEqual([[LIVE_EDITABLE], [LIVE_EDITABLE], [LIVE]]);
    expect(getAllowedStatusTransitions.mock.calls).toEqual([
      [ENTITY, LIVE],
      [ENTITY, LIVE_EDITABLE],
    ]);
  });

  it.each<[string, TransitionsUtility | undefined]>([
    ["there is no Xrm.Utility", undefined],
    ["Xrm.Utility has no getAllowedStatusTransitions", {}],
    [
      "it throws",
      {
        getAllowedStatusTransitions: () => {
          throw new Error("not supported");
        },
      },
    ],
    ["it rejects", { getAllowedStatusTransitions: () => Promise.reject(new Error("metadata unavailable")) }],
    ["it answers something else than status reasons", { getAllowedStatusTransitions: async () => ["Live"] as never }],
    ["it answers nothing", { getAllowedStatusTransitions: async () => undefined as never }],
  ])("answers null (the domain's table stands) when %s", async (_case, utility) => {
    await expect(createAllowedTransitions(ENTITY, utility)(LIVE)).resolves.toBeNull();
  });
});
