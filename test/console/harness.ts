import pino from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Registry } from 'prom-client';
import { createAccount, createConsole, type Console, type ConsoleRole } from '../../src/console/index.ts';
import type { Db } from '../../src/db/index.ts';
import { resetDb, testDb, type BackendName } from '../support/db.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http.ts';
import { NOW } from './seed.ts';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
export const PASSWORD = 'sandi-uji-yang-panjang';

export interface ConsoleServer {
  readonly url: string;
  readonly console: Console;
  readonly server: HttpServer;
  readonly clock: { now: Date };
  readonly embedder: Embedder;
  stop(): Promise<void>;
}

/** The console mounted on Pandu's own HTTP server on a free loopback port, with a fixed clock. */
export async function startConsoleServer(db: Db, o: { maxUploadBytes?: number; retentionDays?: number } = {}): Promise<ConsoleServer> {
  const clock = { now: NOW };
  const embedder = createHashingEmbedder(128);
  await ensureEmbeddings(db, embedder);
  const server = createHttpServer({ logger: silent, readiness: async () => ({ ready: true, checks: {} }), metrics: new Registry() });
  const web = await createConsole({
    db,
    logger: silent,
    embedder,
    timezone: 'Asia/Jakarta',
    retentionDays: o.retentionDays ?? 180,
    maxUploadBytes: o.maxUploadBytes,
    now: () => clock.now,
  });
  server.mount('/konsol', web.handle);
  const { url } = await server.listen(0, '127.0.0.1');
  return { url, console: web, server, clock, embedder, stop: () => server.close() };
}

export async function addAccount(db: Db, name: string, role: ConsoleRole, password = PASSWORD): Promise<void> {
  await createAccount(db, { name, role, password, by: 'uji', now: NOW });
}

/** A browser-like HTTP client: keeps cookies, never follows redirects on its own. */
export class Client {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];
  constructor(readonly base: string) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; body?: string | FormData; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | FormData | undefined = init.body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(`${this.base}${path}`, { method: init.method ?? (init.form || init.body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      this.setCookieHeaders.push(c);
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      const value = v.join('=');
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(k!.trim());
      else this.cookies.set(k!.trim(), value);
    }
    return res;
  }

  /** The CSRF token of the last form on a page. */
  async csrfOf(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const all = [...html.matchAll(/name="csrf" value="([^"]+)"/g)];
    if (all.length === 0) throw new Error(`no csrf field on ${path}`);
    return all.at(-1)![1]!;
  }

  async login(name: string, password = PASSWORD): Promise<Response> {
    const csrf = await this.csrfOf('/konsol/masuk');
    return this.request('/konsol/masuk', { form: { csrf, nama: name, sandi: password } });
  }
}

export interface ConsoleSuite {
  readonly db: Db;
  readonly server: ConsoleServer;
  /** Logged in as 'pengelola' (kelola) before each test. */
  readonly client: Client;
}

/**
 * The hooks every console suite shares: one database and console server per file, an
 * emptied database with the suite's own data and a 'pengelola' (kelola) account before
 * each test, and a client logged in as that account. Read the fields inside tests.
 */
export function consoleSuite(backend: BackendName, o: { seed?: (db: Db) => Promise<void>; maxUploadBytes?: number } = {}): ConsoleSuite {
  const state = {} as { db: Db; server: ConsoleServer; client: Client };
  beforeAll(async () => {
    state.db = await testDb(backend);
    state.server = await startConsoleServer(state.db, { maxUploadBytes: o.maxUploadBytes });
  });
  afterAll(async () => {
    await state.server?.stop();
  });
  beforeEach(async () => {
    await resetDb(state.db);
    await o.seed?.(state.db);
    await addAccount(state.db, 'pengelola', 'kelola');
    state.client = new Client(state.server.url);
    const res = await state.client.login('pengelola');
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  });
  return {
    get db() {
      return state.db;
    },
    get server() {
      return state.server;
    },
    get client() {
      return state.client;
    },
  };
}
