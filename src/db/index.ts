import { resolve } from 'node:path';
import { prepareDataDir } from './data-dir.ts';
import type { Db } from './types.ts';

export type { Db, Queryable } from './types.ts';
export { migrate, migrationsCurrent, loadMigrations, type Migration } from './migrate.ts';
export { acquireOwner, runningOwner, type OwnerInfo, type OwnerLock } from './owner.ts';
export { toVectorLiteral } from './vector.ts';
export { CopyRows, nextIds } from './copy.ts';
export { prepareDataDir, withPrivateUmask, type DataDirState } from './data-dir.ts';
export { Where } from './where.ts';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** DATABASE_URL when unset: an embedded database in ./.pandu/db. */
export const DEFAULT_DATABASE_URL = './.pandu/db';

/** The folder of an embedded database, or null for PostgreSQL and in-memory. */
export function embeddedDir(url: string): string | null {
  return isPostgresUrl(url) || url === 'memory://' ? null : resolve(url);
}

/**
 * Statements on the answer paths (answering a question, conversation memory) are cancelled
 * after this long on PostgreSQL. PGlite runs each statement to its end inside this process:
 * it accepts statement_timeout but never fires it (no timer signals in its single-user mode).
 */
export const ANSWER_STATEMENT_TIMEOUT_MS = 15_000;

/** Opens the database named by DATABASE_URL (postgres://, a folder, or memory://). */
export async function openDatabase(url: string, options: { max?: number; statementTimeoutMs?: number } = {}): Promise<Db> {
  // Each backend's driver is loaded only when it is used: a PostgreSQL deployment never loads PGlite.
  if (isPostgresUrl(url)) return (await import('./postgres.ts')).openPostgres(url, options);
  const { openPglite } = await import('./pglite.ts');
  if (url === 'memory://') return openPglite(url);
  prepareDataDir(resolve(url));
  return openPglite(resolve(url));
}
