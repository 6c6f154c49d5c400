import type { App } from '../app.ts';
import type { Config } from '../config/index.ts';
import { DEFAULT_DATABASE_URL, embeddedDir, runningOwner, type OwnerInfo } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { messages } from '../messages/index.ts';
import { operatorMessages } from '../messages/operator.ts';
import { absolutePaths, forwardToOwner } from './forward.ts';
import type { CliContext, Io } from './context.ts';
import { EXIT, buildProgram, runProgram } from './program.ts';
import { cliHelp as help } from '../messages/cli-help.ts';

// Output piped into 'head' and the like: a closed pipe ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

let stdinText: Promise<string> | null = null;
/** Standard input, read once (a terminal gives nothing: nobody is piping a password). */
function readStdin(): Promise<string> {
  stdinText ??= process.stdin.isTTY
    ? Promise.resolve('')
    : (async () => {
        const parts: Buffer[] = [];
        for await (const chunk of process.stdin) parts.push(chunk as Buffer);
        return Buffer.concat(parts).toString('utf8');
      })();
  return stdinText;
}

const io: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  readStdin,
};

/** Maps failures that end any command to one clear line and an exit code. */
function reportFatal(err: unknown, logger: Logger | null): number {
  if (PanduError.isInstance(err, 'CONFIG_INVALID')) {
    io.err(`${messages.cli.configInvalid(err.details.problems)}\n`);
    return EXIT.usage;
  }
  if (PanduError.isInstance(err, 'DB_UNREACHABLE')) {
    io.err(`${messages.cli.dbUnreachable(err.details.target, err.details.reason)}\n`);
    return EXIT.usage;
  }
  if (PanduError.isInstance(err, 'DATA_DIR_UNUSABLE')) {
    io.err(`${operatorMessages.dataDirUnusable(err.details.dir, err.details.reason)}\n`);
    return EXIT.usage;
  }
  if (PanduError.isInstance(err, 'LISTEN_FAILED')) {
    io.err(`${operatorMessages.listenFailed(err.details.address, err.details.reason)}\n`);
    return EXIT.usage;
  }
  logger?.debug({ err }, 'command failed');
  io.err(`${messages.cli.failed((err as Error)?.message ?? String(err))}\n`);
  return EXIT.partial;
}

/**
 * Configuration and logger, loaded on first use: `--help`, a usage error and a command
 * forwarded to a running server need neither (zod, pino), nor the database driver.
 */
async function loadSetup(): Promise<{ config: Config; logger: Logger }> {
  const [{ loadConfig }, { createLogger }] = await Promise.all([import('../config/index.ts'), import('../log.ts')]);
  const config = loadConfig();
  return { config, logger: createLogger(config.logLevel) };
}

/** The running owner of the embedded folder DATABASE_URL names: commands run there (see forward.ts). */
function runningOwnerOfDataDir(): OwnerInfo | null {
  const dir = embeddedDir(process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL);
  return dir ? runningOwner(dir) : null;
}

async function main(argv: string[]): Promise<number> {
  let setup: { config: Config; logger: Logger } | null = null;
  const loaded = async () => (setup ??= await loadSetup());

  let app: App | null = null;
  const ctx: CliContext = {
    io,
    viaServer: false,
    exitCode: EXIT.ok,
    // Opened on first use. A folder another Pandu owns is not opened: the command is forwarded.
    app: async (prefetch) => {
      if (app) return app;
      const owner = runningOwnerOfDataDir();
      if (owner) throw new PanduError('DB_BUSY', { owner });
      const { config, logger } = await loaded();
      const opening = (await import('../app.ts')).openApp(config, logger, { notice: (line) => io.err(`${line}\n`) });
      // A failed prefetch fails again, with its error, where the command imports the module.
      await Promise.all([opening, prefetch?.().catch(() => undefined)]);
      return (app ??= await opening);
    },
  };
  let startCode: number | null = null;
  const program = buildProgram(ctx, (p) => {
    p.command('start')
      .description(help.start.description)
      .action(async () => {
        const { config, logger } = await loaded();
        startCode = await (await import('./start.ts')).runStart(config, logger, io);
      });
  });
  try {
    const code = await runProgram(program, ctx, argv);
    return startCode ?? code;
  } catch (err) {
    if (PanduError.isInstance(err, 'DB_BUSY')) {
      const owner = err.details.owner;
      if (argv[0] === 'start') {
        io.err(`${operatorMessages.alreadyRunning(owner.pid, owner.url ?? null)}\n`);
        return EXIT.usage;
      }
      const stdin = argv.includes('--sandi-stdin') ? await readStdin() : undefined;
      const forwarded = await forwardToOwner(owner, absolutePaths(argv, program), { stdin });
      if (forwarded.kind === 'done') {
        io.err(`${messages.cli.viaServer(owner.pid)}\n`);
        io.out(forwarded.stdout);
        io.err(forwarded.stderr);
        return forwarded.code;
      }
      io.err(`${forwarded.kind === 'unverified' && owner.port ? operatorMessages.ownerUnverified(owner.pid, owner.port) : messages.cli.dbBusy(owner.pid)}\n`);
      return EXIT.usage;
    }
    return reportFatal(err, (setup as { logger: Logger } | null)?.logger ?? null);
  } finally {
    await (app as App | null)?.close().catch(() => undefined);
  }
}

const code = await main(process.argv.slice(2));
// Let stdout drain, then leave even if a library keeps a handle open.
process.exitCode = code;
setTimeout(() => process.exit(code), 200).unref();
