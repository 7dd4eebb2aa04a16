import { JourneyError } from "./journeyError";

export interface SingleFlight {
  run<T>(key: string, operation: () => Promise<T>): Promise<T>;
  readonly busy: boolean;
}

/**
 * One write at a time: the same operation asked again while it runs (a double click) gets the
 * running one's promise; a different one is refused with "error.busy".
 */
export function singleFlight(): SingleFlight {
  let running: { key: string; promise: Promise<unknown> } | null = null;
  return {
    run<T>(key: string, operation: () => Promise<T>): Promise<T> {
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
    },
    get busy() {
      return running !== null;
    },
  };
}
