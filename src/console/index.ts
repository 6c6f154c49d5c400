/**
 * The secretariat's web console at /konsol: accounts with roles, the programme at a
 * glance, regions, the question log, documents, reminders and the audit trail.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_FILE_BYTES } from '../ingest/index.ts';
import { createConsoleApp } from './app.tsx';
import type { ConsoleDeps, ConsoleServices } from './context.ts';
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
  /** The Hono app (tests call `app.request`). */
  readonly app: ReturnType<typeof createConsoleApp>;
  /** A Node request listener for everything under /konsol. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export async function createConsole(deps: ConsoleDeps): Promise<Console> {
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
