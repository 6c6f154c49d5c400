import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { servicesOf } from '../../composition.ts';
import type { Queryable } from '../../db/index.ts';
import { PanduError } from '../../errors.ts';
import { digestChartMessages, digestCli } from '../../messages/index.ts';
import { parseNow, type CliContext } from '../context.ts';
import { cliHelp as help } from '../../messages/cli-help.ts';

/** Writes the digest's chart into `dir` (created if missing); returns the file's path. */
async function writeChart(db: Queryable, now: Date, period: string, dir: string): Promise<string> {
  const { digestChart } = await import('../../digest/index.ts');
  const chart = await digestChart(db, now, period);
  const path = resolve(dir, chart.filename);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, chart.png);
  } catch (err) {
    throw new PanduError('USAGE', { detail: digestChartMessages.badOut(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message) });
  }
  return path;
}

export function registerDigest(program: Command, ctx: CliContext): void {
  program
    .command('digest')
    .description(help.digest.description)
    .option('--now <waktu>', help.digest.now)
    .option('--dry-run', help.digest.dryRun)
    .option('--weekly', help.digest.weekly)
    .option('--out <folder>', help.digest.out)
    .action(async (opts: { now?: string; dryRun?: boolean; weekly?: boolean; out?: string }) => {
      const now = parseNow(opts.now);
      if (opts.out && !opts.dryRun) throw new PanduError('USAGE', { detail: digestChartMessages.outNeedsDryRun });
      const app = await ctx.app();
      const { buildDigest, renderDigestText } = await import('../../digest/index.ts');
      const { slack, timezone } = app.config;
      if (opts.dryRun) {
        const digest = await buildDigest(app.db, { now, timezone });
        ctx.io.out(renderDigestText(digest));
        if (opts.out) ctx.io.out(`\n${digestChartMessages.written(await writeChart(app.db, now, digest.period, opts.out))}\n`);
        return;
      }
      // Slack's client loads only when a digest is sent.
      const publisher = slack.digestChannel ? await servicesOf(app).digestPublisher() : null;
      if (!publisher) {
        ctx.io.err(`${slack.botToken ? digestCli.noChannel : digestCli.noToken}\n`);
        ctx.exitCode = 2;
        return;
      }
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
