// The fault matrix of `npm run bench`: every operation of the journey service, over HTTP against the emulated
// org, with each harness fault on one request of it; then whether the run ended and whether the row's status
// on the server matches what the service reported.
import type { FaultSpec } from "../../harness/faults";
import type { JourneyError } from "../../src/dataverse/journeyError";

const OPERATIONS = ["open", "check", "go live", "stop", "delete"] as const;
type Operation = (typeof OPERATIONS)[number];

const FAULTS: Record<string, FaultSpec> = {
  "429 Retry-After 1 s": { status: 429, retryAfter: 1 },
  "429 without Retry-After": { status: 429 },
  "500": { status: 500 },
  "503 Retry-After 1 s": { status: 503, retryAfter: 1 },
  "401": { status: 401 },
  "403": { status: 403 },
  "404": { status: 404 },
  "412": { status: 412 },
  "dropped connection": { drop: true },
  "malformed body": { malformed: true },
  "delay 1 s": { delayMs: 1_000 },
  hang: { hang: true },
};

/** Waits of the service (back-off, poll spacing) pass 20× faster; its clock moves on by what was skipped. */
const SPEED_UP = 20;
/** A run that has not ended by then counts as hung: the request timeouts are 30 s (read) and 60 s (write). */
const RUN_LIMIT_MS = { fault: 30_000, hang: 90_000 };

interface RunResult {
  operation: Operation;
  fault: string;
  ended: boolean;
  matching: boolean;
  /** What the service reported and what the server holds, for a mismatch. */
  detail: string;
  ms: number;
}

type Reported =
  | { kind: "status"; status: number }
  | { kind: "deleted" }
  | { kind: "unchanged" }
  | { kind: "error"; error: JourneyError };

export async function faultMatrix(rootDir: string): Promise<unknown> {
  const names = Object.keys(FAULTS);
  const pairs = OPERATIONS.flatMap((operation) => names.map((fault) => ({ operation, fault })));
  // A hang lasts as long as the request timeout: those runs go side by side, each with its own org.
  const hangs = Promise.all(pairs.filter((p) => p.fault === "hang").map((p) => runOne(rootDir, p.operation, p.fault)));
  const others: RunResult[] = [];
  for (const p of pairs.filter((pair) => pair.fault !== "hang"))
    others.push(await runOne(rootDir, p.operation, p.fault));
  const results = [...others, ...(await hangs)];
  const hangMs = results.filter((r) => r.fault === "hang").map((r) => r.ms);
  return {
    operations: OPERATIONS.length,
    faults: names.length,
    runs: results.length,
    clear: results.filter((r) => r.ended && r.matching).length,
    longestHangMs: Math.max(...hangMs),
    mismatches: results.filter((r) => !(r.ended && r.matching)).map((r) => `${r.operation} × ${r.fault}: ${r.detail}`),
  };
}

async function runOne(rootDir: string, operation: Operation, fault: string): Promise<RunResult> {
  const { startHarness } = await import("../../harness/server");
  const { SEED_IDS } = await import("../../harness/seed/seedData");
  const { createWebApiClient } = await import("../../harness/xrm/webApiClient");
  const { createJourneyService } = await import("../../src/dataverse/journeyService");
  const { createIfMatchWrites } = await import("../../src/dataverse/ifMatchWrites");
  const { isJourneyError } = await import("../../src/dataverse/journeyError");
  const { VALIDATE_ACTION_NAME } = await import("../../src/journey/validateRequest");

  const harness = await startHarness({ port: 0, goLiveDelayMs: 300, rootDir });
  const base = `${harness.url}/api/data/v9.2/`;
  let skippedMs = 0;
  const service = createJourneyService({
    webApi: { ...createWebApiClient({ baseUrl: base }), ifMatch: createIfMatchWrites(harness.url) },
    now: () => new Date(Date.now() + skippedMs),
    timing: {
      sleep: (ms) => {
        skippedMs += ms - ms / SPEED_UP;
        return new Promise((resolve) => setTimeout(resolve, ms / SPEED_UP));
      },
      random: Math.random,
    },
  });
  const inject = async (match: FaultSpec["match"]) => {
    const added = await fetch(`${harness.url}/_harness/faults`, {
      method: "POST",
      body: JSON.stringify({ ...FAULTS[fault], match }),
    });
    if (!added.ok) throw new Error(`the harness refused the fault ${fault}: HTTP ${added.status}`);
  };
  /** The row's status as the server holds it, read past any fault left queued; null once deleted. */
  const serverStatus = async (id: string): Promise<number | null> => {
    await fetch(`${harness.url}/_harness/faults`, { method: "DELETE" });
    const response = await fetch(`${base}msdyncrm_customerjourneys(${id})?$select=statuscode`);
    if (response.status === 404) return null;
    return ((await response.json()) as { statuscode: number }).statuscode;
  };
  const journeyGet = { method: "GET", pathContains: "msdyncrm_customerjourneys" };

  try {
    // What each operation starts from, made before the fault is queued.
    const id =
      operation === "stop"
        ? SEED_IDS.journeys.live
        : operation === "delete"
          ? (await service.copy(await service.load(SEED_IDS.journeys.seedPatch), "Copy of {0}")).id
          : SEED_IDS.journeys.seedPatch;
    const before = await serverStatus(id);
    const snapshot = operation === "open" ? undefined : await service.load(id);

    const act = async (): Promise<Reported> => {
      switch (operation) {
        case "open":
          await inject(journeyGet);
          return { kind: "status", status: (await service.load(id)).status };
        case "check":
          await inject({ method: "POST", pathContains: VALIDATE_ACTION_NAME });
          await service.check(snapshot!.record);
          return { kind: "unchanged" };
        case "go live":
        case "stop": {
          const outcome = await service.transition(snapshot!, operation === "stop" ? "stop" : "goLive", {
            confirmWarnings: async () => true,
          });
          if (!outcome.done) throw new Error(`${operation} was refused (${outcome.reason}) before any fault`);
          await inject(journeyGet);
          return { kind: "status", status: (await service.waitUntilSettled(id)).status };
        }
        case "delete":
          await inject({ method: "DELETE" });
          await service.delete(snapshot!);
          return { kind: "deleted" };
      }
    };

    const started = Date.now();
    const ended = await withinLimit(act(), RUN_LIMIT_MS[fault === "hang" ? "hang" : "fault"], isJourneyError);
    const ms = Date.now() - started;
    if (typeof ended === "string") return { operation, fault, ended: false, matching: false, detail: ended, ms };
    const after = await serverStatus(id);
    const { matching, said } = matches(ended, before, after);
    const detail = `service said ${said}, server has ${after ?? "no row"}`;
    return { operation, fault, ended: true, matching, detail, ms };
  } finally {
    await harness.stop();
  }
}

/** Whether the server's row (`after`; null: deleted) agrees with what the service reported. */
function matches(reported: Reported, before: number | null, after: number | null): { matching: boolean; said: string } {
  switch (reported.kind) {
    case "status":
      return { matching: after === reported.status, said: `status ${reported.status}` };
    case "unchanged":
      return { matching: after === before, said: "nothing changed" };
    case "deleted":
      return { matching: after === null, said: "deleted" };
    case "error": {
      const { kind, messageKey } = reported.error;
      const said = `${kind} (${messageKey})`;
      // "The status change was made, but…": the row must have moved on.
      if (messageKey.startsWith("error.follow")) return { matching: after !== before, said };
      // "…may or may not have been made": either is what the user was told.
      if (messageKey === "error.writeTimeout") return { matching: true, said };
      return { matching: after === before, said };
    }
  }
}

/** What `work` reported, or why the run did not end clear: still running at `limitMs`, or a rejection that is no JourneyError. */
async function withinLimit(
  work: Promise<Reported>,
  limitMs: number,
  isJourneyError: (value: unknown) => value is JourneyError,
): Promise<Reported | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`did not end within ${limitMs / 1000} s`), limitMs);
  });
  const settled = work.then(
    (reported) => reported,
    (error: unknown) => (isJourneyError(error) ? { kind: "error" as const, error } : `rejected with ${String(error)}`),
  );
  return Promise.race([settled, limit]).finally(() => clearTimeout(timer));
}
