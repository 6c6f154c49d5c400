import type { Queryable } from '../../db/index.ts';

/**
 * Login throttling in the database (so it holds across processes and restarts). Ten wrong
 * passwords for one name within 15 minutes (fifty from one address) slow that name (or
 * address) down: each further attempt waits 30 s, doubling up to 15 minutes. Waiting
 * attempts are refused before the password is checked. A successful login clears its name.
 */
export const THROTTLE = {
  nameLimit: 10,
  addressLimit: 50,
  windowMs: 15 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
} as const;

export const nameKey = (name: string) => `nama:${name.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** Milliseconds the caller must still wait (0: may try now). */
export async function waitMs(db: Queryable, keys: readonly string[], now: Date): Promise<number> {
  const rows = await db.query<{ until: Date | null }>('SELECT blocked_until AS until FROM console_login_throttle WHERE key = ANY($1::text[])', [
    [...keys],
  ]);
  const until = Math.max(0, ...rows.map((r) => (r.until ? new Date(r.until).getTime() : 0)));
  return Math.max(0, until - now.getTime());
}

/** Counts a wrong password against each key; past its limit, the key waits. */
export async function recordFailure(db: Queryable, keys: readonly { key: string; limit: number }[], now: Date): Promise<void> {
  for (const { key, limit } of keys) {
    await db.query(
      `INSERT INTO console_login_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN console_login_throttle.last_failure_at < $3 THEN 1 ELSE console_login_throttle.failures + 1 END,
         last_failure_at = EXCLUDED.last_failure_at`,
      [key, now.toISOString(), new Date(now.getTime() - THROTTLE.windowMs).toISOString()],
    );
    const [row] = await db.query<{ failures: number }>('SELECT failures FROM console_login_throttle WHERE key = $1', [key]);
    const over = (row?.failures ?? 0) - limit;
    if (over >= 0) {
      const delay = Math.min(THROTTLE.baseDelayMs * 2 ** Math.min(over, 20), THROTTLE.maxDelayMs);
      await db.query('UPDATE console_login_throttle SET blocked_until = $2 WHERE key = $1', [key, new Date(now.getTime() + delay).toISOString()]);
    }
  }
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM console_login_throttle WHERE key = $1', [key]);
}
