import { describe, expect, it } from 'vitest';
import { waitFor, WaitTimeoutError } from './wait.ts';

describe('waitFor', () => {
  it('resolves with the first truthy value of the check', async () => {
    let n = 0;
    await expect(waitFor(() => (++n >= 3 ? n : 0), { what: 'three checks', interval: 1 })).resolves.toBe(3);
  });

  it('fails with what it waited for and the last value once the timeout has passed', async () => {
    const started = performance.now();
    const err = await waitFor(() => 0, { what: 'a delivery', timeout: 100, interval: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as Error).message).toBe('timed out after 100 ms waiting for a delivery (last seen: 0)');
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('treats a throwing check as not yet, and reports its last error', async () => {
    let n = 0;
    const check = () => {
      if (++n < 3) throw new Error('ECONNREFUSED');
      return 'up';
    };
    await expect(waitFor(check, { what: 'the server', interval: 1 })).resolves.toBe('up');
    await expect(waitFor(() => Promise.reject(new Error('ECONNREFUSED')), { what: 'the server', timeout: 30 })).rejects.toThrow(
      /waiting for the server \(last seen: Error: ECONNREFUSED\)/,
    );
  });
});
