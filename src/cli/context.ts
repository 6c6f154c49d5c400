import type { App } from '../app.ts';
import { PanduError } from '../errors.ts';
import { reminderCli } from '../messages/index.ts';

/** Where a command writes: the terminal, or a buffer when run through the server. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
  /** Everything piped on standard input (a password for `--sandi-stdin`); forwarded to a running server. */
  readStdin?(): Promise<string>;
}

export interface CliContext {
  readonly io: Io;
  /**
   * The application (database open, migrated); opened on first use. `prefetch` loads the
   * modules the command needs while the database opens (WebAssembly compiles off the main
   * thread); it is not called when the command goes to a running server instead.
   */
  app(prefetch?: () => Promise<unknown>): Promise<App>;
  /** Set by a command: 0 ok, 1 partial failure, 2 usage or configuration error. */
  exitCode: number;
  /** True when this command runs inside `pandu start` on behalf of another process. */
  readonly viaServer: boolean;
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** `--now <waktu>` of the commands that plan or report as of a moment: ISO 8601, else now. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new PanduError('USAGE', { detail: reminderCli.badNow });
  return new Date(t);
}
