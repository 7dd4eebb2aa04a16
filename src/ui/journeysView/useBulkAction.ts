import { checkAndStore, runBulk, seenSnapshot, type BulkOutcome } from "../../dataverse/bulkRunner";
import type { JourneyError } from "../../dataverse/journeyError";
import type { JourneyService, JourneySnapshot, ServerBusy } from "../../dataverse/journeyService";
import { checkSummary, type StoredCheck } from "../../journey/journeyListRow";
import { useRef, useState } from "../platform";
import type { ListedJourney } from "./datasetRows";
import type { JourneysViewProps } from "./journeysViewProps";

export type BulkActionId = "check" | "stop" | "export";

/** What a row shows of the bulk action that ran on it. */
export type RowResult =
  | { state: "running" }
  | { state: "checked"; check: StoredCheck }
  | { state: "stopped" }
  | { state: "loaded" }
  | { state: "failed"; error: JourneyError }
  | { state: "notRun" };

export interface BulkProgress {
  action: BulkActionId;
  total: number;
  ended: number;
  /** Set once every journey ran, or the run was cancelled and the running ones ended. */
  finished: boolean;
  succeeded: number;
}

/** A row's result; an export's also holds the journey it loaded. */
type TaskResult = RowResult & { snapshot?: JourneySnapshot };
type Task = (journey: ListedJourney, service: JourneyService) => Promise<TaskResult>;

/**
 * Runs a bulk action on journeys (see src/dataverse/bulkRunner: two at a time, cancel stops new starts) and keeps
 * each row's result, and `serverBusy` while any of its journeys' requests waits on throttling (each journey's
 * service tells it). Export hands the journeys it loaded, in the order given, to `onExported`.
 */
export function useBulkAction(props: JourneysViewProps, onExported: (snapshots: JourneySnapshot[]) => void) {
  const [results, setResults] = useState<Readonly<Record<string, RowResult>>>({});
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [serverBusy, setServerBusy] = useState<ServerBusy | null>(null);
  const cancelFlag = useRef({ aborted: false });
  /** The journeys whose request waits on throttling, each with what its service said last. */
  const waiting = useRef(new Map<string, ServerBusy>());
  const busyChanged = (key: string, busy: ServerBusy | null) => {
    if (busy) waiting.current.set(key, busy);
    else if (!waiting.current.delete(key)) return;
    setServerBusy([...waiting.current.values()].pop() ?? null);
  };

  const tasks: Record<BulkActionId, Task> = {
    check: async ({ key }, service) => {
      const outcome = await checkAndStore({ service, webApi: props.webApi }, key);
      return { state: "checked", check: checkSummary(outcome.report) };
    },
    stop: async ({ record }, service) => {
      await service.transition(seenSnapshot(record), "stop");
      return { state: "stopped" };
    },
    export: async ({ key }, service) => ({ state: "loaded", snapshot: await service.load(key) }),
  };
  const run = (action: BulkActionId, journey: ListedJourney) => {
    const service = props.newService();
    const unsubscribe = service.onServerBusy((busy) => busyChanged(journey.key, busy));
    return tasks[action](journey, service).finally(() => {
      unsubscribe();
      busyChanged(journey.key, null);
    });
  };

  const start = async (action: BulkActionId, journeys: readonly ListedJourney[]) => {
    const cancel = (cancelFlag.current = { aborted: false });
    const byKey = new Map(journeys.map((journey) => [journey.key, journey]));
    const tell = (key: string, result: RowResult) => setResults((shown) => ({ ...shown, [key]: result }));
    let ended = 0;
    let succeeded = 0;
    setResults({});
    setProgress({ action, total: byKey.size, ended, finished: false, succeeded });
    const outcomes = await runBulk(
      [...byKey.keys()],
      (key) => run(action, byKey.get(key) as ListedJourney),
      {
        onStart: (key) => tell(key, { state: "running" }),
        onOutcome: (outcome: BulkOutcome<TaskResult>) => {
          ended += 1;
          if ("result" in outcome) succeeded += 1;
          tell(outcome.id, "result" in outcome ? outcome.result : { state: "failed", error: outcome.error });
          setProgress({ action, total: byKey.size, ended, finished: false, succeeded });
        },
      },
      cancel,
    );
    const ran = new Set(outcomes.map((outcome) => outcome.id));
    for (const key of byKey.keys()) if (!ran.has(key)) tell(key, { state: "notRun" });
    setProgress({ action, total: byKey.size, ended, finished: true, succeeded });
    if (action === "export") {
      const loaded = new Map(
        outcomes.flatMap((outcome) => ("result" in outcome ? [[outcome.id, outcome.result]] : [])),
      );
      onExported([...byKey.keys()].flatMap((key) => loaded.get(key)?.snapshot ?? []));
    } else props.dataset.refresh();
  };

  return { results, progress, serverBusy, start, cancel: () => (cancelFlag.current.aborted = true) };
}
