/**
 * Background work for updates that take long (answering a question): the update's
 * middleware returns at once, so long polling keeps fetching and a webhook is
 * acknowledged quickly, while the work runs here. Tasks of one key (a chat) run in
 * order; at most `concurrency` tasks run at a time overall.
 */
export interface WorkQueue {
  /** Queues fn behind earlier tasks of the same key. Errors go to onError, never further. */
  run(key: string, fn: () => Promise<void>): void;
  /** Tasks queued or running. */
  readonly size: number;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

export function createWorkQueue(o: { concurrency: number; onError: (err: unknown, key: string) => void }): WorkQueue {
  const tails = new Map<string, Promise<void>>();
  const slots: Array<() => void> = [];
  let running = 0;
  let size = 0;
  let idleWaiters: Array<() => void> = [];

  const acquire = async () => {
    if (running < o.concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => slots.push(resolve));
  };
  const release = () => {
    const next = slots.shift();
    if (next) next();
    else running--;
  };

  return {
    run(key, fn) {
      size++;
      const prev = tails.get(key) ?? Promise.resolve();
      const task = prev.then(async () => {
        await acquire();
        try {
          await fn();
        } catch (err) {
          o.onError(err, key);
        } finally {
          release();
        }
      });
      tails.set(key, task);
      void task.finally(() => {
        if (tails.get(key) === task) tails.delete(key);
        size--;
        if (size === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          waiters.forEach((w) => w());
        }
      });
    },
    get size() {
      return size;
    },
    idle() {
      if (size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
