import type { Command } from 'commander';
import { PanduError } from '../../errors.ts';
import { messages } from '../../messages/index.ts';
import { printJson, type CliContext } from '../context.ts';
import { cliHelp as help } from '../../messages/cli-help.ts';

export function registerRegions(program: Command, ctx: CliContext): void {
  const regions = program.command('regions').description(help.regions.description);

  regions
    .command('list')
    .description(help.regionsList.description)
    .option('--province <nama>', help.regionsList.province)
    .option('--json', help.regionsList.json)
    .action(async (opts: { province?: string; json?: boolean }) => {
      const app = await ctx.app();
      const { listRegions } = await import('../../regions/index.ts');
      const rows = await listRegions(app.db, { province: opts.province });
      if (opts.json) {
        printJson(
          ctx.io,
          rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, province: r.province, timezone: r.timezone, cohort: r.cohort })),
        );
        return;
      }
      if (rows.length === 0) {
        ctx.io.out(`${messages.cli.noRegions}\n`);
        return;
      }
      for (const r of rows) {
        ctx.io.out(`${r.code}\t${r.name}\t${r.province}\t${r.timezone}\t${r.cohort ?? '-'}\n`);
      }
      ctx.io.out(`${rows.length} wilayah\n`);
    });

  regions
    .command('invite')
    .description(help.regionsInvite.description)
    .argument('<kode>', help.regionsInvite.region)
    .option('--hours <jam>', help.regionsInvite.hours, '72')
    .option('--json', help.regionsInvite.json)
    .action(async (code: string, opts: { hours: string; json?: boolean }) => {
      const hours = Number(opts.hours);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
        throw new PanduError('USAGE', { detail: help.usage.badHours });
      }
      const app = await ctx.app();
      const { createInvite } = await import('../../regions/index.ts');
      const invite = await createInvite(app.db, code, { ttlHours: hours, createdBy: 'cli' });
      if (opts.json) printJson(ctx.io, { code: invite.code, region: invite.region, expires_at: invite.expires_at });
      else ctx.io.out(`${messages.cli.inviteCreated(invite.code, invite.regionName, invite.expires_at)}\n`);
    });
}
