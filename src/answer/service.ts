import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import type { Embedder } from '../retrieval/index.ts';
import type { ComposeWeights } from './compose/index.ts';
import type { Generator } from './generate.ts';
import { fitBudget } from './fit.ts';
import { logQuestion, recordFeedback } from './question-log.ts';
import { route } from './router.ts';
import { DEFAULT_MIN_COVERAGE, type TextAnswerDeps } from './text-answers.ts';
import type { Answer, AnswerService, AskInput } from './types.ts';
import { loadVocabulary } from './vocabulary.ts';

export { DEFAULT_MIN_COVERAGE, OFF_TOPIC_THRESHOLDS } from './text-answers.ts';

export interface AnswerServiceDeps {
  readonly db: Db;
  readonly embedder: Embedder;
  readonly logger: Logger;
  readonly generator?: Generator | null;
  readonly now?: () => Date;
  /** Evidence below this share of the question's IDF mass is not enough to answer. */
  readonly minCoverage?: number;
  readonly onAnswered?: (a: Answer, ms: number, platform: string) => void;
  /** Composer weights and evidence thresholds (tuning only; the defaults are the shipped ones). */
  readonly composeWeights?: ComposeWeights;
  readonly thresholds?: TextAnswerDeps['thresholds'];
}

/** The answering core: routes a question, logs it, and reports it to the metrics. */
export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const { db } = deps;
  const log = deps.logger.child({ module: 'answer' });
  const now = deps.now ?? (() => new Date());
  const routeDeps = { db, embedder: deps.embedder, generator: deps.generator, minCoverage: deps.minCoverage ?? DEFAULT_MIN_COVERAGE, composeWeights: deps.composeWeights, thresholds: deps.thresholds };

  return {
    async ask(input: AskInput): Promise<Answer> {
      const started = performance.now();
      const at = input.now ?? now();
      const question = input.question.trim();
      const vocabulary = input.vocabulary ?? (await loadVocabulary(db));
      const { draft, regionCode } = await route(input.budget ? { ...routeDeps, budget: input.budget } : routeDeps, { question, chatRegion: input.regionCode ?? null, ownRegionOnly: input.platform === 'telegram', at, vocabulary, platform: input.platform });
      const latency = Math.round(performance.now() - started);
      let questionId: number | null = null;
      if (input.record !== false) {
        try {
          questionId = await logQuestion(db, { input, question, regionCode, draft, latencyMs: latency, at });
        } catch (err) {
          log.warn({ err }, 'question not logged');
        }
      }
      log.info({ intent: draft.intent, refused: draft.refused, citations: draft.citations.length, ms: latency, platform: input.platform }, 'answered');
      // A chat's budget holds for every answer (checklists and calendars too), not only composed text.
      const shown = input.budget ? fitBudget(draft.answer, draft.more ?? '', input.budget) : { answer: draft.answer, more: draft.more ?? '' };
      const answer: Answer = { question, intent: draft.intent, answer: shown.answer, more: shown.more, refused: draft.refused, citations: draft.citations, questionId, understood: draft.understood };
      deps.onAnswered?.(answer, latency, input.platform);
      return answer;
    },
    feedback: (questionId, vote, by, detail) => recordFeedback(db, questionId, vote, by, detail),
  };
}
