import { openApp, type App } from '../app.ts';
import { startConsole, type ConsoleChat } from '../bots/console/index.ts';
import type { Config } from '../config/index.ts';
import { migrationsCurrent } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { messages } from '../messages/index.ts';
import { findRegion } from '../regions/index.ts';
import { createHttpServer } from '../server/http.ts';
import { mountAdmin } from './admin.ts';
import type { Io } from './context.ts';

/** A running service with an explicit lifecycle; stopped in reverse start order. */
interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

/**
 * `pandu start`: the composition root of the long-running process. Resolves with the
 * exit code once SIGINT/SIGTERM (or /keluar in the console) has stopped everything.
 */
export async function runStart(config: Config, logger: Logger, io: Io): Promise<number> {
  const app: App = await openApp(config, logger);
  const services: Service[] = [];
  let ready = false;

  const server = createHttpServer({
    logger,
    metrics: app.metrics.registry,
    readiness: async () => {
      await app.db.query('SELECT 1');
      const migrated = await migrationsCurrent(app.db);
      return { ready: ready && migrated, checks: { database: true, migrations: migrated, knowledgeBase: ready } };
    },
  });
  if (app.owner) mountAdmin(server, app, app.owner.info.token);

  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    for (const s of [...services].reverse()) {
      try {
        await s.stop();
      } catch (err) {
        logger.warn({ err, service: s.name }, 'service did not stop cleanly');
      }
    }
    await server.close();
    await app.close();
    resolveStopped(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const { url, port } = await server.listen(config.port, config.host);
  app.owner?.setPort(port);
  io.out(`${messages.cli.serverListening(url)}\n`);
  logger.info({ url, database: app.db.kind }, 'http server listening');

  ready = true;

  const bots = [config.telegram.token, config.slack.botToken].filter(Boolean);
  if (bots.length === 0) {
    const chat: ConsoleChat = startConsole({
      input: process.stdin,
      output: process.stdout,
      ask: async () => messages.console.emptyKnowledgeBase,
      findRegion: (q) => findRegion(app.db, q),
      onQuit: () => void shutdown('console'),
    });
    services.push({ name: 'console', stop: () => chat.stop() });
  }

  const code = await stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}
