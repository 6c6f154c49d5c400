import { CommanderError, type Command } from 'commander';
import { PanduError } from '../errors.ts';
import { messages } from '../messages/index.ts';
import { registerAsk } from './commands/ask.ts';
import { registerDigest } from './commands/digest.ts';
import { registerEval } from './commands/eval.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerKonsol } from './commands/konsol.ts';
import { registerPrivasi } from './commands/privasi.ts';
import { registerRegions } from './commands/regions.ts';
import { registerReminders } from './commands/reminders.ts';
import type { CliContext } from './context.ts';
import { IndonesianCommand } from './indonesian.ts';

export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

/** Commands that may run inside a running server on behalf of another process. */
export function buildProgram(ctx: CliContext, extra: (program: Command, ctx: CliContext) => void = () => {}): Command {
  const program = new IndonesianCommand('pandu')
    .description(messages.cli.description)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .showHelpAfterError(false)
    .helpCommand('help [perintah]', 'tampilkan bantuan perintah');
  extra(program, ctx);
  // [commands] one register function per command group
  registerDigest(program, ctx);
  registerIngest(program, ctx);
  registerAsk(program, ctx);
  registerEval(program, ctx);
  registerRegions(program, ctx);
  registerReminders(program, ctx);
  registerKonsol(program, ctx);
  registerPrivasi(program, ctx);
  return program;
}

/** Runs argv (without 'node pandu') and returns the exit code; never throws. */
export async function runProgram(program: Command, ctx: CliContext, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    if (PanduError.isInstance(err, 'REGION_UNKNOWN')) {
      ctx.io.err(`${messages.cli.regionUnknown(err.details.query)}\n`);
      return EXIT.usage;
    }
    if (PanduError.isInstance(err, 'USAGE')) {
      ctx.io.err(`${messages.cli.usageError(err.details.detail)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
