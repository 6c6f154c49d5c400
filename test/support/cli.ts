import type { App } from '../../src/app.ts';
import type { CliContext, Io } from '../../src/cli/context.ts';
import { buildProgram, runProgram } from '../../src/cli/program.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Db } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/server/metrics.ts';

const silent = createLogger('silent', { pretty: false });

/** Runs a `pandu …` command in this process against the given database. */
export async function runCli(db: Db, argv: string[], env: Record<string, string> = {}, stdin?: string) {
  const app: App = {
    config: loadConfig(env),
    logger: silent,
    db,
    metrics: createMetrics(),
    owner: null,
    close: async () => undefined,
  };
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, readStdin: async () => stdin ?? '' };
  const ctx: CliContext = { io, app: async () => app, exitCode: 0, viaServer: false };
  const code = await runProgram(buildProgram(ctx), ctx, argv);
  return { code, stdout: out, stderr: err };
}
