import type { Command } from 'commander';
import { PanduError } from '../../errors.ts';
import { consoleMessages, formatDateTime } from '../../messages/index.ts';
import type { CliContext } from '../context.ts';

const m = consoleMessages.cli;

/** The account store, loaded when a konsol command runs (not for `--help` or any other command). */
const accounts = () => import('../../console/auth/accounts.ts');

/** The password piped on standard input (first line, without its line break). */
async function passwordFromStdin(ctx: CliContext): Promise<string> {
  const text = ctx.io.readStdin ? await ctx.io.readStdin() : '';
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new PanduError('USAGE', { detail: m.emptyStdin });
  return password;
}

/** `pandu konsol …`: accounts of the secretariat's web console. */
export function registerKonsol(program: Command, ctx: CliContext): void {
  const konsol = program.command('konsol').description(m.group);

  konsol
    .command('tambah-pengguna')
    .description(m.addUser)
    .argument('<nama>', m.nameArg)
    .requiredOption('--peran <peran>', m.roleOption)
    .option('--sandi-stdin', m.stdinOption)
    .action(async (name: string, opts: { peran: string; sandiStdin?: boolean }) => {
      const { isRole, createAccount } = await accounts();
      if (!isRole(opts.peran)) throw new PanduError('USAGE', { detail: m.badRole });
      const password = opts.sandiStdin ? await passwordFromStdin(ctx) : undefined;
      const app = await ctx.app();
      const { account, generatedPassword } = await createAccount(app.db, { name, role: opts.peran, password, by: 'cli', now: new Date() });
      ctx.io.out(`${m.created(account.name, account.role)}\n`);
      if (generatedPassword) ctx.io.out(`${m.oneTimePassword(generatedPassword)}\n`);
    });

  konsol
    .command('daftar-pengguna')
    .description(m.listUsers)
    .action(async () => {
      const app = await ctx.app();
      const list = await (await accounts()).listAccounts(app.db);
      if (list.length === 0) ctx.io.out(`${m.noAccounts}\n`);
      for (const a of list) ctx.io.out(`${m.accountLine(a.name, a.role, formatDateTime(a.createdAt, app.config.timezone), a.mustChangePassword)}\n`);
    });

  konsol
    .command('atur-sandi')
    .description(m.resetPassword)
    .argument('<nama>', m.nameArg)
    .option('--sandi-stdin', m.stdinOption)
    .action(async (name: string, opts: { sandiStdin?: boolean }) => {
      const password = opts.sandiStdin ? await passwordFromStdin(ctx) : undefined;
      const app = await ctx.app();
      const generated = await (await accounts()).setPassword(app.db, { name, password, by: 'cli', now: new Date() });
      ctx.io.out(`${m.passwordSet(name)}\n`);
      if (generated) ctx.io.out(`${m.oneTimePassword(generated)}\n`);
    });

  konsol
    .command('hapus-pengguna')
    .description(m.deleteUser)
    .argument('<nama>', m.nameArg)
    .action(async (name: string) => {
      const app = await ctx.app();
      await (await accounts()).deleteAccount(app.db, { name, by: 'cli', now: new Date() });
      ctx.io.out(`${m.deleted(name)}\n`);
    });
}
