import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** Keys whose values are what people wrote or were told: never logged. */
const TEXT_KEYS = ['question', 'answer', 'text', 'snippet', 'comment'];
/** Keys that identify a person or a chat: logged as a per-process pseudonym. */
const ID_KEYS = ['chat', 'chatId', 'chat_id', 'user', 'userId', 'user_id', 'from', 'to', 'by'];
const SECRET_KEYS = ['token', 'secret', 'headers.authorization'];

const SALT = randomBytes(16);
/** Numbers, numeric strings and Slack ids (U…, W…, D…) are ids; words such as 'member' are not. */
const looksLikeId = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^(-?\d+|[UWDC][A-Z0-9]{6,})$/.test(v));

/**
 * What a logged field becomes: secrets hidden, texts replaced by their length, ids by a
 * pseudonym that is stable within this process (so repeated failures of one chat can be
 * told apart from many chats) but cannot be turned back into the id.
 */
function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  if (TEXT_KEYS.includes(key)) return typeof value === 'string' ? `[teks ${value.length} karakter]` : value;
  if (ID_KEYS.includes(key)) {
    if (!looksLikeId(value)) return value;
    return `id:${createHash('sha256').update(SALT).update(String(value)).digest('hex').slice(0, 10)}`;
  }
  return '[disembunyikan]';
}

const redactPaths = [...TEXT_KEYS, ...ID_KEYS, ...SECRET_KEYS].flatMap((k) => (k.includes('.') ? [k] : [k, `*.${k}`]));

/**
 * Errors as type, message, code and stack only: database errors carry the statement's
 * parameters (a question, a chat id, an answer), which must not reach the log.
 */
function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; cause?: unknown; routine?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.routine === 'string' ? { routine: e.routine } : {}),
    stack: e.stack,
    ...(e.cause !== undefined ? { cause: safeError(e.cause) } : {}),
  };
}

interface LineRoute {
  route: ((line: string) => void) | null;
}
const routes = new WeakMap<Logger, LineRoute>();

/**
 * Sends the logger's lines (already formatted) to `write` instead of stderr until the
 * returned function is called: a progress bar on the terminal prints them above itself.
 */
export function routeLogLines(logger: Logger, write: (line: string) => void): () => void {
  const state = routes.get(logger);
  if (!state) return () => undefined;
  state.route = write;
  return () => {
    state.route = null;
  };
}

/** One pino logger for the process, on stderr (stdout is kept for command output). */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  const state: LineRoute = { route: null };
  const stderr = pino.destination({ dest: 2, sync: true });
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const line = chunk.toString();
      if (state.route) state.route(line);
      else stderr.write(line);
      done();
    },
  });
  const base = { level, redact: { paths: redactPaths, censor }, serializers: { err: safeError, error: safeError } };
  const logger = usePretty
    ? pino(base, pretty({ destination: sink, colorize: true, sync: true, ignore: 'pid,hostname' }))
    : pino(base, sink);
  routes.set(logger, state);
  return logger;
}
