import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus metrics; one registry, passed to whoever records. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pandu_' });
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
