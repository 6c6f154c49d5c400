import type { Command } from 'commander';
import { MAX_QUESTION_LENGTH } from '../../answer/types.ts';
import { servicesOf } from '../../composition.ts';
import { PanduError } from '../../errors.ts';
import { printJson, type CliContext } from '../context.ts';
import { cliHelp as help } from '../../messages/cli-help.ts';

/** `--staff`: a question about the programme's state, answered from the data; false when it is not one. */
async function answerAsStaff(ctx: CliContext, question: string, json: boolean): Promise<boolean> {
  const app = await ctx.app();
  const [{ statusReply }, { askStaff }] = await Promise.all([import('../../bots/slack/commands.ts'), import('../../staff/index.ts')]);
  const now = new Date();
  const db = app.answerDb ?? app.db;
  const a = await askStaff({ db, now, timezone: app.config.timezone, regionStatus: (r) => statusReply({ db, now: () => now }, r.code) }, question);
  if (!a) return false;
  if (json) {
    printJson(ctx.io, { question, intent: 'programme_data', kind: a.kind, answer: a.text, refused: false, citations: [], count: a.count, names: a.names, csv: a.csv });
  } else ctx.io.out(`${a.text}\n`);
  return true;
}

/** What answering loads, fetched while the database opens. */
const answerModules = () =>
  Promise.all([
    import('../../regions/index.ts'),
    import('../../answer/render.ts'),
    import('../../answer/service.ts'),
    import('../../conversation/index.ts'),
    import('../../retrieval/index.ts'),
  ]);

export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .description(help.ask.description)
    .argument('<pertanyaan>', help.ask.question)
    .option('--region <kode>', help.ask.region)
    .option('--session <id>', help.ask.session)
    .option('--json', help.ask.json)
    .option('--staff', help.ask.staff)
    .action(async (question: string, opts: { region?: string; session?: string; json?: boolean; staff?: boolean }) => {
      if (!question.trim()) throw new PanduError('USAGE', { detail: help.usage.emptyQuestion });
      if (question.length > MAX_QUESTION_LENGTH) throw new PanduError('USAGE', { detail: help.usage.longQuestion(MAX_QUESTION_LENGTH) });
      // The database first: a command forwarded to a running server loads nothing else.
      const app = await ctx.app(answerModules);
      const [{ findRegion }, { renderPlain }] = await Promise.all([import('../../regions/index.ts'), import('../../answer/render.ts')]);
      let regionCode: string | null = null;
      if (opts.region) {
        const region = await findRegion(app.db, opts.region);
        if (!region) throw new PanduError('REGION_UNKNOWN', { query: opts.region });
        regionCode = region.code;
      }
      if (opts.staff && (await answerAsStaff(ctx, question, opts.json === true))) return;
      // Run here, not inside `pandu start` (which fills an empty knowledge base itself): say why nothing can be quoted.
      if (!ctx.viaServer) {
        const [{ n } = { n: 0 }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
        if (n === 0) ctx.io.err(`${help.ask.emptyKnowledgeBase}\n`);
      }
      // --session ID: questions asked with the same id (within 30 minutes) form one conversation.
      const answers = await servicesOf(app).conversation();
      const a = await answers.ask({ question, platform: 'cli', regionCode, sessionId: opts.session });
      if (opts.json) {
        printJson(ctx.io, { question: a.question, intent: a.intent, answer: a.answer, refused: a.refused, citations: a.citations, understood: a.understood ?? null });
      } else ctx.io.out(`${renderPlain(a)}\n`);
    });

  program
    .command('search')
    .description(help.search.description)
    .argument('<kueri>', help.search.query)
    .option('--k <n>', help.search.k, '5')
    .option('--region <kode>', help.search.region)
    .option('--json', help.search.json)
    .action(async (query: string, opts: { k: string; region?: string; json?: boolean }) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1 || k > 100) throw new PanduError('USAGE', { detail: help.usage.badK });
      const app = await ctx.app();
      const [{ findRegion }, { search }] = await Promise.all([import('../../regions/index.ts'), import('../../retrieval/index.ts')]);
      const embedder = await servicesOf(app).embedder();
      const regionCode = opts.region ? ((await findRegion(app.db, opts.region))?.code ?? null) : null;
      const hits = await search({ db: app.db, embedder }, query, { k, regionCode });
      const rows = hits.map((h) => ({
        document: h.document, title: h.title, heading: h.heading, page: h.page, snippet: h.text.replace(/\s+/g, ' ').slice(0, 300), score: h.score,
        published_at: h.publishedAt ?? null, place: h.place ?? null, url: h.url ?? null,
      }));
      if (opts.json) printJson(ctx.io, rows);
      else rows.forEach((r, i) => ctx.io.out(`${i + 1}. [${r.score.toFixed(2)}] ${r.title} — ${r.heading}${r.page ? ` (hlm. ${r.page})` : ''}\n   ${r.document}\n   ${r.snippet}\n`));
    });
}
