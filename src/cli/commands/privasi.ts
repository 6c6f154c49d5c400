import type { Command } from 'commander';
import { PanduError } from '../../errors.ts';
import { consoleMessages } from '../../messages/index.ts';
import type { CliContext } from '../context.ts';

const m = consoleMessages.privacy;

/** `pandu privasi hapus --telegram-user ID | --slack-user ID`: one person's data, deleted on request. */
export function registerPrivasi(program: Command, ctx: CliContext): void {
  program
    .command('privasi')
    .description(m.group)
    .command('hapus')
    .description(m.delete)
    .option('--telegram-user <id>', m.telegramOption)
    .option('--slack-user <id>', m.slackOption)
    .action(async (opts: { telegramUser?: string; slackUser?: string }) => {
      if (Boolean(opts.telegramUser) === Boolean(opts.slackUser)) throw new PanduError('USAGE', { detail: m.oneOf });
      const person = opts.telegramUser
        ? { platform: 'telegram' as const, userId: opts.telegramUser.trim() }
        : { platform: 'slack' as const, userId: opts.slackUser!.trim() };
      if (person.platform === 'telegram' && !/^\d{1,20}$/.test(person.userId)) throw new PanduError('USAGE', { detail: m.badTelegramId });
      if (person.platform === 'slack' && !/^[A-Z0-9]{2,30}$/.test(person.userId)) throw new PanduError('USAGE', { detail: m.badSlackId });
      const app = await ctx.app();
      const { deletePersonData } = await import('../../questions/privacy.ts');
      const counts = await deletePersonData(app.db, person, { actor: 'cli', now: new Date() });
      ctx.io.out(`${m.done(counts)}\n`);
    });
}
