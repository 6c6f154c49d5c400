import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { servicesOf } from '../../composition.ts';
import { PanduError } from '../../errors.ts';
import type { FileOutcome, IngestSummary } from '../../ingest/index.ts';
import { ingestMessages } from '../../messages/index.ts';
import { printJson, type CliContext } from '../context.ts';

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('Muat dokumen (md, txt, html, pdf, docx, kalender yaml) ke basis pengetahuan; file yang tidak berubah dilewati')
    .argument('[path...]', 'file atau folder', ['corpus'])
    .option('--force', 'muat ulang semua file walaupun tidak berubah')
    .option('--prune', 'hapus dokumen yang filenya sudah tidak ada')
    .option('--base-url <alamat>', 'alamat publik folder yang dimuat: alamat tiap dokumen = alamat ini + jalurnya di bawah folder (tautan sumber di Slack)')
    .option('--json', 'ringkasan dalam JSON')
    .action(async (paths: string[], opts: { force?: boolean; prune?: boolean; json?: boolean; baseUrl?: string }) => {
      const { isHttpAddress } = await import('../../ingest/addresses.ts');
      if (opts.baseUrl !== undefined && !isHttpAddress(opts.baseUrl)) throw new PanduError('USAGE', { detail: ingestMessages.badBaseUrl(opts.baseUrl) });
      const app = await ctx.app();
      const [{ MultiBar, Presets }, { ingestPaths }, { routeLogLines }] = await Promise.all([import('cli-progress'), import('../../ingest/index.ts'), import('../../log.ts')]);
      const embedder = await servicesOf(app).embedder();
      // On a terminal, log lines are printed above the progress bar (which redraws below them)
      // instead of being written over it.
      const bars = ctx.io.isTTY && !opts.json ? new MultiBar({ format: ' {bar} {value}/{total} file | {file}', hideCursor: true }, Presets.shades_classic) : null;
      let bar: SingleBar | null = null;
      const unroute = bars ? routeLogLines(app.logger, (line) => bars.log(line)) : () => undefined;
      const failures: FileOutcome[] = [];
      const flagged: FileOutcome[] = [];
      const flagLines = (o: FileOutcome) => (o.instructions ?? []).map((f) => `${ingestMessages.instructionLine(o.path, f)}
`).join('');
      let summary: IngestSummary;
      try {
        summary = await ingestPaths({ db: app.db, embedder, logger: app.logger }, paths, {
          force: opts.force,
          prune: opts.prune,
          baseUrl: opts.baseUrl,
          onStart: (total) => (bar = bars?.create(total, 0, { file: '' }) ?? null),
          onFile: (o) => {
            if (o.status === 'failed') failures.push(o);
            if (o.instructions?.length) flagged.push(o);
            app.metrics.ingestedFiles.inc({ outcome: o.status });
            if (bar) bar.increment({ file: o.path.slice(-50) });
            else if (!opts.json && o.status !== 'unchanged') {
              ctx.io.out(
                `${o.status === 'failed' ? ingestMessages.failedLine(o.path, o.reason ?? '') : o.status === 'skipped' ? ingestMessages.skippedLine(o.path, o.reason ?? '') : ingestMessages.fileLine(o)}\n${flagLines(o)}`,
              );
            }
          },
        });
      } finally {
        unroute();
        bars?.update(); // prints log lines still waiting for a redraw
        bars?.stop();
      }
      if (opts.json) printJson(ctx.io, summary);
      else {
        if (bar) for (const f of failures) ctx.io.out(`${ingestMessages.failedLine(f.path, f.reason ?? '')}\n`);
        if (bar) for (const f of flagged) ctx.io.out(flagLines(f));
        ctx.io.out(`${ingestMessages.summary(summary)}\n`);
      }
      if (summary.failed > 0) ctx.exitCode = 1;
    });
}
