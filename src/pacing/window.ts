/**
 * The sliding-window arithmetic every pacer shares, in-process or in the database: a
 * window keeps the release times of its last `limit` sends, in order, and the next send
 * may go at the earliest moment that keeps at most `limit` sends in any `windowMs` and
 * at least `minGapMs` after the previous one. Because the window counts real release
 * times, a stall is made up afterwards without ever exceeding the limit.
 */
export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly minGapMs: number;
}

/** The earliest release time at or after `from` that `stamps` (ascending) allow. */
export function nextSlot(stamps: readonly number[], from: number, w: WindowLimit): number {
  let at = Math.max(from, (stamps.at(-1) ?? Number.NEGATIVE_INFINITY) + w.minGapMs);
  if (stamps.length >= w.limit) at = Math.max(at, stamps[stamps.length - w.limit]! + w.windowMs);
  return at;
}

/** The window after a release at `at`: the last `limit` stamps. */
export function record(stamps: readonly number[], at: number, w: WindowLimit): number[] {
  return [...stamps, at].slice(-w.limit);
}

/**
 * A platform's limits: `ratePerSec` over all chats (a one-second window with a margin
 * against network jitter and a minimum gap so the second is not spent in one burst),
 * and, for the chats `perChat` returns one for, a window per chat.
 */
export interface PaceLimits {
  readonly ratePerSec: number;
  /** Added to the one-second window against jitter between here and the platform. Default 80 ms. */
  readonly marginMs?: number;
  /** Smallest gap between two releases. Default 80 % of the even spacing. */
  readonly minGapMs?: number;
  /** The window of one chat (by key), or null when only the overall rate applies. */
  readonly perChat?: (chatKey: string) => { readonly limit: number; readonly periodMs: number } | null;
}

/** Default margin added to the one-second window against network jitter. */
export const DEFAULT_MARGIN_MS = 80;

/** The overall window of `limits`. */
export function globalWindow(limits: PaceLimits): WindowLimit {
  const limit = Math.max(1, Math.round(limits.ratePerSec));
  return {
    limit,
    windowMs: (1000 * limit) / limits.ratePerSec + (limits.marginMs ?? DEFAULT_MARGIN_MS),
    minGapMs: limits.minGapMs ?? (0.8 * 1000) / limits.ratePerSec,
  };
}

/** The window of one chat, or null. */
export function chatWindow(limits: PaceLimits, chatKey: string): WindowLimit | null {
  const c = limits.perChat?.(chatKey);
  return c ? { limit: c.limit, windowMs: c.periodMs + (limits.marginMs ?? DEFAULT_MARGIN_MS), minGapMs: 0 } : null;
}
