/**
 * Answer-level tuning and checks on TyDi QA / IDK-MRC (the reported figures come from
 * `npm run bench:retrieval`):
 *   node --import tsx bench/tydi-answers.ts [--split train|report] [--n N] [--misses N] [--refusal]
 * The passage index is kept in TYDI_DB (a PGlite folder or postgres:// URL; default
 * .pandu/tydi-bench) and built on the first run. Train: tune here. Report: valid+test.
 */
import { parseArgs } from 'node:util';
import { createAnswerService } from '../src/answer/service.ts';
import { COMPOSE_WEIGHTS, type ComposeWeights } from '../src/answer/compose/index.ts';
import { THRESHOLDS, type Thresholds } from '../src/answer/evidence.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { createLogger } from '../src/log.ts';
import { seedRegions } from '../src/regions/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';
import { figures, runAnswers, refusalRate, holdsGold, type GoldQuestion } from './lib/answer-level.ts';
import { indexPassages, readJsonl, type TydiQuestion } from './lib/tydi.ts';

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'train' }, n: { type: 'string', default: '1500' }, misses: { type: 'string', default: '0' }, refusal: { type: 'boolean', default: false } },
});
const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder();
const db = await openDatabase(process.env.TYDI_DB ?? '.pandu/tydi-bench');
await migrate(db);
await seedRegions(db);
await ensureEmbeddings(db, embedder);
const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
if (n === 0) {
  const t = performance.now();
  await indexPassages(db, embedder);
  process.stderr.write(`indexed passages in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
const composeWeights = process.env.TUNE ? { ...COMPOSE_WEIGHTS, ...(JSON.parse(process.env.TUNE) as Partial<ComposeWeights>) } : undefined;
const thresholds = process.env.TUNE_T ? { ...THRESHOLDS, ...(JSON.parse(process.env.TUNE_T) as Partial<Thresholds & { offTopic: Partial<Thresholds> }>) } : undefined;
const answers = createAnswerService({ db, embedder, logger, composeWeights, thresholds });
const file = values.split === 'train' ? 'train_questions.jsonl' : 'questions.jsonl';
const questions = readJsonl<GoldQuestion>(file).slice(0, Number(values.n));
const run = await runAnswers({ db, embedder, answers }, questions);
const out: Record<string, unknown> = {
  split: values.split,
  shipped: figures(run.shipped),
  first300: figures(run.first300),
  bestSentence: figures(run.bestSentence),
  falseRefusal: Number((run.shipped.filter((s) => s.refused).length / run.shipped.length).toFixed(3)),
};
if (values.refusal) {
  const unans = readJsonl<TydiQuestion & { kind: string; split: string }>('unanswerable.jsonl').filter((u) => u.kind === 'human');
  out.refusalHuman = await refusalRate(answers, unans);
}
const misses = Number(values.misses);
if (misses > 0) {
  const wrong = run.shipped.filter((s) => !holdsGold(s.text, s.answers)).slice(0, misses);
  for (const w of wrong) process.stderr.write(`\n? ${w.question}\n= ${w.answers.join(' | ')}${w.refused ? `  [REFUSED: ${w.message.slice(0, 90)}]` : ''}\n> ${w.text.slice(0, 400).replace(/\n/g, ' ⏎ ')}\n`);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
await db.close();
process.exit(0);
