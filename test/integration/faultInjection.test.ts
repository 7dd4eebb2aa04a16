import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEED_IDS } from "../../harness/seed/seedData";
import { startHarness } from "../../harness/server";
import { eventually, json, sleep, useHarness, type Json } from "./testing/harnessFixture";

describe("fault injection, the request log and reset", () => {
  const org = useHarness();
  const live = () => `${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.live})`;
  const inject = async (fault: Json) => {
    const response = await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify(fault) });
    expect(response.status).toBe(201);
    return json(response);
  };
  const log = async () => (await json(await fetch(`${org.url}/_harness/log`))) as unknown as Json[];

  test.each([
    [401, undefined],
    [403, "0x80040220"],
    [404, "0x80040217"],
    [500, "0x80040216"],
    [503, "0x80040216"],
  ])("status %i answers once with a Dataverse error body, then the org answers normally", async (status, code) => {
    await inject({ match: { method: "GET", pathContains: "msdyncrm_customerjourneys" }, status });
    const faulted = await fetch(live());
    expect(faulted.status).toBe(status);
    if (code) expect((await json(faulted)).error.code).toBe(code);
    else expect(await faulted.text()).toBe("");
    expect((await fetch(live())).status).toBe(200);
  });

  test("429 carries Retry-After and the service protection code; times repeats it", async () => {
    await inject({ status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(live());
      expect(response.status).toBe(429);
      expect(response.headers.get("Retry-After")).toBe("7");
      expect((await json(response)).error.code).toBe("0x80072322");
    }
    expect((await fetch(live())).status).toBe(200);
  });

  test("a custom body replaces the default one", async () => {
    await inject({
      status: 429,
      body: { error: { code: "0x80072326", message: "Number of concurrent requests exceeded the limit of 52." } },
    });
    expect((await json(await fetch(live()))).error.code).toBe("0x80072326");
  });

  test("a dropped connection makes fetch fail; a malformed body fails to parse", async () => {
    await inject({ drop: true });
    await expect(fetch(live())).rejects.toThrow();
    await inject({ malformed: true });
    const malformed = await fetch(live());
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
  });

  test("a dropped connection carries nothing out; a dropped answer carries the write out, and the log says which", async () => {
    const draft = `${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`;
    const rename = (name: string) => fetch(draft, { method: "PATCH", body: JSON.stringify({ msdyncrm_name: name }) });
    const name = async () => (await json(await fetch(`${draft}?$select=msdyncrm_name`))).msdyncrm_name;
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
    await inject({ match: { method: "PATCH" }, drop: true });
    await expect(rename("Dropped before")).rejects.toThrow();
    expect(await name()).not.toBe("Dropped before");
    await inject({ match: { method: "PATCH" }, dropAnswer: true });
    await expect(rename("Made, answer lost")).rejects.toThrow();
    expect(await name()).toBe("Made, answer lost");
    const patches = (await log()).filter((entry) => entry.method === "PATCH");
    expect(patches.map((entry) => [entry.status, entry.answerDropped ?? false])).toEqual([
      [0, false],
      [204, true],
    ]);
  });

  test("a delay alone slows the request down and then answers normally", async () => {
    await inject({ delayMs: 300 });
    const started = Date.now();
    const response = await fetch(live());
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("a delay longer than a timer can wait (2^31 - 1 ms) is refused with a clear message, and so is such a go-live delay", async () => {
    const refused = await fetch(`${org.url}/_harness/faults`, {
      method: "POST",
      body: JSON.stringify({ delayMs: 2 ** 31 }),
    });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error).toBe(
      "'delayMs' must be at most 2147483647 ms (about 24.8 days), the longest a timer can wait; for a request that never answers, use \"hang\": true.",
    );
    expect(await json(await fetch(`${org.url}/_harness/faults`))).toEqual([]);
    const settings = await fetch(`${org.url}/_harness/settings`, {
      method: "POST",
      body: JSON.stringify({ goLiveDelayMs: 2 ** 31 }),
    });
    expect(settings.status).toBe(400);
    expect((await json(settings)).error).toMatch(/'goLiveDelayMs' must be at most 2147483647 ms/);
    expect((await json(await fetch(`${org.url}/_harness/settings`))).goLiveDelayMs).toBe(50);
  });

  test("hang never answers: the request waits until the client gives up, and the log records it then", async () => {
    const fault = await inject({ match: { method: "GET" }, hang: true });
    const controller = new AbortController();
    let settled = false;
    const request = fetch(live(), { signal: controller.signal }).finally(() => {
      settled = true;
    });
    await sleep(500);
    expect(settled).toBe(false);
    expect(await log()).toEqual([]);
    controller.abort();
    await expect(request).rejects.toThrow();
    const entries = await eventually(log, (e) => e.length > 0);
    expect(entries.map((e) => [e.method, e.path, e.status, e.fault])).toEqual([
      ["GET", `/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.live})`, 0, fault.id],
    ]);
    expect((await fetch(live())).status).toBe(200);
  });

  test("reset ends a hanging request by closing its connection and leaves the new log empty", async () => {
    await inject({ hang: true });
    const request = fetch(live());
    const taken = await eventually(
      async () => (await json(await fetch(`${org.url}/_harness/faults`))) as unknown as Json[],
      (queued) => queued.length === 0,
    );
    expect(taken).toEqual([]);
    await fetch(`${org.url}/_harness/reset`, { method: "POST" });
    await expect(request).rejects.toThrow();
    expect(await log()).toEqual([]);
    expect((await fetch(live())).status).toBe(200);
  });

  test.each([
    [{ hang: true, status: 500 }, "'hang' never answers, so it goes with nothing but match and times."],
    [{ match: { method: 5 }, status: 500 }, "'match.method' must be a string."],
    [{ match: "GET", status: 500 }, "'match' must be an object with method and/or pathContains."],
    [{ drop: "yes" }, "'drop' must be true or false."],
    [
      { dropAnswer: true, status: 500 },
      "'dropAnswer' carries the request out as the org would, so it goes with nothing but match, times and delayMs.",
    ],
  ])("a fault spec %j is refused and the org keeps answering", async (spec, message) => {
    const response = await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify(spec) });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe(message);
    expect((await fetch(live())).status).toBe(200);
  });

  test("faults match on method and path only", async () => {
    await inject({ match: { method: "PATCH", pathContains: SEED_IDS.journeys.seedPatch }, status: 503 });
    expect((await fetch(live())).status).toBe(200);
    const other = await fetch(`${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`);
    expect(other.status).toBe(200);
    const patched = await fetch(`${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`, {
      method: "PATCH",
      body: "{}",
    });
    expect(patched.status).toBe(503);
  });

  test("DELETE /_harness/faults clears the queue; bad fault specs are refused", async () => {
    await inject({ status: 500, times: 5 });
    await fetch(`${org.url}/_harness/faults`, { method: "DELETE" });
    expect((await fetch(live())).status).toBe(200);
    const bad = await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify({ status: 99 }) });
    expect(bad.status).toBe(400);
    const empty = await fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify({ match: {} }) });
    expect(empty.status).toBe(400);
  });

  test("the validate action can be switched off, as on orgs without the outbound module", async () => {
    await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ validateAction: false }) });
    const response = await fetch(`${org.api()}msdyncrm_CustomerJourneyValidate`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect((await json(response)).error).toEqual({
      code: "0x8006088a",
      message: "Resource not found for the segment 'msdyncrm_CustomerJourneyValidate'.",
    });
  });

  test("the log lists API requests with method, path and status; DELETE clears it", async () => {
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
    await fetch(live());
    await fetch(`${org.api()}msdyncrm_customerjourneys(00000000-0000-4000-8000-000000000000)`);
    await inject({ drop: true });
    await fetch(live()).catch(() => undefined);
    const entries = await log();
    expect(entries.map((e) => [e.method, e.path, e.status])).toEqual([
      ["GET", `/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.live})`, 200],
      ["GET", "/api/data/v9.2/msdyncrm_customerjourneys(00000000-0000-4000-8000-000000000000)", 404],
      ["GET", `/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.live})`, 0],
    ]);
    expect(Number.isNaN(Date.parse(entries[0].time))).toBe(false);
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
    expect(await log()).toEqual([]);
  });

  test("reset brings back the seed and clears faults", async () => {
    await fetch(`${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedDelete})`, { method: "DELETE" });
    await inject({ status: 500, times: 10 });
    await fetch(`${org.url}/_harness/reset`, { method: "POST" });
    expect((await fetch(`${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedDelete})`)).status).toBe(200);
  });
});

describe("--data keeps changes across restarts", () => {
  test("a rename survives a stop and a start on the same file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cjt-harness-")), "org.json");
    const first = await startHarness({ port: 0, data: file });
    const url = `${first.url}/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`;
    await fetch(url, { method: "PATCH", body: JSON.stringify({ msdyncrm_name: "Kept" }) });
    await first.stop();
    expect(readFileSync(file, "utf8")).toContain('"Kept"');

    const second = await startHarness({ port: 0, data: file });
    try {
      const row = await json(
        await fetch(`${second.url}/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`),
      );
      expect(row.msdyncrm_name).toBe("Kept");
    } finally {
      await second.stop();
    }
  });

  test("an unreadable data file stops the start with a clear message and is left as it was", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cjt-harness-")), "org.json");
    writeFileSync(file, "{ not json");
    await expect(startHarness({ port: 0, data: file })).rejects.toThrow(/could not be read as JSON/);
    expect(readFileSync(file, "utf8")).toBe("{ not json");
  });
});
