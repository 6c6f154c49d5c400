import type { Command } from 'commander';
import { PanduError } from '../../errors.ts';
import { digestCli } from '../../messages/index.ts';
import type { CliContext } from '../context.ts';

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new PanduError('USAGE', { detail: digestCli.badNow });
  return new Date(t);
}

export function registerDigest(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description('Susun ringkasan untuk staf (tenggat, keterlambatan, pertanyaan) dan kirim ke kanal Slack')
    .option('--now <waktu>', 'anggap sekarang pukul ini (ISO 8601)')
    .option('--dry-run', 'tampilkan ringkasan sebagai teks, tanpa mengirim')
    .option('--weekly', 'kirim sebagai ringkasan mingguan: dilewati bila minggu ini sudah dikirim')
    .action(async (opts: { now?: string; dryRun?: boolean; weekly?: boolean }) => {
      const now = parseNow(opts.now);
      const app = await ctx.app();
      const { buildDigest, renderDigestText } = await import('../../digest/index.ts');
      const { slack, timezone } = app.config;
      if (opts.dryRun) {
        ctx.io.out(renderDigestText(await buildDigest(app.db, { now, timezone })));
        return;
      }
      if (!slack.botToken || !slack.digestChannel) {
        ctx.io.err(`${slack.botToken ? digestCli.noChannel : digestCli.noToken}\n`);
        ctx.exitCode = 2;
        return;
      }
      // Slack's client loads only when a digest is sent.
      const [{ webApi }, { createDigestPublisher }] = await Promise.all([import('@slack/bolt'), import('../../bots/slack/digest.ts')]);
      const client = new webApi.WebClient(slack.botToken, {
        ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
        retryConfig: { retries: 2 },
      });
      const publisher = createDigestPublisher({
        db: app.db,
        client,
        channel: slack.digestChannel,
        timezone,
        logger: app.logger.child({ module: 'digest' }),
      });
      if (opts.weekly) {
        const result = await publisher.postWeekly(now);
        if (result.status === 'already-posted') ctx.io.out(`${digestCli.alreadyPosted(result.period)}\n`);
        else ctx.io.out(`${digestCli.posted(result.posted.period, result.posted.channel)}\n`);
        return;
      }
      const posted = await publisher.post(now);
      ctx.io.out(`${digestCli.posted(posted.period, posted.channel)}\n`);
    });
}
