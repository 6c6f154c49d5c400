import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import type { Embedder } from '../retrieval/index.ts';
import type { Session } from './auth/sessions.ts';

/** What the console needs from the composition root. */
export interface ConsoleDeps {
  readonly db: Db;
  readonly logger: Logger;
  /** The same embedder as the bots: uploads are indexed and searched like the corpus. */
  readonly embedder: Embedder;
  /** Staff zone: dates and times are shown in it (PANDU_TIMEZONE). */
  readonly timezone: string;
  /** Days question texts are kept (shown on the question log). */
  readonly retentionDays: number;
  readonly maxUploadBytes?: number;
  /** Injected clock (tests fix `now`). */
  readonly now?: () => Date;
}

/** The deps with defaults filled in, plus what the console derived at start. */
export interface ConsoleServices extends Required<Omit<ConsoleDeps, 'maxUploadBytes'>> {
  readonly maxUploadBytes: number;
  /** Per-installation salt of the shown id hashes. */
  readonly idSalt: string;
}

export interface ConsoleEnv {
  Bindings: HttpBindings;
  Variables: {
    session: Session | null;
    now: Date;
    /** The request came over HTTPS (directly or through a proxy saying so). */
    secure: boolean;
  };
}

export type ConsoleContext = Context<ConsoleEnv>;

/** Where the console is mounted. */
export const BASE = '/konsol';
