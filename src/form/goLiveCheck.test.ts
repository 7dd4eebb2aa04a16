import { runGoLiveCheck } from "./goLiveCheck";
import { SAMPLE_DEFINITION } from "./testing/journeyFormFixture";

describe("the go-live check's time limit", () => {
  afterEach(() => jest.useRealTimers());

  it("gives up on a validate action that does not answer within 10 seconds, as a timeout of 10 s", async () => {
    jest.useFakeTimers();
    const neverAnswers = { online: { execute: () => new Promise<never>(() => undefined) } };
    let outcome: Awaited<ReturnType<typeof runGoLiveCheck>> | undefined;
    void runGoLiveCheck(
      { msdyncrm_name: "Spring", msdyncrm_workflowdefinition: SAMPLE_DEFINITION },
      neverAnswers,
      { sleep: async () => undefined, random: () => 0.5 },
      () => new Date("2026-12-01T12:00:00Z"),
    ).then((result) => (outcome = result));

    await jest.advanceTimersByTimeAsync(9_999);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toMatchObject({ kind: "failed", failure: { reason: "timeout", seconds: 10 } });
  });
});
