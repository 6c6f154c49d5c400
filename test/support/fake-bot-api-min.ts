import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal fake of the Telegram Bot API for reminder tests and the bench: speaks the
 * real HTTP API (`POST /bot<token>/sendMessage`, JSON in and out) to the real grammY
 * client, and counts what was delivered per chat.
 *
 * Delivery model: a request "reaches Telegram" after `delayMs` (the network and the
 * server are slow). A request whose connection is cut before then (the client process
 * was killed) is never delivered, as with a request that never left the machine. Once
 * delivered, the response is written at once.
 */
export interface FakeBotApiOptions {
  /** Milliseconds before a request is delivered. */
  delayMs?: number;
  /** Enforce at most this many deliveries in any 1-second window; more get 429 retry_after. */
  ratePerSec?: number;
  retryAfterSec?: number;
  /** Chats that blocked or removed the bot (403). */
  blocked?: readonly string[];
  /** Chats that do not exist (400 chat not found). */
  gone?: readonly string[];
}

export interface Delivery {
  readonly chatId: string;
  readonly text: string;
  readonly parseMode: string | undefined;
  readonly at: number;
  readonly messageId: number;
}

export interface FakeBotApi {
  /** For TELEGRAM_API_ROOT / grammY's apiRoot. */
  readonly apiRoot: string;
  readonly deliveries: Delivery[];
  /** Deliveries per chat id. */
  counts(): Map<string, number>;
  /** 429 responses given. */
  rateLimited(): number;
  /** Requests currently waiting (delay or hold). */
  pending(): number;
  /** Requests that arrived, delivered or not. */
  requests(): number;
  /** From now on requests wait at the door until release(); a cut connection drops them. */
  hold(): void;
  release(): void;
  /** The next n requests fail with a 502 (a transient server error). */
  failNext(n: number): void;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const deliveries: Delivery[] = [];
  const window: number[] = [];
  const blocked = new Set(options.blocked ?? []);
  const gone = new Set(options.gone ?? []);
  let delayMs = options.delayMs ?? 0;
  let holding = false;
  let releaseAll: Array<() => void> = [];
  let waiting = 0;
  let arrived = 0;
  let limited = 0;
  let failures = 0;
  let nextId = 1;

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const raw = Buffer.concat(parts).toString('utf8');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  };

  const server = createServer(async (req, res) => {
    arrived++;
    let cut = false;
    const closed = new Promise<void>((resolve) =>
      res.on('close', () => {
        if (!res.writableEnded) cut = true;
        resolve();
      }),
    );
    const method = (req.url ?? '').split('/').pop();
    const body = await readJson(req);
    waiting++;
    try {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      while (holding && !cut) await Promise.race([new Promise<void>((r) => releaseAll.push(r)), closed]);
    } finally {
      waiting--;
    }
    if (cut) return; // never reached Telegram
    if (method !== 'sendMessage') return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const chatId = String(body.chat_id);
    if (failures > 0) {
      failures--;
      return reply(res, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    }
    if (blocked.has(chatId)) {
      return reply(res, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    }
    if (gone.has(chatId)) return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    const now = performance.now();
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    if (options.ratePerSec !== undefined && window.length >= options.ratePerSec) {
      limited++;
      const retryAfter = options.retryAfterSec ?? 1;
      return reply(res, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
    window.push(now);
    const messageId = nextId++;
    deliveries.push({ chatId, text: String(body.text), parseMode: body.parse_mode as string | undefined, at: now, messageId });
    reply(res, 200, {
      ok: true,
      result: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: 'supergroup' }, text: body.text },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    deliveries,
    counts() {
      const m = new Map<string, number>();
      for (const d of deliveries) m.set(d.chatId, (m.get(d.chatId) ?? 0) + 1);
      return m;
    },
    rateLimited: () => limited,
    pending: () => waiting,
    requests: () => arrived,
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const all = releaseAll;
      releaseAll = [];
      all.forEach((r) => r());
    },
    failNext(n) {
      failures += n;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    async close() {
      holding = false;
      releaseAll.forEach((r) => r());
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
