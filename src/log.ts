import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** One pino logger for the process, on stderr (stdout is kept for command output). */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  const redact = { paths: ['token', '*.token', 'headers.authorization', 'secret', '*.secret'], censor: '[disembunyikan]' };
  if (usePretty) {
    return pino({ level, redact }, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  return pino({ level, redact }, pino.destination({ dest: 2, sync: true }));
}
