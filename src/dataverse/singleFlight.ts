import { JourneyError } from "./journeyError";

/**
 * One write at a time: the same operation asked again while it runs (a double click) gets the
 * running one's promise; a different one is refused with "error.busy".
 */
export class SingleFlight {
  private running: { key: string; promise: Promise<unknown> } | null = null;

  run<T>(key: string, operation: () => Promise<T>): Promise<T> {
    if (this.running) {
      if (this.running.key === key) return this.running.promise as Promise<T>;
      return Promise.reject(new JourneyError("refused", "error.busy"));
    }
    const promise = Promise.resolve()
      .then(operation)
      .finally(() => {
        if (this.running?.promise === promise) this.running = null;
      });
    this.running = { key, promise };
    return promise;
  }

  get busy(): boolean {
    return this.running !== null;
  }
}
