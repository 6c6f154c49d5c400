import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queryable } from '../db/index.ts';

/**
 * Answers rated 👍/👎 (with a 👎's reason), read from the question log at each scrape, so the
 * counts hold across restarts and include every platform.
 */
function feedbackGauge(registry: Registry, db: Queryable): Gauge<'vote' | 'reason'> {
  return new Gauge({
    name: 'pandu_feedback_answers',
    help: 'Answers rated by users, by vote (up/down) and reason of a down vote',
    labelNames: ['vote', 'reason'] as const,
    registers: [registry],
    async collect() {
      const rows = await db.query<{ vote: number; reason: string | null; n: string }>(
        `SELECT feedback AS vote, feedback_reason AS reason, count(*) AS n FROM questions WHERE feedback IS NOT NULL GROUP BY 1, 2`,
      );
      this.reset();
      for (const r of rows) this.set({ vote: r.vote === 1 ? 'up' : 'down', reason: r.vote === 1 ? '' : (r.reason ?? 'tanpa_alasan') }, Number(r.n));
    },
  });
}

/** The process's Prometheus metrics; one registry, passed to whoever records. */
export function createMetrics(o: { db?: Queryable } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pandu_' });
  if (o.db) feedbackGauge(registry, o.db);
  return {
    registry,
    questions: new Counter({
      name: 'pandu_questions_total',
      help: 'Questions answered, by platform, intent and refusal',
      labelNames: ['platform', 'intent', 'refused'] as const,
      registers: [registry],
    }),
    answerSeconds: new Histogram({
      name: 'pandu_answer_seconds',
      help: 'Time to compose an answer',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    remindersSent: new Counter({
      name: 'pandu_reminders_total',
      help: 'Reminder deliveries by result',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    ingestedFiles: new Counter({
      name: 'pandu_ingested_files_total',
      help: 'Ingested files by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
