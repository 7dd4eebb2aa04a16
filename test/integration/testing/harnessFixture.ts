import { startHarness, type Harness, type HarnessOptions } from "../../../harness/server";

/** Starts one harness for a test file on a free 127.0.0.1 port and reseeds it before every test. */
export function useHarness(options: HarnessOptions = {}): {
  readonly url: string;
  api(version?: string): string;
  harness(): Harness;
} {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness({ port: 0, goLiveDelayMs: 50, ...options });
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    await fetch(`${harness?.url}/_harness/reset`, { method: "POST" });
  });
  return {
    get url() {
      if (!harness) throw new Error("harness not started");
      return harness.url;
    },
    api(version = "v9.2") {
      return `${this.url}/api/data/${version}/`;
    },
    harness() {
      if (!harness) throw new Error("harness not started");
      return harness;
    },
  };
}

/** A response body as loosely typed JSON (tests read whatever fields they check). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
export type Json = Record<string, any>;

export async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Re-reads until `done` holds or the time is up (the service moves statuses on by itself). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await sleep(25);
  }
}
