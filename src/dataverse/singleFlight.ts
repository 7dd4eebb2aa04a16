import { JourneyError } from "./journeyError";

/** Runs an operation under a key, one at a time. */
export type SingleFlight = <T>(key: string, operation: () => Promise<T>) => Promise<T>;

/**
 * One write at a time: the same operation asked again while it runs (a double click) gets the
 * running one's promise; a different one is refused with "error.busy".
 */
export function singleFlight(): SingleFlight {
  let running: { key: string; promise: Promise<unknown> } | null = null;
  return <T>(key: string, operation: () => Promise<T>): Promise<T> => {
    if (running) {
      return running.key === key
        ? (running.promise as Promise<T>)
        : Promise.reject(new JourneyError("refused", "error.busy"));
    }
    const promise = Promise.resolve()
      .then(operation)
      .finally(() => {
        if (running?.promise === promise) running = null;
      });
    running = { key, promise };
    return promise;
  };
}
