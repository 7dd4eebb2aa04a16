/** A response the harness gives instead of (or before) the real one, for the next matching request(s). */
export interface FaultSpec {
  match?: { method?: string; pathContains?: string };
  /** Answer with this HTTP status and a realistic Dataverse error body (or `body`). */
  status?: number;
  /** Seconds, sent as `Retry-After` (429/503). */
  retryAfter?: number;
  /** Replaces the default error body; objects are sent as JSON, strings as they are. */
  body?: unknown;
  /** Close the connection without answering (the request is not carried out). */
  drop?: boolean;
  /** Carry the request out, then close the connection instead of answering: a write is made, its answer lost. */
  dropAnswer?: boolean;
  /** Answer 200 with a truncated JSON body. */
  malformed?: boolean;
  /** Wait this long first (at most MAX_DELAY_MS); alone, the request then proceeds normally. */
  delayMs?: number;
  /** Never answer: the request waits until the client gives up, or a reset or stop closes its connection. */
  hang?: boolean;
  /** How many requests it applies to (default 1). */
  times?: number;
}

export interface QueuedFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** The longest a Node timer waits; a longer delay would fire at once. */
export const MAX_DELAY_MS = 2 ** 31 - 1;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkNonNegative(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0))
    throw new Error(`'${name}' must be a non-negative number.`);
}

function checkFlag(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== "boolean") throw new Error(`'${name}' must be true or false.`);
}

/** Throws unless `value` is absent or a delay a timer can wait; `advice` ends the message. */
export function checkDelay(value: unknown, name: string, advice = ""): void {
  checkNonNegative(value, name);
  if ((value as number) > MAX_DELAY_MS) {
    throw new Error(
      `'${name}' must be at most ${MAX_DELAY_MS} ms (about 24.8 days), the longest a timer can wait${advice}.`,
    );
  }
}

export function checkFaultSpec(input: unknown): FaultSpec {
  if (!isObject(input)) throw new Error("A fault is a JSON object.");
  const spec = input as FaultSpec;
  if (spec.match !== undefined) {
    if (!isObject(spec.match)) throw new Error("'match' must be an object with method and/or pathContains.");
    for (const key of ["method", "pathContains"] as const) {
      if (spec.match[key] !== undefined && typeof spec.match[key] !== "string")
        throw new Error(`'match.${key}' must be a string.`);
    }
  }
  checkNonNegative(spec.status, "status");
  checkNonNegative(spec.retryAfter, "retryAfter");
  checkDelay(spec.delayMs, "delayMs", '; for a request that never answers, use "hang": true');
  checkNonNegative(spec.times, "times");
  checkFlag(spec.drop, "drop");
  checkFlag(spec.dropAnswer, "dropAnswer");
  checkFlag(spec.malformed, "malformed");
  checkFlag(spec.hang, "hang");
  if (spec.status !== undefined && (spec.status < 100 || spec.status > 599))
    throw new Error("'status' must be an HTTP status code.");
  const answers = spec.status !== undefined || spec.drop || spec.malformed || spec.delayMs !== undefined;
  if (spec.hang && (answers || spec.dropAnswer))
    throw new Error("'hang' never answers, so it goes with nothing but match and times.");
  if (spec.dropAnswer && (spec.status !== undefined || spec.drop || spec.malformed))
    throw new Error(
      "'dropAnswer' carries the request out as the org would, so it goes with nothing but match, times and delayMs.",
    );
  if (!spec.hang && !spec.dropAnswer && !answers) {
    throw new Error("A fault needs at least one of status, drop, dropAnswer, malformed, delayMs or hang.");
  }
  return spec;
}

/** Queued faults, consumed in order by the requests they match. */
export class FaultQueue {
  private faults: QueuedFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): QueuedFault {
    const fault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  list(): QueuedFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, counted as used. */
  take(method: string, path: string): QueuedFault | undefined {
    const decoded = safeDecode(path);
    const fault = this.faults.find((f) => {
      if (f.match?.method && f.match.method.toUpperCase() !== method.toUpperCase()) return false;
      const needle = f.match?.pathContains;
      return !needle || path.includes(needle) || decoded.includes(needle);
    });
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface LogEntry {
  method: string;
  path: string;
  /** What the org answered; 0 when the connection was dropped before it did. */
  status: number;
  /** The request was carried out (`status`), then its connection closed instead of answering (`dropAnswer`). */
  answerDropped?: true;
  /** When the request arrived (ISO). */
  time: string;
  durationMs: number;
  fault?: number;
}

/** The most requests of `entries` the server was answering at the same moment (one that ends as another arrives: not both). */
export function mostInFlight(entries: readonly Pick<LogEntry, "time" | "durationMs">[]): number {
  const events = entries.flatMap((entry) => {
    const start = Date.parse(entry.time);
    return [
      { at: start, change: 1 },
      { at: start + entry.durationMs, change: -1 },
    ];
  });
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let current = 0;
  let most = 0;
  for (const { change } of events) most = Math.max(most, (current += change));
  return most;
}
