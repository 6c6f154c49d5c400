import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { entitiesOf, parseTelegramHtml } from './telegram-html.ts';

export { parseTelegramHtml } from './telegram-html.ts';

/**
 * A fake Telegram Bot API server on 127.0.0.1 for the real grammY client. It speaks the
 * HTTP API (`POST /bot<token>/<method>`, JSON in and out) and implements what Pandu
 * uses, with Telegram's semantics where they matter:
 * - getUpdates long polling: `timeout` seconds of waiting, `offset` confirming earlier
 *   updates (they are never sent again), one poller at a time (409 for the older one),
 *   409 while a webhook is set;
 * - setWebhook/deleteWebhook: with a webhook set, updates are POSTed to it with the
 *   X-Telegram-Bot-Api-Secret-Token header and retried on a non-2xx answer;
 * - sendMessage with HTML parse mode validated like Telegram (supported tags, nesting,
 *   4096 characters after parsing), callback_data of 1-64 bytes, replies;
 * - editMessageText/editMessageReplyMarkup ("message is not modified" when identical),
 *   answerCallbackQuery (once per query), sendChatAction, setMyCommands, getChatMember.
 * Every call is recorded. Tests push updates, inject errors (429 with retry_after, 403
 * blocked, 400 chat not found, 5xx) and delays.
 *
 * For reminder delivery (tests and bench:reminders) it also models the network: a request
 * "reaches Telegram" only after its delay and while not held; one whose connection is cut
 * before then (the sending process was killed) is never delivered. `ratePerSec` enforces a
 * flood limit on sends (429 with retry_after), and `deliveries` lists what reached a chat.
 */

// Payloads and results are Bot API JSON; tests read their fields freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary Bot API JSON in tests
export type Json = Record<string, any>;

export interface FakeUser {
  readonly id: number;
  readonly first_name: string;
  readonly last_name?: string;
  readonly username?: string;
  readonly is_bot?: boolean;
}

export type FakeChat =
  | { readonly id: number; readonly type: 'private'; readonly first_name: string; readonly username?: string }
  | { readonly id: number; readonly type: 'group' | 'supergroup'; readonly title: string; readonly is_forum?: boolean };

export interface ApiCall {
  readonly seq: number;
  readonly method: string;
  readonly payload: Json;
  /** performance.now() when the request arrived. */
  readonly at: number;
  /** HTTP status of the answer; undefined while in progress or cut. */
  status?: number;
  description?: string;
  /** performance.now() when answered. */
  doneAt?: number;
}

export interface StoredMessage {
  readonly chatId: number;
  readonly messageId: number;
  readonly from: FakeUser;
  /** Text as users see it (tags removed, entities decoded). */
  text: string;
  /** The HTML as sent, when parse_mode was HTML. */
  html?: string;
  markup?: Json;
  readonly replyTo?: number;
  readonly threadId?: number;
  readonly date: number;
  edits: number;
}

export interface InjectedError {
  readonly method: string;
  readonly chatId?: number | string;
  /** How many calls fail (default 1). */
  times?: number;
  readonly error_code: number;
  readonly description: string;
  readonly retry_after?: number;
}

/** A message that reached a chat (sendMessage answered 200), with the text as sent. */
export interface Delivery {
  readonly chatId: string;
  readonly text: string;
  readonly parseMode: string | undefined;
  /** performance.now() when delivered. */
  readonly at: number;
  readonly messageId: number;
}

export interface FakeTelegramOptions {
  readonly token?: string;
  /** At most this many sends in any 1-second window; more get 429 with retry_after. */
  readonly ratePerSec?: number;
  /** The retry_after of a flood-limit 429 (default 1 s). */
  readonly retryAfterSec?: number;
  readonly bot?: FakeUser;
  /** Milliseconds before a failed webhook delivery is tried again. */
  readonly webhookRetryMs?: number;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: FakeUser & { readonly username: string };
  readonly calls: ApiCall[];
  /** Completed calls of a method (optionally to one chat). */
  callsTo(method: string, chatId?: number): ApiCall[];
  /** Messages the bot sent (current state after edits), optionally in one chat. */
  sent(chatId?: number): StoredMessage[];
  message(chatId: number, messageId: number): StoredMessage | undefined;
  readonly webhook: { readonly url: string; readonly secret?: string } | null;
  readonly commands: Json[];
  /** Messages that reached a chat, in delivery order. */
  readonly deliveries: Delivery[];
  /** Deliveries per chat id. */
  counts(): Map<string, number>;
  /** Sends refused by the `ratePerSec` flood limit. */
  rateLimited(): number;
  /** Requests waiting in a delay or a hold. */
  pending(): number;
  /** Requests that arrived, answered or not. */
  requests(): number;
  /** From now on requests wait at the door until release(); a cut connection drops them. */
  hold(): void;
  release(): void;
  /** Highest update id confirmed by getUpdates offset (polling). */
  readonly confirmed: number;
  /** Update ids a webhook answered with 2xx, in order. */
  readonly delivered: ReadonlySet<number>;

  setMember(chatId: number, userId: number, status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked'): void;
  fail(error: InjectedError): void;
  /** The bot was blocked or removed: 403 on every send to this chat (the description may say which). */
  block(chatId: number | string, description?: string): void;
  /** 400 chat not found on every send to this chat. */
  gone(chatId: number | string): void;
  delay(method: string, ms: number): void;

  /** Queues an update (a fresh update_id unless given) for getUpdates or the webhook. */
  push(update: Json): number;
  /** A user writes in a chat; mentions and a leading command become entities. */
  text(chat: FakeChat, from: FakeUser, text: string, o?: { replyTo?: number; threadId?: number }): { updateId: number; messageId: number };
  /** A user taps an inline button under a bot message. */
  tap(chat: FakeChat, from: FakeUser, messageId: number, data: string): { updateId: number; queryId: string };
  /** The bot's membership in a chat changed (added, removed, blocked). */
  membership(chat: FakeChat, from: FakeUser, oldStatus: string, newStatus: string): number;

  /** Resolves with the first completed call matching pred (already made or future). */
  waitForCall(pred: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** Resolves when `count` completed calls match pred. */
  waitForCalls(pred: (c: ApiCall) => boolean, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  /** Resolves once the update is confirmed: the bot polled past it, or the webhook took it. */
  waitConfirmed(updateId: number, timeoutMs?: number): Promise<void>;
  /** Most sends (message-posting calls answered 200) in any window of windowMs, overall or per chat. */
  maxSends(windowMs: number, chatId?: number): number;
  close(): Promise<void>;
}

const SENDS = /^(send(?!ChatAction$)\w+|copyMessages?|forwardMessages?)$/;
const NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? '123456:UJI-token_pandu';
  const bot = { id: 123456, is_bot: true, first_name: 'Pandu', username: 'pandu_uji_bot', ...options.bot } as FakeUser & { username: string };
  const calls: ApiCall[] = [];
  const messages = new Map<string, StoredMessage>();
  const messageCounters = new Map<number, number>();
  const members = new Map<string, string>();
  const injected: InjectedError[] = [];
  const blocked = new Map<string, string>();
  const deliveries: Delivery[] = [];
  const sendWindow: number[] = [];
  let holding = false;
  let releaseAll: Array<() => void> = [];
  let waiting = 0;
  let limited = 0;
  const gone = new Set<string>();
  const delays = new Map<string, number>();
  const queries = new Map<string, { answered: boolean; answer?: Json }>();
  const pending: Json[] = [];
  let commands: Json[] = [];
  let webhook: { url: string; secret?: string } | null = null;
  let confirmed = 0;
  const delivered = new Set<number>();
  let nextUpdateId = 1000;
  let nextQueryId = 1;
  let seq = 0;
  let poller: { res: ServerResponse; offset: number; limit: number; timer: NodeJS.Timeout } | null = null;
  const listeners = new Set<() => void>();
  const inflightWebhooks = new Set<Promise<void>>();
  let closed = false;

  const notify = () => [...listeners].forEach((l) => l());
  const key = (chatId: number | string, messageId: number) => `${chatId}/${messageId}`;
  const nextMessageId = (chatId: number) => {
    const n = (messageCounters.get(chatId) ?? 0) + 1;
    messageCounters.set(chatId, n);
    return n;
  };
  const chatObject = (chatId: number): Json =>
    chatId < 0 ? { id: chatId, type: 'supergroup', title: `Grup ${chatId}` } : { id: chatId, type: 'private', first_name: `Pengguna ${chatId}` };
  const messageObject = (m: StoredMessage, withReply = true): Json => ({
    message_id: m.messageId,
    date: m.date,
    chat: chatObject(m.chatId),
    from: m.from,
    text: m.text,
    ...(m.markup ? { reply_markup: m.markup } : {}),
    ...(m.threadId ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
    ...(withReply && m.replyTo !== undefined && messages.get(key(m.chatId, m.replyTo))
      ? { reply_to_message: messageObject(messages.get(key(m.chatId, m.replyTo))!, false) }
      : {}),
  });

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const readPayload = async (req: IncomingMessage, url: URL): Promise<Json> => {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const raw = Buffer.concat(parts).toString('utf8');
    const payload: Json = Object.fromEntries(url.searchParams);
    if (!raw) return payload;
    const type = req.headers['content-type'] ?? '';
    if (type.includes('application/json')) return { ...payload, ...(JSON.parse(raw) as Json) };
    if (type.includes('x-www-form-urlencoded')) return { ...payload, ...Object.fromEntries(new URLSearchParams(raw)) };
    throw new ApiFailure(400, 'Bad Request: unsupported content type in the fake');
  };

  const checkMarkup = (markup: unknown) => {
    const rows = (markup as Json | undefined)?.inline_keyboard as Json[][] | undefined;
    if (!rows) return;
    for (const row of rows) {
      for (const b of row) {
        if (typeof b.text !== 'string' || b.text === '') throw new ApiFailure(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
        if (b.callback_data !== undefined) {
          const n = Buffer.byteLength(String(b.callback_data));
          if (n < 1 || n > 64) throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
  };
  const renderText = (p: Json): { text: string; html?: string } => {
    const raw = String(p.text ?? '');
    let text = raw;
    let html: string | undefined;
    if (String(p.parse_mode ?? '').toLowerCase() === 'html') {
      const parsed = parseTelegramHtml(raw);
      if (!parsed.ok) throw new ApiFailure(400, parsed.description);
      text = parsed.text;
      html = raw;
    }
    if (text.trim() === '') throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (text.length > 4096) throw new ApiFailure(400, 'Bad Request: message is too long');
    return { text, html };
  };
  /** The flood limit: at most ratePerSec sends in any second. */
  const admitSend = () => {
    const now = performance.now();
    while (sendWindow.length > 0 && sendWindow[0]! <= now - 1000) sendWindow.shift();
    if (options.ratePerSec !== undefined && sendWindow.length >= options.ratePerSec) {
      limited++;
      const retryAfter = options.retryAfterSec ?? 1;
      throw new ApiFailure(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    sendWindow.push(now);
    return now;
  };
  const ensureReachable = (chatId: string) => {
    const block = blocked.get(chatId);
    if (block !== undefined) throw new ApiFailure(403, block);
    if (gone.has(chatId)) throw new ApiFailure(400, 'Bad Request: chat not found');
  };

  // ---- getUpdates -------------------------------------------------------------------
  const confirmUpTo = (id: number) => {
    if (id > confirmed) {
      confirmed = id;
      notify();
    }
    while (pending.length > 0 && (pending[0]!.update_id as number) <= id) pending.shift();
  };
  const available = (offset: number, limit: number) => pending.filter((u) => (u.update_id as number) >= offset).slice(0, limit);
  const servePoller = () => {
    if (!poller) return;
    const ready = available(poller.offset, poller.limit);
    if (ready.length === 0) return;
    const p = poller;
    poller = null;
    clearTimeout(p.timer);
    reply(p.res, 200, { ok: true, result: ready });
  };
  const getUpdates = (p: Json, res: ServerResponse): boolean => {
    if (webhook) {
      throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = Number(p.offset ?? 0);
    if (offset > 0) confirmUpTo(offset - 1);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Math.max(0, Number(p.timeout ?? 0));
    if (poller) {
      const old = poller;
      poller = null;
      clearTimeout(old.timer);
      reply(old.res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    }
    const ready = available(offset, limit);
    if (ready.length > 0 || timeout === 0) {
      reply(res, 200, { ok: true, result: ready });
      return true;
    }
    const timer = setTimeout(() => {
      if (poller?.res === res) poller = null;
      reply(res, 200, { ok: true, result: [] });
    }, timeout * 1000);
    poller = { res, offset, limit, timer };
    res.on('close', () => {
      if (poller?.res === res) {
        clearTimeout(poller.timer);
        poller = null;
      }
    });
    return false;
  };

  // ---- webhook delivery -----------------------------------------------------------
  const deliver = (update: Json, attempt = 1) => {
    const hook = webhook;
    if (!hook || closed) return;
    const task = (async () => {
      let status = 0;
      try {
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(hook.secret ? { 'x-telegram-bot-api-secret-token': hook.secret } : {}) },
          body: JSON.stringify(update),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      if (status >= 200 && status < 300) {
        const i = pending.indexOf(update);
        if (i !== -1) pending.splice(i, 1);
        delivered.add(update.update_id as number);
        notify();
      } else if (attempt < 20 && !closed) {
        setTimeout(() => deliver(update, attempt + 1), options.webhookRetryMs ?? 100);
      }
    })();
    inflightWebhooks.add(task);
    void task.finally(() => inflightWebhooks.delete(task));
  };

  // ---- methods ----------------------------------------------------------------------
  const methods: Record<string, (p: Json, res: ServerResponse) => unknown> = {
    getMe: () => bot,
    getUpdates: () => undefined, // handled separately (long polling)
    setWebhook: (p) => {
      webhook = { url: String(p.url), secret: p.secret_token ? String(p.secret_token) : undefined };
      if (poller) {
        const old = poller;
        poller = null;
        clearTimeout(old.timer);
        reply(old.res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by setWebhook request' });
      }
      for (const u of [...pending]) deliver(u);
      return true;
    },
    deleteWebhook: (p) => {
      webhook = null;
      if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') pending.length = 0;
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: pending.length }),
    setMyCommands: (p) => {
      const list = (typeof p.commands === 'string' ? JSON.parse(p.commands) : p.commands) as Json[];
      for (const c of list) {
        if (!/^[a-z0-9_]{1,32}$/.test(String(c.command))) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_INVALID');
        const d = String(c.description ?? '');
        if (d.length < 1 || d.length > 256) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
      }
      commands = list;
      return true;
    },
    getMyCommands: () => commands,
    getChatMember: (p) => {
      const status = members.get(`${p.chat_id}/${p.user_id}`) ?? 'member';
      return { status, user: { id: Number(p.user_id), is_bot: false, first_name: `Pengguna ${p.user_id}` } };
    },
    sendChatAction: (p) => {
      ensureReachable(String(p.chat_id));
      return true;
    },
    sendMessage: (p) => {
      const chatId = Number(p.chat_id);
      ensureReachable(String(p.chat_id));
      checkMarkup(p.reply_markup);
      const { text, html } = renderText(p);
      const replyTo = (p.reply_parameters as Json | undefined)?.message_id ?? p.reply_to_message_id;
      if (replyTo !== undefined && !messages.has(key(chatId, Number(replyTo)))) {
        const allow = (p.reply_parameters as Json | undefined)?.allow_sending_without_reply === true;
        if (!allow) throw new ApiFailure(400, 'Bad Request: message to be replied not found');
      }
      const at = admitSend();
      const m: StoredMessage = {
        chatId,
        messageId: nextMessageId(chatId),
        from: bot,
        text,
        html,
        markup: p.reply_markup as Json | undefined,
        replyTo: replyTo === undefined ? undefined : Number(replyTo),
        threadId: p.message_thread_id === undefined ? undefined : Number(p.message_thread_id),
        date: Math.floor(Date.now() / 1000),
        edits: 0,
      };
      messages.set(key(chatId, m.messageId), m);
      deliveries.push({ chatId: String(p.chat_id), text: String(p.text), parseMode: p.parse_mode as string | undefined, at, messageId: m.messageId });
      return messageObject(m);
    },
    editMessageText: (p) => {
      const m = messages.get(key(Number(p.chat_id), Number(p.message_id)));
      if (!m || m.from.id !== bot.id) throw new ApiFailure(400, 'Bad Request: message to edit not found');
      checkMarkup(p.reply_markup);
      const { text, html } = renderText(p);
      const markup = p.reply_markup as Json | undefined;
      if ((html ?? text) === (m.html ?? m.text) && JSON.stringify(markup ?? null) === JSON.stringify(m.markup ?? null)) {
        throw new ApiFailure(400, NOT_MODIFIED);
      }
      Object.assign(m, { text, html, markup, edits: m.edits + 1 });
      return messageObject(m);
    },
    editMessageReplyMarkup: (p) => {
      const m = messages.get(key(Number(p.chat_id), Number(p.message_id)));
      if (!m || m.from.id !== bot.id) throw new ApiFailure(400, 'Bad Request: message to edit not found');
      checkMarkup(p.reply_markup);
      const markup = p.reply_markup as Json | undefined;
      if (JSON.stringify(markup ?? null) === JSON.stringify(m.markup ?? null)) throw new ApiFailure(400, NOT_MODIFIED);
      Object.assign(m, { markup, edits: m.edits + 1 });
      return messageObject(m);
    },
    answerCallbackQuery: (p) => {
      const q = queries.get(String(p.callback_query_id));
      if (!q || q.answered) throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      q.answered = true;
      q.answer = p;
      return true;
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      if (m[1] !== token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = m[2]!;
      const call: ApiCall = { seq: ++seq, method, payload: {}, at: performance.now() };
      calls.push(call);
      let cut = false;
      const disconnected = new Promise<void>((resolve) =>
        res.on('close', () => {
          if (!res.writableEnded) cut = true;
          resolve();
        }),
      );
      const finish = (status: number, description?: string) => {
        call.status = status;
        call.description = description;
        call.doneAt = performance.now();
        notify();
      };
      try {
        Object.assign(call, { payload: await readPayload(req, url) });
        waiting++;
        try {
          const wait = delays.get(method) ?? 0;
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          while (holding && !cut) await Promise.race([new Promise<void>((r) => releaseAll.push(r)), disconnected]);
        } finally {
          waiting--;
        }
        if (cut) return; // the connection was cut before the request reached Telegram
        const chatId = call.payload.chat_id === undefined ? undefined : String(call.payload.chat_id);
        const fault = injected.find((f) => f.method === method && (f.chatId === undefined || String(f.chatId) === chatId));
        if (fault) {
          fault.times = (fault.times ?? 1) - 1;
          if (fault.times <= 0) injected.splice(injected.indexOf(fault), 1);
          throw new ApiFailure(fault.error_code, fault.description, fault.retry_after !== undefined ? { retry_after: fault.retry_after } : undefined);
        }
        const handler = methods[method];
        if (!handler) throw new ApiFailure(404, 'Not Found: method not found');
        if (method === 'getUpdates') {
          res.on('finish', () => finish(res.statusCode));
          getUpdates(call.payload, res);
          return;
        }
        const result = handler(call.payload, res);
        reply(res, 200, { ok: true, result });
        finish(200);
      } catch (err) {
        const f = err instanceof ApiFailure ? err : new ApiFailure(500, `Internal Server Error: ${(err as Error).message}`);
        reply(res, f.status, { ok: false, error_code: f.status, description: f.description, ...(f.parameters ? { parameters: f.parameters } : {}) });
        finish(f.status, f.description);
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`fake Telegram: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const listener = () => {
        const v = check();
        if (v === undefined) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(v);
      };
      listeners.add(listener);
    });

  const push = (update: Json): number => {
    const u = { ...update, update_id: update.update_id ?? ++nextUpdateId };
    if ((u.update_id as number) > nextUpdateId) nextUpdateId = u.update_id as number;
    pending.push(u);
    if (webhook) deliver(u);
    else servePoller();
    return u.update_id as number;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsTo: (method, chatId) =>
      calls.filter((c) => c.method === method && c.status !== undefined && (chatId === undefined || Number(c.payload.chat_id) === chatId)),
    sent: (chatId) => [...messages.values()].filter((m) => m.from.id === bot.id && (chatId === undefined || m.chatId === chatId)),
    message: (chatId, messageId) => messages.get(key(chatId, messageId)),
    get webhook() {
      return webhook;
    },
    get commands() {
      return commands;
    },
    get confirmed() {
      return confirmed;
    },
    delivered,
    deliveries,
    counts() {
      const m = new Map<string, number>();
      for (const d of deliveries) m.set(d.chatId, (m.get(d.chatId) ?? 0) + 1);
      return m;
    },
    rateLimited: () => limited,
    pending: () => waiting,
    requests: () => calls.length,
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const all = releaseAll;
      releaseAll = [];
      all.forEach((r) => r());
    },
    setMember(chatId, userId, status) {
      members.set(`${chatId}/${userId}`, status);
    },
    fail(error) {
      injected.push({ ...error, times: error.times ?? 1 });
    },
    block(chatId, description = 'Forbidden: bot was blocked by the user') {
      blocked.set(String(chatId), description);
    },
    gone(chatId) {
      gone.add(String(chatId));
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    push,
    text(chat, from, text, o = {}) {
      const messageId = nextMessageId(chat.id);
      const stored: StoredMessage = {
        chatId: chat.id,
        messageId,
        from,
        text,
        replyTo: o.replyTo,
        threadId: o.threadId,
        date: Math.floor(Date.now() / 1000),
        edits: 0,
      };
      messages.set(key(chat.id, messageId), stored);
      const entities = entitiesOf(text);
      const message: Json = {
        ...messageObject(stored),
        chat,
        from: { is_bot: false, ...from },
        ...(entities.length > 0 ? { entities } : {}),
      };
      return { updateId: push({ message }), messageId };
    },
    tap(chat, from, messageId, data) {
      const m = messages.get(key(chat.id, messageId));
      if (!m) throw new Error(`fake Telegram: no message ${messageId} in chat ${chat.id}`);
      const queryId = `q${nextQueryId++}`;
      queries.set(queryId, { answered: false });
      const updateId = push({
        callback_query: {
          id: queryId,
          from: { is_bot: false, ...from },
          chat_instance: `ci${chat.id}`,
          data,
          message: { ...messageObject(m), chat },
        },
      });
      return { updateId, queryId };
    },
    membership(chat, from, oldStatus, newStatus) {
      return push({
        my_chat_member: {
          chat,
          from: { is_bot: false, ...from },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { status: oldStatus, user: bot },
          new_chat_member: { status: newStatus, user: bot },
        },
      });
    },
    waitForCall(pred, timeoutMs = 10_000) {
      return waitUntil(() => calls.find((c) => c.status !== undefined && pred(c)), timeoutMs, 'a matching call');
    },
    waitForCalls(pred, count, timeoutMs = 10_000) {
      return waitUntil(
        () => {
          const found = calls.filter((c) => c.status !== undefined && pred(c));
          return found.length >= count ? found : undefined;
        },
        timeoutMs,
        `${count} matching calls`,
      );
    },
    waitConfirmed(updateId, timeoutMs = 10_000) {
      return waitUntil(() => (confirmed >= updateId || delivered.has(updateId) ? true : undefined), timeoutMs, `confirmation of update ${updateId}`).then(
        () => undefined,
      );
    },
    maxSends(windowMs, chatId) {
      const times = calls
        .filter((c) => SENDS.test(c.method) && c.status === 200 && (chatId === undefined || Number(c.payload.chat_id) === chatId))
        .map((c) => c.at)
        .sort((a, b) => a - b);
      let best = 0;
      let lo = 0;
      for (let hi = 0; hi < times.length; hi++) {
        while (times[hi]! - times[lo]! >= windowMs) lo++;
        best = Math.max(best, hi - lo + 1);
      }
      return best;
    },
    async close() {
      closed = true;
      holding = false;
      releaseAll.forEach((r) => r());
      if (poller) {
        clearTimeout(poller.timer);
        reply(poller.res, 200, { ok: true, result: [] });
        poller = null;
      }
      await Promise.allSettled([...inflightWebhooks]);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
