import type { App } from './app.ts';
import { createAnswerService } from './answer/service.ts';
import { createOpenAiGenerator } from './answer/generate.ts';
import type { AnswerService } from './answer/types.ts';
import { embedderFromConfig, ensureEmbeddings, type Embedder } from './retrieval/index.ts';

/** The core services every adapter shares, built once from the App (composition root). */
export interface CoreServices {
  readonly embedder: Embedder;
  readonly answers: AnswerService;
}

export async function createCoreServices(app: App): Promise<CoreServices> {
  const embedder = await embedderFromConfig(app.config);
  await ensureEmbeddings(app.db, embedder);
  const { chatModel, baseUrl, apiKey } = app.config.openai;
  const generator = chatModel ? createOpenAiGenerator({ model: chatModel, baseUrl, apiKey, logger: app.logger }) : null;
  const answers = createAnswerService({
    db: app.answerDb ?? app.db, // statement timeout on PostgreSQL

    embedder,
    logger: app.logger,
    generator,
    onAnswered: (a, ms, platform) => {
      app.metrics.questions.inc({ platform, intent: a.intent, refused: String(a.refused) });
      app.metrics.answerSeconds.observe(ms / 1000);
    },
  });
  return { embedder, answers };
}
