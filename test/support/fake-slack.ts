import type { Duplex } from 'node:stream';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { acceptSocket, wsFrame } from './fake-slack-socket.ts';
import { decode, readRaw } from './slack-request.ts';

/**
 * A fake of Slack's Web API on 127.0.0.1, spoken to by the real @slack/web-api client
 * (through Bolt): form-encoded or JSON requests to `/api/<method>`, JSON answers in
 * Slack's shape. Implements what Pandu calls: auth.test, chat.postMessage,
 * chat.update, chat.postEphemeral, users.info, files.info with shared files served at
 * their url_private_download to the bot token only, the files.uploadV2 flow
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

const BOT = { user_id: 'UPANDU', bot_id: 'BPANDU', team_id: 'T0UJI', team: 'Uji', user: 'pandu' };

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
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => acceptSocket(req, socket, { sockets, acks, notify }));
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

export { postToSlackApp, slackSignature, type SlackRequestOptions } from './slack-request.ts';
