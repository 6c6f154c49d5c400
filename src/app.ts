import type { Config } from './config/index.ts';
import { ANSWER_STATEMENT_TIMEOUT_MS, acquireOwner, embeddedDir, migrate, openDatabase, prepareDataDir, type Db, type OwnerInfo, type OwnerLock } from './db/index.ts';
import { PanduError } from './errors.ts';
import type { Logger } from './log.ts';
import { operatorMessages } from './messages/operator.ts';
import { seedRegions } from './regions/index.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';

/**
 * What a Pandu process has opened: configuration, logger, database (migrated, regions
 * seeded), metrics and, for an embedded folder, the owner lock. The services on top of it
 * are built by the composition root (src/composition.ts: `servicesOf(app)`); `pandu start`
 * (src/cli/start.ts) hands them to the adapters, one-shot commands use what they need.
 */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly db: Db;
  /**
   * The database for answer paths: on PostgreSQL a pool of its own whose statements are
   * cancelled after ANSWER_STATEMENT_TIMEOUT_MS; otherwise (PGlite, tests) absent: use db.
   */
  readonly answerDb?: Db;
  readonly metrics: Metrics;
  /** Present when this process owns an embedded data folder. */
  readonly owner: HeldOwner | null;
  close(): Promise<void>;
}

function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`; // never the password
  } catch {
    return 'PostgreSQL';
  }
}

export interface OpenAppOptions {
  /** Where operator notices go (an existing data folder open to others); default stderr. */
  readonly notice?: (line: string) => void;
  /** The embedded folder's owner lock, when the caller claimed it first (claimDataDir). */
  readonly owner?: HeldOwner | null;
}

export type HeldOwner = OwnerLock & { held: true };

/**
 * Makes this process the owner of the embedded data folder (null for PostgreSQL): the folder
 * prepared, the owner file written. DB_BUSY when another Pandu owns it. Fast, opens nothing.
 */
export function claimDataDir(config: Config, notice: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): HeldOwner | null {
  const dir = embeddedDir(config.database.url);
  if (!dir) return null;
  const { openMode } = prepareDataDir(dir);
  if (openMode) notice(operatorMessages.dataDirOpen(dir, openMode));
  const lock = acquireOwner(dir);
  if (!lock.held) throw new PanduError('DB_BUSY', { owner: lock.owner satisfies OwnerInfo });
  if (lock.tookOverFrom !== null) notice(operatorMessages.staleOwnerTakenOver(lock.tookOverFrom));
  return lock;
}

export async function openApp(config: Config, logger: Logger, options: OpenAppOptions = {}): Promise<App> {
  const owner = options.owner !== undefined ? options.owner : claimDataDir(config, options.notice);
  let db: Db;
  try {
    db = await openDatabase(config.database.url);
  } catch (err) {
    owner?.release();
    if (config.database.kind === 'postgres') {
      throw new PanduError(
        'DB_UNREACHABLE',
        { target: describeTarget(config.database.url), reason: (err as Error).message || String(err) },
        { cause: err },
      );
    }
    throw err;
  }
  try {
    const applied = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    await seedRegions(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    owner?.release();
    throw err;
  }
  let closed = false;
  let answerDb: Db | undefined;
  if (db.kind === 'postgres') {
    answerDb = await openDatabase(config.database.url, { max: 8, statementTimeoutMs: ANSWER_STATEMENT_TIMEOUT_MS }).catch(async (err: unknown) => {
      await db.close().catch(() => undefined);
      throw err;
    });
  }
  return {
    config,
    logger,
    db,
    answerDb,
    metrics: createMetrics({ db }),
    owner,
    async close() {
      if (closed) return;
      closed = true;
      await answerDb?.close();
      await db.close();
      owner?.release();
    },
  };
}
