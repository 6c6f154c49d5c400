/**
 * Tuning on the TyDi QA train split only (the reported split is `npm run bench:retrieval`):
 *   node --import tsx bench/tydi-tune.ts [first N train questions, default 2000]
 * Runs the shipped search with each weight setting below and prints R@1/5/10 and MRR@10.
 */
import { migrate, openDatabase } from '../src/db/index.ts';
import { seedRegions } from '../src/regions/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../src/retrieval/index-store.ts';
import { DEFAULT_WEIGHTS, search, type FusionWeights } from '../src/retrieval/search.ts';
import { indexPassages, rankMetrics, readJsonl, type TydiQuestion } from './lib/tydi.ts';

const embedder = createHashingEmbedder();
const db = await openDatabase('memory://');
await migrate(db);
await seedRegions(db);
await ensureEmbeddings(db, embedder);
await indexPassages(db, embedder);
const questions = readJsonl<TydiQuestion>('train_questions.jsonl').slice(0, Number(process.argv[2] ?? 2000));
const settings: Array<[string, Partial<FusionWeights>]> = JSON.parse(
  process.env.TUNE ?? '[["before", {"opening": 0, "names": 0}], ["opening only", {"names": 0}], ["names only", {"opening": 0}], ["shipped", {}]]',
);
for (const [name, change] of settings) {
  const weights = { ...DEFAULT_WEIGHTS, ...change };
  const ranked: string[][] = [];
  for (const q of questions) ranked.push((await search({ db, embedder }, q.question, { k: 10, weights })).map((h) => h.document.slice('tydi/'.length)));
  process.stdout.write(`${name.padEnd(24)} ${JSON.stringify(rankMetrics(ranked, questions.map((q) => q.passage_id)))}\n`);
}
await db.close();
process.exit(0);
