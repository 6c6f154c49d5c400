/**
 * Polling that fails loudly: a test waiting for something that never happens fails with
 * what it waited for and the last value seen, instead of running on and failing later
 * (or not at all) on a state it did not expect.
 */
export interface WaitOptions {
  /** What is awaited, for the error message ("3 deliveries"); a function is read at the timeout. */
  readonly what: string | (() => string);
  /** Milliseconds before giving up; default 10 s. */
  readonly timeout?: number;
  /** Milliseconds between checks; default 20. */
  readonly interval?: number;
}

export class WaitTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeout: number,
    readonly last: unknown,
  ) {
    super(`timed out after ${timeout} ms waiting for ${what} (last seen: ${describe(last)})`);
    this.name = 'WaitTimeoutError';
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Resolves with the first truthy result of `check` (sync or async), checked at once and then
 * every `interval` ms; rejects with a WaitTimeoutError after `timeout` ms. A check that throws
 * counts as "not yet" (a server still starting refuses connections); the last error is
 * reported on timeout.
 */
export async function waitFor<T>(check: () => T | Promise<T>, options: WaitOptions): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 10_000;
  const interval = options.interval ?? 20;
  const deadline = performance.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (performance.now() >= deadline) {
      throw new WaitTimeoutError(typeof options.what === 'function' ? options.what() : options.what, timeout, last);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Polls an HTTP endpoint until it answers `status`; resolves with that response. */
export function waitForStatus(url: string, status: number, options: Omit<WaitOptions, 'what'> & { what?: string }): Promise<Response> {
  return waitFor(
    async () => {
      const res = await fetch(url);
      if (res.status === status) return res;
      await res.arrayBuffer();
      return undefined;
    },
    { ...options, what: options.what ?? `${url} to answer ${status}` },
  );
}
