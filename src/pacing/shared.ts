import type { Db, Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { abortion, createPacer, realSleep, type Pacer, type PacerTime } from './pacer.ts';
import { chatWindow, DEFAULT_MARGIN_MS, globalWindow, nextSlot, record, type PaceLimits } from './window.ts';

export interface SharedPacerOptions extends PacerTime {
  readonly db: Db;
  /** The bot whose limits these are, e.g. `telegram:<bot id>`; every replica uses the same scope. */
  readonly scope: string;
  readonly limits: PaceLimits;
  readonly logger?: Logger;
}

interface WindowRow {
  readonly key: string;
  readonly stamps: number[];
  readonly paused_until: number;
  readonly now: number;
}

/** A slot (database time) or, when the chat's window is full, when to ask again. */
type Reservation = { readonly at: number; readonly now: number } | { readonly retryAt: number; readonly now: number };

/** Rows of chats that sent nothing for a day are dropped now and then. */
const PRUNE_EVERY = 1_000;

/**
 * The windows in the database (table pace_windows), shared by every process on it: a
 * send reserves its slot in a short transaction that locks the bot's row (and the
 * chat's, for a group). Times are the database server's clock unless a clock is
 * injected (tests), so replicas whose clocks disagree share one timeline. Reservations
 * of one process go one at a time, so waiting sends never hold the connections the rest
 * of Pandu needs.
 */
function sharedWindows(o: SharedPacerOptions) {
  const overall = globalWindow(o.limits);
  const clock = o.clock ?? (() => performance.now());
  const injected = o.clock;
  /** The store's "now" as SQL: parameter n when the clock is injected, else the server's clock. */
  const nowSql = (n: number) => (injected ? `$${n}::float8` : 'extract(epoch from clock_timestamp())::float8 * 1000');
  const nowParam = (): number[] => (injected ? [injected()] : []);
  let reservations = 0;
  let tail: Promise<unknown> = Promise.resolve();
  /**
   * Database time minus this process's clock. A reading of the server's clock was taken
   * somewhere between sending the query and reading its answer, so (server now − local
   * time at the answer) never overstates it; the largest such value seen is the closest,
   * and one estimate for every slot keeps the slots' spacing intact.
   */
  let skew = Number.NEGATIVE_INFINITY;

  const lock = (tx: Queryable, keys: string[]) =>
    tx.query<WindowRow>(
      `SELECT key, stamps, paused_until, ${nowSql(2)} AS now FROM pace_windows WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [keys, ...nowParam()],
    );
  const save = (tx: Queryable, key: string, stamps: number[]) =>
    tx.query(`UPDATE pace_windows SET stamps = $2::float8[], updated_at = now() WHERE key = $1`, [key, stamps]);

  async function reserveNow(chatKey: string): Promise<Reservation> {
    const cw = chatWindow(o.limits, chatKey);
    const chatRow = `${o.scope}|${chatKey}`;
    const keys = cw ? [o.scope, chatRow] : [o.scope];
    return o.db.transaction(async (tx) => {
      let rows = await lock(tx, keys);
      if (rows.length < keys.length) {
        await tx.query(`INSERT INTO pace_windows (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, [keys]);
        rows = await lock(tx, keys);
      }
      const g = rows.find((x) => x.key === o.scope)!;
      const c = rows.find((x) => x.key === chatRow);
      const now = g.now;
      if (cw && c) {
        const open = nextSlot(c.stamps, now, cw);
        if (open > now) return { retryAt: open, now };
      }
      const at = Math.max(nextSlot(g.stamps, now, overall), g.paused_until);
      await save(tx, o.scope, record(g.stamps, at, overall));
      if (cw && c) await save(tx, chatRow, record(c.stamps, at, cw));
      return { at, now };
    });
  }

  return {
    /** A slot for `chatKey` (or when to ask again), in database time. */
    reserve(chatKey: string): Promise<Reservation> {
      const r = tail.then(async () => {
        const res = await reserveNow(chatKey);
        skew = Math.max(skew, res.now - clock());
        return res;
      });
      tail = r.catch(() => undefined);
      if (++reservations % PRUNE_EVERY === 0) {
        void o.db
          .query(`DELETE FROM pace_windows WHERE key LIKE $1 AND updated_at < now() - interval '1 day'`, [`${o.scope}|%`])
          .catch((err: unknown) => o.logger?.warn({ err }, 'could not prune old send windows'));
      }
      return r;
    },
    /** A database time on this process's clock. */
    local: (t: number) => (injected ? t : t - skew),
    pause(ms: number) {
      o.db
        .query(`UPDATE pace_windows SET paused_until = greatest(paused_until, ${nowSql(3)} + $2) WHERE key = $1`, [o.scope, ms, ...nowParam()])
        .catch((err: unknown) => o.logger?.warn({ err }, 'could not share a rate-limit pause with the other replicas'));
    },
  };
}

/** A pacer whose windows every replica on this PostgreSQL database shares: reserve a slot, then wait for it here. */
export function createSharedPacer(o: SharedPacerOptions): Pacer {
  const clock = o.clock ?? (() => performance.now());
  const sleep = o.sleep ?? realSleep;
  const windows = sharedWindows(o);
  /** A send later than its slot by more than the window's margin could bunch: it takes a new slot. */
  const lateMs = o.limits.marginMs ?? DEFAULT_MARGIN_MS;
  const waiting: number[] = []; // local deadlines of reserved slots not yet reached
  let pausedUntil = Number.NEGATIVE_INFINITY;

  /** Sleeps until `deadline` (local clock); false when aborted first. */
  async function until(deadline: number, stop: Promise<void>, signal?: AbortSignal): Promise<boolean> {
    const wait = deadline - clock();
    if (wait > 0) await Promise.race([sleep(wait), stop]);
    return !signal?.aborted;
  }

  async function acquireFor(chatKey: string, stop: Promise<void>, signal?: AbortSignal): Promise<number | null> {
    for (;;) {
      const r = await windows.reserve(chatKey);
      if ('retryAt' in r) {
        if (!(await until(windows.local(r.retryAt), stop, signal))) return null;
        continue;
      }
      const deadline = windows.local(r.at);
      waiting.push(deadline);
      const reached = await until(deadline, stop, signal).finally(() => waiting.splice(waiting.indexOf(deadline), 1));
      if (!reached) return null;
      // Woken later than the margin allows (a stall), or a pause came meanwhile: that slot
      // is spent; take a new one rather than send in a burst.
      if (clock() - deadline > lateMs || clock() < pausedUntil) continue;
      return r.at;
    }
  }

  return {
    async acquire(chatKey, signal) {
      if (signal?.aborted) return null;
      const stop = abortion(signal);
      try {
        return await acquireFor(chatKey, stop.promise, signal);
      } finally {
        stop.dispose();
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
      windows.pause(ms);
    },
    async settle() {
      if (waiting.length === 0) return;
      await sleep(Math.max(0, Math.min(...waiting) - clock()) + 4);
    },
  };
}

/**
 * The pacer a bot should use on this database: shared through PostgreSQL, where several
 * replicas may send for the same bot; in this process on the embedded database, which
 * one process owns.
 */
export function pacerFor(o: SharedPacerOptions): Pacer {
  return o.db.kind === 'postgres' ? createSharedPacer(o) : createPacer(o.limits, o);
}
