import type { Config } from '../config/index.ts';
import { createHashingEmbedder, createOpenAiEmbedder, type Embedder } from './embedder.ts';

/** The configured embedder: the model server's when OPENAI_EMBEDDING_MODEL is set, else offline hashing. */
export async function embedderFromConfig(config: Config): Promise<Embedder> {
  const { embeddingModel, baseUrl, apiKey } = config.openai;
  if (embeddingModel) return createOpenAiEmbedder({ model: embeddingModel, baseUrl, apiKey });
  return createHashingEmbedder();
}
