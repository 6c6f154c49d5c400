/**
 * Quick runner for the real-shaped set while tuning:
 *   npm run eval:real -- [--set real|fresh|blind] [--split dev|test|all] [--ids r001,r007] [--verbose] [--json]
 * Prints the ingest failures, the figures of each half and every miss with its question, the
 * key facts it needed and the first 300 characters of the answer given. Tune on dev only;
 * run test to report. `--set fresh` asks the second, dev-only set (eval/fresh); `--set blind` the third (eval/blind). --verbose adds every file's ingest outcome and the hit rate per shape.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../src/log.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import { SETS, hitsByShape, runReal, type Split } from './lib/real.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'real' },
    split: { type: 'string', default: 'dev' },
    ids: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const splitArg = values.split ?? 'dev';
if (!['dev', 'test', 'all'].includes(splitArg)) {
  process.stderr.write(`--split harus dev, test, atau all (bukan "${splitArg}")\n`);
  process.exit(2);
}
const setArg = values.set ?? 'real';
if (!Object.hasOwn(SETS, setArg)) {
  process.stderr.write(`--set harus salah satu dari ${Object.keys(SETS).join(', ')} (bukan "${setArg}")\n`);
  process.exit(2);
}
const set = SETS[setArg as keyof typeof SETS];
const splits: Split[] = splitArg === 'all' ? ['dev', 'test'] : [splitArg as Split];
const ids = values.ids ? new Set(values.ids.split(',').map((s) => s.trim())) : null;
const out = (s = '') => process.stdout.write(`${s}\n`);

const run = await runReal(createHashingEmbedder(), splits, createLogger('warn', { pretty: false }), (it) => !ids || ids.has(it.id), set);
if (values.json) {
  out(JSON.stringify({ ingest: { documents: run.ingest.documents, failed: run.ingest.failed }, ...run.reports }));
  process.exit(0);
}
out(`ingest: ${run.ingest.documents} documents from ${set.docs[0]}, ${run.ingest.failed.length} failed`);
for (const f of run.ingest.failed) out(`  FAILED ${f.path}: ${f.reason}`);
if (values.verbose) for (const f of run.ingest.files) out(`  ${f.status.padEnd(9)} ${String(f.chunks).padStart(3)} chunks  ${f.path}`);

for (const split of splits) {
  const report = run.reports[split]!;
  const { misses, byType, ...figures } = report;
  out(`\n== ${split} ==${split === 'test' ? '  (report only: do not tune on the test half)' : ''}`);
  out(Object.entries(figures).map(([k, v]) => `${k} ${v}`).join('  '));
  out(`byType: ${Object.entries(byType).map(([k, v]) => `${k} ${v.factHit} (n=${v.n})`).join(', ')}`);
  if (values.verbose) out(`byShape: ${Object.entries(hitsByShape(run.items, report, split)).map(([k, v]) => `${k} ${v.factHit} (n=${v.n})`).join(', ')}`);
  out(`\nmisses (${misses.length}):`);
  for (const m of misses) {
    out(`- ${m.id} ${m.why}`);
    out(`  Q: ${m.question}`);
    if (m.expected.length) out(`  expected: ${m.expected.join(' | ')}`);
    out(`  answer: ${m.answer.replace(/\s+/g, ' ')}`);
  }
}
process.exit(0);
