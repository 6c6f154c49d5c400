/**
 * The secretariat's web console at /konsol: accounts with roles, the programme at a
 * glance, regions, the question log, documents, reminders and the audit trail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hono } from 'hono';
import { MAX_FILE_BYTES } from '../ingest/index.ts';
import type { ConsoleDeps, ConsoleEnv, ConsoleServices } from './context.ts';
import { loadIdSalt } from './ids.ts';

export { BASE as CONSOLE_PATH, type ConsoleDeps } from './context.ts';
export {
  createAccount,
  listAccounts,
  setPassword,
  deleteAccount,
  isRole,
  ROLES,
  type Account,
  type ConsoleRole,
} from './auth/accounts.ts';
export { idHash } from './ids.ts';

export interface Console {
  /** The Hono app (tests read its routes). */
  readonly app: Hono<ConsoleEnv>;
  /** A Node request listener for everything under /konsol. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * The console's pages and their libraries (Hono, the JSX views, Vega for the charts) are
 * loaded here, when `pandu start` builds the console, not by every `pandu` command that
 * only needs the account functions above.
 */
export async function createConsole(deps: ConsoleDeps): Promise<Console> {
  const [{ createConsoleApp }, { getRequestListener }] = await Promise.all([import('./app.tsx'), import('@hono/node-server')]);
  const services: ConsoleServices = {
    db: deps.db,
    logger: deps.logger.child({ module: 'console' }),
    embedder: deps.embedder,
    timezone: deps.timezone,
    retentionDays: deps.retentionDays,
    maxUploadBytes: deps.maxUploadBytes ?? MAX_FILE_BYTES,
    now: deps.now ?? (() => new Date()),
    idSalt: await loadIdSalt(deps.db),
  };
  const app = createConsoleApp(services);
  // Node's own Request/Response stay untouched: other parts of Pandu use fetch too.
  const handle = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return { app, handle };
}
