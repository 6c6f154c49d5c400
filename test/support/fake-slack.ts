import { createHash, createHmac } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

/**
 * A fake of Slack's Web API on 127.0.0.1, spoken to by the real @slack/web-api client
 * (through Bolt): form-encoded or JSON requests to `/api/<method>`, JSON answers in
 * Slack's shape. Implements what Pandu calls: auth.test, chat.postMessage,
 * chat.update, chat.postEphemeral, users.info, the files.uploadV2 flow
 * (files.getUploadURLExternal → POST to the upload URL → files.completeUploadExternal),
 * response_url posts (`/response/<id>`), and Socket Mode: apps.connections.open hands
 * out a ws:// URL to a minimal WebSocket server (hello, envelopes, acks, ping/pong,
 * close). Every call is recorded.
 */
export interface SlackCall {
  readonly method: string;
  /** Arguments with JSON-encoded fields (blocks, metadata…) decoded. */
  readonly args: Record<string, unknown>;
  readonly token: string | null;
}

export interface UploadedFile {
  readonly fileId: string;
  readonly filename: string;
  /** The bytes as UTF-8 text (CSV). */
  readonly content: string;
  /** The bytes as uploaded (PNG). */
  readonly bytes: Buffer;
  readonly channel: string | null;
  readonly threadTs: string | null;
}

/** A file a user shared, as files.info describes it; its bytes behind the bot token. */
export interface SharedFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly bytes: Buffer;
  readonly mimetype: string;
  readonly filetype: string;
  readonly user: string;
}

export interface FakeSlack {
  /** A user shares a file: files.info knows it, its url_private_download serves it to `Bearer <bot token>`. */
  shareFile(f: { name: string; bytes: Buffer; user: string; mimetype?: string; size?: number }): SharedFile;
  /** Downloads of shared files, with the token they carried (null: none). */
  readonly downloads: Array<{ fileId: string; token: string | null; status: number }>;
  /** For SLACK_API_URL / slackApiUrl. */
  readonly apiUrl: string;
  readonly url: string;
  readonly calls: SlackCall[];
  readonly files: UploadedFile[];
  /** Bodies posted to response_url, per response id. */
  readonly responses: Array<{ id: string; body: Record<string, unknown> }>;
  /** A response_url for a slash command or action. */
  responseUrl(id: string): string;
  callsTo(method: string): SlackCall[];
  /** Resolves once the predicate holds over the recorded calls (checked on every call). */
  waitFor(predicate: () => boolean, ms?: number): Promise<void>;
  /** The next calls to a method answer `ok: false` with this error. */
  failNext(method: string, error: string, times?: number): void;
  /** Calls to a method wait ms before they are answered (a hanging API); 0 ends that. */
  delay(method: string, ms: number): void;
  /** Socket Mode: connections open now. */
  sockets(): number;
  /** Socket Mode: sends an Events API payload in an envelope; returns its envelope id. */
  pushEvent(payload: unknown, options?: { retryAttempt?: number }): string;
  /** Socket Mode: envelope ids the app acknowledged. */
  readonly acks: string[];
  close(): Promise<void>;
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function wsFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : Buffer.alloc(4);
  if (len >= 126 && len < 65_536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65_536) {
    const big = Buffer.alloc(10);
    big[0] = 0x80 | opcode;
    big[1] = 127;
    big.writeBigUInt64BE(BigInt(len), 2);
    return Buffer.concat([big, payload]);
  }
  return Buffer.concat([head, payload]);
}

/** Reads complete client frames (always masked) from the front of buf. */
function wsFrames(buf: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const opcode = buf[at]! & 0x0f;
    const masked = (buf[at + 1]! & 0x80) !== 0;
    let len = buf[at + 1]! & 0x7f;
    let offset = at + 2;
    if (len === 126) {
      if (buf.length < offset + 2) break;
      len = buf.readUInt16BE(offset);
      offset += 2;
    } else if (len === 127) {
      if (buf.length < offset + 8) break;
      len = Number(buf.readBigUInt64BE(offset));
      offset += 8;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    if (buf.length < offset + len) break;
    const payload = Buffer.from(buf.subarray(offset, offset + len));
    if (masked) for (let i = 0; i < len; i++) payload[i]! ^= buf[maskAt + (i % 4)]!;
    frames.push({ opcode, payload });
    at = offset + len;
  }
  return { frames, rest: buf.subarray(at) };
}

const BOT = { user_id: 'UPANDU', bot_id: 'BPANDU', team_id: 'T0UJI', team: 'Uji', user: 'pandu' };

function decode(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const files: UploadedFile[] = [];
  const responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  const pendingUploads = new Map<string, { filename: string; content: Buffer | null }>();
  const failures = new Map<string, { error: string; times: number }>();
  const waiters = new Set<() => void>();
  const acks: string[] = [];
  const sockets = new Set<Duplex>();
  let envelopes = 0;
  let ts = 1_790_000_000;
  let fileSeq = 1;
  let base = '';

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8' });
    res.end(text);
  };
  const notify = () => waiters.forEach((w) => w());
  const nextTs = () => `${++ts}.000100`;

  async function api(method: string, args: Record<string, unknown>, token: string | null, res: ServerResponse) {
    calls.push({ method, args, token });
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      notify();
      return reply(res, 200, { ok: false, error: failure.error });
    }
    switch (method) {
      case 'apps.connections.open':
        return reply(res, 200, { ok: true, url: `${base.replace('http', 'ws')}/socket` });
      case 'auth.test':
        return reply(res, 200, { ok: true, url: 'https://uji.slack.example/', ...BOT });
      case 'chat.postMessage':
        return reply(res, 200, { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text, user: BOT.user_id, bot_id: BOT.bot_id } });
      case 'chat.update':
        return reply(res, 200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case 'chat.postEphemeral':
        return reply(res, 200, { ok: true, message_ts: nextTs() });
      case 'files.info': {
        const f = shared.get(String(args.file));
        return reply(res, 200, f ? { ok: true, file: fileInfo(f) } : { ok: false, error: 'file_not_found' });
      }
      case 'users.info':
        return reply(res, 200, { ok: true, user: { id: args.user, name: 'staf', real_name: 'Staf Sekretariat', profile: { display_name: 'staf' } } });
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(fileSeq++).padStart(6, '0')}`;
        pendingUploads.set(fileId, { filename: String(args.filename), content: null });
        return reply(res, 200, { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        const list = (args.files as Array<{ id: string; title?: string }>) ?? [];
        for (const f of list) {
          const up = pendingUploads.get(f.id);
          if (!up || up.content === null) return reply(res, 200, { ok: false, error: 'file_not_found' });
          files.push({
            fileId: f.id,
            filename: up.filename,
            content: up.content.toString('utf8'),
            bytes: up.content,
            channel: (args.channel_id as string | undefined) ?? null,
            threadTs: (args.thread_ts as string | undefined) ?? null,
          });
        }
        return reply(res, 200, { ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? '' })) });
      }
      default:
        return reply(res, 200, { ok: false, error: 'unknown_method' });
    }
  }

  const shared = new Map<string, SharedFile>();
  const downloads: Array<{ fileId: string; token: string | null; status: number }> = [];
  const BOT_TOKEN = 'xoxb-uji';
  const fileInfo = (f: SharedFile) => ({
    id: f.id,
    name: f.name,
    title: f.name,
    mimetype: f.mimetype,
    filetype: f.filetype,
    size: f.size,
    user: f.user,
    url_private: `${base}/files-pri/T0UJI-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${base}/files-pri/T0UJI-${f.id}/download/${encodeURIComponent(f.name)}`,
  });
  const delays = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const raw = await readRaw(req);
    const type = String(req.headers['content-type'] ?? '');
    try {
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        const fields = type.includes('application/json')
          ? (JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>)
          : (parseQuery(raw.toString('utf8')) as Record<string, unknown>);
        const auth = String(req.headers.authorization ?? '');
        const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof fields.token === 'string' ? fields.token : null;
        const wait = delays.get(method) ?? 0;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await api(method, decode(fields), token, res);
      } else if (path.startsWith('/upload/')) {
        const fileId = path.slice('/upload/'.length);
        const up = pendingUploads.get(fileId);
        if (!up) return reply(res, 404, 'not found');
        // The client sends the bytes as multipart form data (field "body" or "file").
        let content: Buffer = raw;
        if (type.startsWith('multipart/form-data')) {
          const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
          const part = [...form.values()][0];
          content = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(await (part as Blob).arrayBuffer());
        }
        up.content = content;
        reply(res, 200, `OK - ${raw.length}`);
      } else if (path.startsWith('/files-pri/')) {
        // Slack serves a private file only to a token that may read it; otherwise its login page.
        const fileId = /^\/files-pri\/T0UJI-(F\w+)\//.exec(path)?.[1] ?? '';
        const auth = String(req.headers.authorization ?? '');
        const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
        const f = shared.get(fileId);
        const status = !f ? 404 : token === BOT_TOKEN ? 200 : 302;
        downloads.push({ fileId, token, status });
        if (status === 200) {
          res.writeHead(200, { 'content-type': f!.mimetype, 'content-length': String(f!.bytes.length) });
          res.end(f!.bytes);
        } else if (status === 302) {
          res.writeHead(302, { location: `${base}/login` });
          res.end();
        } else reply(res, 404, 'not found');
      } else if (path.startsWith('/response/')) {
        responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
        reply(res, 200, 'ok');
      } else {
        reply(res, 404, { ok: false, error: 'not_found' });
      }
    } finally {
      notify();
    }
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key'];
    if (!(req.url ?? '').startsWith('/socket') || typeof key !== 'string') {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    const hello = { type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0PANDU' } };
    socket.write(wsFrame(0x1, Buffer.from(JSON.stringify(hello))));
    let buffered: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = wsFrames(Buffer.concat([buffered, chunk]));
      buffered = rest;
      for (const f of frames) {
        if (f.opcode === 0x9) socket.write(wsFrame(0xa, f.payload)); // ping → pong
        else if (f.opcode === 0x8) {
          socket.end(wsFrame(0x8, f.payload.subarray(0, 2)));
          sockets.delete(socket);
        } else if (f.opcode === 0x1) {
          const msg = JSON.parse(f.payload.toString('utf8')) as { envelope_id?: string };
          if (msg.envelope_id) acks.push(msg.envelope_id);
          notify();
        }
      }
    });
    notify();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    url: base,
    calls,
    files,
    responses,
    responseUrl: (id) => `${base}/response/${id}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(predicate, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: condition not met within ${ms} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    sockets: () => sockets.size,
    acks,
    downloads,
    shareFile(input) {
      const id = `F${String(fileSeq++).padStart(6, '0')}`;
      const ext = (/\.([a-z0-9]+)$/i.exec(input.name)?.[1] ?? 'binary').toLowerCase();
      const f: SharedFile = {
        id,
        name: input.name,
        size: input.size ?? input.bytes.length,
        bytes: input.bytes,
        mimetype: input.mimetype ?? (ext === 'pdf' ? 'application/pdf' : 'application/octet-stream'),
        filetype: ext,
        user: input.user,
      };
      shared.set(id, f);
      return f;
    },
    pushEvent(payload, options = {}) {
      const envelopeId = `env-${++envelopes}`;
      const envelope = {
        envelope_id: envelopeId,
        type: 'events_api',
        payload,
        accepts_response_payload: false,
        retry_attempt: options.retryAttempt ?? 0,
        retry_reason: options.retryAttempt ? 'timeout' : '',
      };
      for (const s of sockets) s.write(wsFrame(0x1, Buffer.from(JSON.stringify(envelope))));
      return envelopeId;
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Signs a request body the way Slack does (v0, HMAC-SHA256 over "v0:ts:body"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRequestOptions {
  readonly secret: string;
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  readonly signature?: string;
  readonly retryNum?: number;
}

/** What Slack sends: a signed POST to the app's events URL. */
export async function postToSlackApp(
  url: string,
  body: { json: unknown } | { form: Record<string, string> },
  options: SlackRequestOptions,
): Promise<{ status: number; text: string }> {
  const text = 'json' in body ? JSON.stringify(body.json) : new URLSearchParams(body.form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'json' in body ? 'application/json' : 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, text),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: text });
  return { status: res.status, text: await res.text() };
}
