import type { Command } from 'commander';
import { servicesOf } from '../../composition.ts';
import { printJson, type CliContext } from '../context.ts';
import { cliHelp as help } from '../../messages/cli-help.ts';

export function registerEval(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description(help.eval.description)
    .option('--set <file>', help.eval.set, 'corpus/eval/qa.jsonl')
    .option('--json', help.eval.json)
    .action(async (opts: { set: string; json?: boolean }) => {
      const app = await ctx.app();
      const { evaluate, readQaSet } = await import('../../evaluation/index.ts');
      const services = servicesOf(app);
      const [embedder, answers] = await Promise.all([services.embedder(), services.answers()]);
      const report = await evaluate({ db: app.db, embedder, answers }, readQaSet(opts.set));
      if (opts.json) {
        printJson(ctx.io, report);
        return;
      }
      const { misses, byType, ...figures } = report;
      for (const [k, v] of Object.entries(figures)) ctx.io.out(`${k.padEnd(24)} ${v}\n`);
      for (const [k, v] of Object.entries(byType)) ctx.io.out(`  ${k.padEnd(22)} n=${v.n} factHit=${v.factHit}\n`);
      ctx.io.out(`meleset: ${misses.length} (lihat --json)\n`);
    });
}
