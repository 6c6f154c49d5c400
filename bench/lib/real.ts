/**
 * The real-shaped evaluation set (eval/real, see its README): `corpus/` and the set's own
 * documents are ingested with the normal pipeline into a fresh in-memory database, then
 * `evaluate()` runs on each requested half (dev, test) of the set's questions separately.
 * Files that fail to ingest (e.g. scans while no OCR is available) are reported, and the
 * questions about them are still asked: they count as misses.
 */
import { createAnswerService } from '../../src/answer/service.ts';
import { evaluate, readQaSet, type EvalReport, type QaItem } from '../../src/evaluation/index.ts';
import { ingestPaths, type FileOutcome } from '../../src/ingest/index.ts';
import type { Logger } from '../../src/log.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { freshDb } from './db.ts';

export const REAL_DOCS = 'eval/real/docs';
export const REAL_QA = 'eval/real/qa.jsonl';
export type Split = 'dev' | 'test';

/**
 * A set of questions and the folders ingested for it. `real` is the reported set; `fresh`
 * (eval/fresh, a second dev-only set written later and blind to the code) is asked over its
 * own documents and the real set's, so the real set's pages are distractors for it.
 */
export interface RealSet {
  readonly docs: readonly string[];
  readonly qa: string;
}
export const SETS: Readonly<Record<'real' | 'fresh' | 'blind' | 'blind2' | 'blind3' | 'blind4' | 'blind5' | 'blind6' | 'blind7', RealSet>> = {
  real: { docs: [REAL_DOCS], qa: REAL_QA },
  fresh: { docs: ['eval/fresh/docs', REAL_DOCS], qa: 'eval/fresh/qa.jsonl' },
  blind: { docs: ['eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind/qa.jsonl' },
  blind2: { docs: ['eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind2/qa.jsonl' },
  blind3: { docs: ['eval/blind3/docs', 'eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind3/qa.jsonl' },
  blind4: { docs: ['eval/blind4/docs', 'eval/blind3/docs', 'eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind4/qa.jsonl' },
  blind5: { docs: ['eval/blind5/docs', 'eval/blind4/docs', 'eval/blind3/docs', 'eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind5/qa.jsonl' },
  blind7: { docs: ['eval/blind7/docs', 'eval/blind6/docs', 'eval/blind5/docs', 'eval/blind4/docs', 'eval/blind3/docs', 'eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind7/qa.jsonl' },
  blind6: { docs: ['eval/blind6/docs', 'eval/blind5/docs', 'eval/blind4/docs', 'eval/blind3/docs', 'eval/blind2/docs', 'eval/blind/docs', REAL_DOCS, 'eval/fresh/docs'], qa: 'eval/blind6/qa.jsonl' },
};

export interface RealRun {
  readonly items: QaItem[];
  readonly ingest: { documents: number; failed: Array<{ path: string; reason: string }>; files: FileOutcome[] };
  readonly reports: Partial<Record<Split, EvalReport>>;
}

export async function runReal(
  embedder: Embedder,
  splits: readonly Split[],
  logger: Logger,
  filter: (it: QaItem) => boolean = () => true,
  set: RealSet = SETS.real,
): Promise<RealRun> {
  const db = await freshDb();
  try {
    await ensureEmbeddings(db, embedder);
    const summary = await ingestPaths({ db, embedder, logger }, ['corpus', ...set.docs]);
    const files = summary.files.filter((f) => f.path.startsWith(`${set.docs[0]}/`));
    const failed = files.filter((f) => f.status === 'failed' || f.status === 'skipped').map((f) => ({ path: f.path, reason: f.reason ?? f.status }));
    const answers = createAnswerService({ db, embedder, logger });
    const items = readQaSet(set.qa);
    const reports: RealRun['reports'] = {};
    for (const split of splits) reports[split] = await evaluate({ db, embedder, answers }, items.filter((it) => it.split === split && filter(it)));
    return { items, ingest: { documents: files.length - failed.length, failed, files }, reports };
  } finally {
    await db.close();
  }
}

/** Key-fact hit per `shape` (dateline, bullets, scan …) among the answerable items of one report. */
export function hitsByShape(items: readonly QaItem[], report: EvalReport, split: Split): Record<string, { n: number; factHit: number }> {
  const missed = new Set(report.misses.map((m) => m.id));
  const out: Record<string, { n: number; hits: number }> = {};
  for (const it of items) {
    if (!it.answerable || it.split !== split || !it.shape) continue;
    const s = (out[it.shape] ??= { n: 0, hits: 0 });
    s.n++;
    if (!missed.has(it.id)) s.hits++;
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { n: v.n, factHit: Number((v.hits / v.n).toFixed(3)) }]));
}
