/**
 * Per-user question limit: at most `limit` questions in any `periodMs`. Over the limit
 * the user is told once how long to wait; further questions in the same window are
 * dropped silently so a flood does not turn into a flood of notices.
 */
export interface UserRateLimiter {
  /** ok: go ahead; else notify (first refusal in this window) and seconds to wait. */
  check(userKey: string): { ok: true } | { ok: false; notify: boolean; retryAfterSec: number };
}

export function createUserRateLimiter(o: { limit: number; periodMs: number; clock: () => number }): UserRateLimiter {
  const users = new Map<string, { stamps: number[]; notified: boolean }>();
  let checks = 0;
  return {
    check(userKey) {
      const now = o.clock();
      let u = users.get(userKey);
      if (!u) {
        u = { stamps: [], notified: false };
        users.set(userKey, u);
      }
      while (u.stamps.length > 0 && u.stamps[0]! <= now - o.periodMs) u.stamps.shift();
      if (++checks % 1_000 === 0) {
        for (const [k, v] of users) if (v.stamps.every((t) => t <= now - o.periodMs)) users.delete(k);
      }
      if (u.stamps.length < o.limit) {
        u.stamps.push(now);
        u.notified = false;
        users.set(userKey, u);
        return { ok: true };
      }
      const retryAfterSec = Math.max(1, Math.ceil((u.stamps[0]! + o.periodMs - now) / 1000));
      const notify = !u.notified;
      u.notified = true;
      return { ok: false, notify, retryAfterSec };
    },
  };
}
