import { claimDataDir, openApp, type App, type HeldOwner } from '../app.ts';
import type { Config } from '../config/index.ts';
import { migrationsCurrent } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { messages } from '../messages/index.ts';
import { createHttpServer, listenOrFail, type HttpServer, type Readiness } from '../server/http.ts';
import { metricsRoute } from '../server/metrics-route.ts';
import { mountAdmin } from './admin.ts';
import type { Io } from './context.ts';
import { createLifecycle } from './lifecycle.ts';

/** Ready once the database is open and answers, its migrations are current and the knowledge base is loaded. */
function readinessOf(app: () => App | null, knowledgeBase: () => boolean): () => Promise<Readiness> {
  return async () => {
    const opened = app();
    if (!opened) return { ready: false, checks: { database: false, migrations: false, knowledgeBase: false } };
    await opened.db.query('SELECT 1');
    const migrated = await migrationsCurrent(opened.db);
    const loaded = knowledgeBase();
    return { ready: loaded && migrated, checks: { database: true, migrations: migrated, knowledgeBase: loaded } };
  };
}

/**
 * The HTTP server, listening before the database opens: /healthz answers as soon as the
 * process serves (liveness), /readyz says 503 until the App is open and the knowledge base
 * loaded, and a command forwarded to /admin waits for the App. On failure (port in use…)
 * the data folder is released.
 */
async function listenEarly(config: Config, logger: Logger, owner: HeldOwner | null, opening: Promise<App>, readiness: () => Promise<Readiness>) {
  const server = createHttpServer({ logger, readiness });
  if (owner) mountAdmin(server, opening, owner.info.token);
  try {
    const { url, port } = await listenOrFail(server, config.port, config.host);
    owner?.setAddress(port, url);
    logger.info({ url }, 'http server listening');
    return { server, url };
  } catch (err) {
    await server.close();
    owner?.release();
    throw err;
  }
}

/**
 * /metrics once the App is open: on the main server, or on a server of its own on
 * 127.0.0.1:METRICS_PORT. On failure the server and the app are closed.
 */
async function serveMetrics(config: Config, app: App, server: HttpServer, readiness: () => Promise<Readiness>): Promise<HttpServer | null> {
  const metricsToken = config.metrics.token;
  if (config.metrics.port === undefined) {
    server.route('GET', '/metrics', metricsRoute(app.metrics.registry, metricsToken));
    return null;
  }
  const metricsServer = createHttpServer({ logger: app.logger, readiness, metrics: app.metrics.registry, metricsToken });
  try {
    await listenOrFail(metricsServer, config.metrics.port, '127.0.0.1');
    return metricsServer;
  } catch (err) {
    await server.close();
    await app.close();
    throw err;
  }
}

/** The App, opened after the server listens; commands forwarded meanwhile wait for it. */
async function openAfterListening(config: Config, logger: Logger, io: Io, owner: HeldOwner | null) {
  let app: App | null = null;
  let ready = false;
  const readiness = readinessOf(() => app, () => ready);
  let settle!: { resolve: (app: App) => void; reject: (err: unknown) => void };
  const opening = new Promise<App>((resolve, reject) => (settle = { resolve, reject }));
  opening.catch(() => undefined); // a failed open is thrown below, not reported as unhandled
  const { server, url } = await listenEarly(config, logger, owner, opening, readiness);
  // The bots, web console and ingest modules load while the database opens, not before /healthz.
  const adapters = import('./start-services.ts');
  adapters.catch(() => undefined);
  try {
    app = await openApp(config, logger, { notice: (line) => io.err(`${line}\n`), owner });
  } catch (err) {
    settle.reject(err);
    await server.close();
    throw err;
  }
  settle.resolve(app);
  const metricsServer = await serveMetrics(config, app, server, readiness);
  return { app, server, url, metricsServer, adapters, markReady: () => void (ready = true), isReady: () => ready };
}

/**
 * `pandu start`: the long-running process. Claims the data folder, serves HTTP, opens the
 * App, takes its services from the composition root (src/composition.ts) and hands them to
 * the adapters. Resolves with the exit code once SIGINT/SIGTERM (or /keluar in the console)
 * has stopped everything.
 */
export async function runStart(config: Config, logger: Logger, io: Io): Promise<number> {
  const owner = claimDataDir(config, (line) => io.err(`${line}\n`));
  const { app, server, url, metricsServer, markReady, isReady, adapters } = await openAfterListening(config, logger, io, owner);
  const life = createLifecycle(logger, async () => {
    await server.close();
    await app.close();
  });
  if (metricsServer) life.add('metrics', () => metricsServer.close());
  io.out(`${messages.cli.serverListening(url)}\n`);
  logger.info({ url, database: app.db.kind }, 'database open');

  const { runServices } = await adapters;
  await runServices(app, server, life, { mark: markReady, is: isReady });
  return life.stopped();
}
