import { modelServerClient, type ModelServerOptions } from '../model-server.ts';
import type { Embedder } from './embedder.ts';

/** Embeddings from any OpenAI-compatible server (OpenAI, vLLM, Ollama, TEI …). */
export async function createOpenAiEmbedder(options: ModelServerOptions & { model: string }): Promise<Embedder> {
  const client = await modelServerClient(options, { timeoutMs: 30_000, maxRetries: 2 });
  const call = async (texts: readonly string[]) => {
    const res = await client.embeddings.create({ model: options.model, input: [...texts] });
    return res.data.sort((a, b) => a.index - b.index).map((d) => Float32Array.from(d.embedding));
  };
  const [probe] = await call(['dimensi']);
  const dim = probe!.length;
  return {
    id: `openai:${options.model}/${dim}`,
    dim,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += 64) out.push(...(await call(texts.slice(i, i + 64))));
      return out;
    },
  };
}
