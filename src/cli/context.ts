import type { App } from '../app.ts';

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
  /** The application (database open, migrated); opened on first use. */
  app(): Promise<App>;
  /** Set by a command: 0 ok, 1 partial failure, 2 usage or configuration error. */
  exitCode: number;
  /** True when this command runs inside `pandu start` on behalf of another process. */
  readonly viaServer: boolean;
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
