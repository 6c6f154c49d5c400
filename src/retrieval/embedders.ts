import type { Config } from '../config/index.ts';
import { createHashingEmbedder, type Embedder } from './embedder.ts';

/** The configured embedder: the model server's when OPENAI_EMBEDDING_MODEL is set, else offline hashing. */
export async function embedderFromConfig(config: Config): Promise<Embedder> {
  const { embeddingModel, baseUrl, apiKey } = config.openai;
  if (embeddingModel) {
    // The OpenAI client is loaded only when a model server is configured.
    const { createOpenAiEmbedder } = await import('./openai-embedder.ts');
    return createOpenAiEmbedder({ model: embeddingModel, baseUrl, apiKey });
  }
  return createHashingEmbedder();
}
