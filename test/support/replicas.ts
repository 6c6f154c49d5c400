import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { AnswerService } from '../../src/answer/types.ts';
import { createTelegramBot, type TelegramBot } from '../../src/bots/telegram/index.ts';
import { openDatabase, type Db } from '../../src/db/index.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http.ts';
import type { FakeTelegram } from './fake-telegram.ts';

/**
 * N replicas of Pandu's Telegram adapter in webhook mode, each with its own database pool
 * and HTTP server, behind one address (a round-robin front, as a load balancer would
 * be): how two `pandu start` processes take Telegram's updates.
 */
export interface TelegramReplicas {
  readonly bots: readonly TelegramBot[];
  /** Updates each replica was handed by the front. */
  readonly served: readonly number[];
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const REPLICA_SECRET = 'rahasia_replika-1';

/** A round-robin HTTP front: each request goes to the next target, path and headers kept. */
async function startFront(targets: readonly string[], served: number[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const target = new URL(req.url ?? '/', targets[i]);
    const out = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function startTelegramReplicas(
  databaseUrl: string,
  o: { tg: FakeTelegram; answers: AnswerService; replicas?: number; logger?: pino.Logger },
): Promise<TelegramReplicas> {
  const n = o.replicas ?? 2;
  const logger = o.logger ?? pino({ level: 'silent' });
  const dbs: Db[] = [];
  const servers: HttpServer[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    dbs.push(await openDatabase(databaseUrl));
    const server = createHttpServer({ logger, readiness: async () => ({ ready: true, checks: {} }), metrics: new Registry() });
    urls.push((await server.listen(0, '127.0.0.1')).url);
    servers.push(server);
  }
  const served = servers.map(() => 0);
  const front = await startFront(urls, served);
  const webhookUrl = `${front.url}/telegram/webhook`;
  const bots = dbs.map((db) =>
    createTelegramBot({
      config: { telegram: { token: o.tg.token, apiRoot: o.tg.apiRoot, webhookUrl, webhookSecret: REPLICA_SECRET } },
      logger,
      db,
      answers: o.answers,
    }),
  );
  bots.forEach((bot, i) => bot.mountWebhook(servers[i]!));
  for (const bot of bots) await bot.start();
  return {
    bots,
    served,
    idle: async () => void (await Promise.all(bots.map((b) => b.idle()))),
    async stop() {
      for (const bot of bots) await bot.stop();
      await new Promise<void>((resolve) => front.server.close(() => resolve()));
      for (const s of servers) await s.close();
      for (const db of dbs) await db.close();
    },
  };
}
