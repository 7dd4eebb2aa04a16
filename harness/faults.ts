/** A response the harness gives instead of (or before) the real one, for the next matching request(s). */
export interface FaultSpec {
  match?: { method?: string; pathContains?: string };
  /** Answer with this HTTP status and a realistic Dataverse error body (or `body`). */
  status?: number;
  /** Seconds, sent as `Retry-After` (429/503). */
  retryAfter?: number;
  /** Replaces the default error body; objects are sent as JSON, strings as they are. */
  body?: unknown;
  /** Close the connection without answering. */
  drop?: boolean;
  /** Answer 200 with a truncated JSON body. */
  malformed?: boolean;
  /** Wait this long first; alone, the request then proceeds normally. */
  delayMs?: number;
  /** How many requests it applies to (default 1). */
  times?: number;
}

export interface QueuedFault extends FaultSpec {
  id: number;
  remaining: number;
}

export function checkFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new Error("A fault is a JSON object.");
  const spec = input as FaultSpec;
  const numberOrUndefined = (value: unknown, name: string) => {
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0))
      throw new Error(`'${name}' must be a non-negative number.`);
  };
  numberOrUndefined(spec.status, "status");
  numberOrUndefined(spec.retryAfter, "retryAfter");
  numberOrUndefined(spec.delayMs, "delayMs");
  numberOrUndefined(spec.times, "times");
  if (spec.status !== undefined && (spec.status < 100 || spec.status > 599))
    throw new Error("'status' must be an HTTP status code.");
  if (spec.status === undefined && !spec.drop && !spec.malformed && spec.delayMs === undefined) {
    throw new Error("A fault needs at least one of status, drop, malformed or delayMs.");
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
  /** 0 when the connection was dropped. */
  status: number;
  time: string;
  durationMs: number;
  fault?: number;
}
