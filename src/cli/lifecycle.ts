import type { Logger } from '../log.ts';

/** A running service with an explicit lifecycle; stopped in reverse start order. */
interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

/** The running process: its services, and their shutdown on SIGINT/SIGTERM or /keluar. */
export interface Lifecycle {
  add(name: string, stop: () => Promise<void> | void): void;
  /** True once shutdown began: start-up stops adding services. */
  readonly stopping: boolean;
  shutdown(reason: string): Promise<void>;
  /** Resolves with the exit code once everything has stopped; signal handlers removed. */
  stopped(): Promise<number>;
}

/** Stops the services in reverse order, then `close` (HTTP server, database). */
export function createLifecycle(logger: Logger, close: () => Promise<void>): Lifecycle {
  const services: Service[] = [];
  let stopping = false;
  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    for (const s of [...services].reverse()) {
      try {
        await s.stop();
      } catch (err) {
        logger.warn({ err, service: s.name }, 'service did not stop cleanly');
      }
    }
    await close();
    resolveStopped(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    add: (name, stop) => void services.push({ name, stop }),
    get stopping() {
      return stopping;
    },
    shutdown,
    async stopped() {
      const code = await stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return code;
    },
  };
}
