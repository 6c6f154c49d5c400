import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, HTTPReceiver, Middleware } from '@slack/bolt';
import type { Queryable } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import { MAX_BODY_BYTES, sendJson } from '../../server/http.ts';

/** Slack signs a timestamp; one more than five minutes ahead is refused like an old one. */
const MAX_CLOCK_SKEW_SEC = 300;

/** Work in flight (requests, digest ticks), so stop() can wait for it. */
export interface Inflight {
  /** Bolt middleware tracking each request until its handlers are done. */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  /** Tracks a promise until it settles; returns it. */
  track<T>(p: Promise<T>): Promise<T>;
  /** Resolves when nothing is in flight. */
  idle(): Promise<void>;
}

export function createInflight(): Inflight {
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    return p.finally(() => inflight.delete(p));
  };
  return {
    middleware: async ({ next }) => {
      await track(next());
    },
    track,
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}

/**
 * Slack retries an event it thinks went unanswered (X-Slack-Retry-Num); the event id is
 * recorded before answering, so a retry (or a second process) never answers twice.
 */
export function dedupeEvents(db: Queryable, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const fresh = await db.query('INSERT INTO inbound_seen (source, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key', [
        'slack',
        eventId,
      ]);
      if (fresh.length === 0) {
        log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already handled');
        return;
      }
    }
    await next();
  };
}

/**
 * POST /slack/events in HTTP mode: refused (503) unless the app is running, guarded
 * against future timestamps and oversized bodies, then handed to Bolt's receiver.
 */
export function eventsListener(receiver: HTTPReceiver, log: Logger, running: () => boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!running()) {
      sendJson(res, 503, { error: 'slack app not running' });
      return;
    }
    // Bolt refuses signed timestamps older than five minutes, not ones in the future; a
    // request signed ahead of time could otherwise be replayed until that time has passed.
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts > Date.now() / 1000 + MAX_CLOCK_SKEW_SEC) {
      log.warn({ skewSec: Math.round(ts - Date.now() / 1000) }, 'slack request timestamp in the future refused');
      sendJson(res, 401, { error: 'invalid request timestamp' });
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
      return;
    }
    receiver.requestListener(req, res);
  };
}
