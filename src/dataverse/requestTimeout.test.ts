import { journeyRow } from "./testing/fakeWebApi";
import { READ_TIMEOUT_MS, WRITE_TIMEOUT_MS, withinTime } from "./requestTimeout";
import { REAL_TIMING, withRetries } from "./retryPolicy";
import { askValidateAction } from "./validateAction";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const silent = () => new Promise<never>(() => undefined);

/** The rejection of `promise` once `ms` of fake time have passed ("pending" when it has not settled). */
async function after(ms: number, promise: Promise<unknown>): Promise<unknown> {
  let outcome: unknown = "pending";
  promise.then(
    (value) => (outcome = value),
    (error: unknown) => (outcome = error),
  );
  await jest.advanceTimersByTimeAsync(ms);
  return outcome;
}

test("an answer in time is passed on and leaves no timer behind", async () => {
  await expect(withinTime(Promise.resolve("answer"), 1000)).resolves.toBe("answer");
  expect(jest.getTimerCount()).toBe(0);
});

test("the validate call (the form script's check uses it too) gives up after 30 s", async () => {
  const checking = askValidateAction({ online: { execute: silent } }, journeyRow(), REAL_TIMING);
  expect(await after(READ_TIMEOUT_MS - 1, checking)).toBe("pending");
  expect(await after(1, checking)).toMatchObject({ kind: "timeout", messageKey: "error.requestTimeout" });
});

test("a write that timed out is not tried again: it may have been made", async () => {
  const write = jest.fn(silent);
  const writing = withRetries("write", write, REAL_TIMING);
  expect(await after(WRITE_TIMEOUT_MS, writing)).toMatchObject({ kind: "timeout", messageKey: "error.writeTimeout" });
  await jest.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
  expect(write).toHaveBeenCalledTimes(1);
});
