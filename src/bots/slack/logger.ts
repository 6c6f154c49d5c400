import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.ts';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function format(parts: readonly unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
}

/**
 * Bolt's (and the Web API client's) logger on Pandu's pino logger. Bolt logs request
 * bodies only at debug level, where pino's level keeps them out by default.
 */
export function boltLogger(log: Logger): BoltLogger {
  return {
    debug: (...msg: unknown[]) => {
      if (log.isLevelEnabled('debug')) log.debug(format(msg));
    },
    info: (...msg: unknown[]) => log.info(format(msg)),
    warn: (...msg: unknown[]) => log.warn(format(msg)),
    error: (...msg: unknown[]) => log.error(format(msg)),
    // pino's level decides; Bolt may ask but does not get to change it.
    setLevel: () => undefined,
    getLevel: () => LEVELS[log.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
