import type OpenAI from 'openai';
import type { Logger } from './log.ts';

/** Where an OpenAI-compatible model server is (OpenAI, vLLM, Ollama, TEI …) and how long to wait for it. */
export interface ModelServerOptions {
  readonly apiKey?: string;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

/**
 * The one way Pandu builds a client for the optional model server: servers without keys
 * get a placeholder, and each use picks its own wait and retries (answers and rewrites
 * fall back offline at once; embeddings at ingest may retry). The openai package loads
 * here, on first use, so a Pandu without a model server never loads it.
 */
export async function modelServerClient(options: ModelServerOptions, defaults: { timeoutMs: number; maxRetries: number }): Promise<OpenAI> {
  const { default: OpenAIClient } = await import('openai');
  return new OpenAIClient({
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: defaults.maxRetries,
  });
}

/** One instruction and one prompt to a chat model, answered as text; null when the server failed. */
export interface ChatModel {
  complete(input: { readonly system: string; readonly user: string; readonly maxTokens: number }): Promise<string | null>;
}

/**
 * A chat model on the model server, deterministic (temperature 0) and without retries: its
 * callers have an offline answer ready. A failure is logged as a warning naming that
 * fallback (`fallback`, e.g. "using extractive answer") and returns null.
 */
export function createChatModel(
  options: ModelServerOptions & { readonly model: string; readonly logger: Logger; readonly timeoutMs: number; readonly fallback: string },
): ChatModel {
  let client: Promise<OpenAI> | null = null;
  return {
    async complete({ system, user, maxTokens }) {
      try {
        client ??= modelServerClient(options, { timeoutMs: options.timeoutMs, maxRetries: 0 });
        const res = await (await client).chat.completions.create({
          model: options.model,
          temperature: 0,
          max_tokens: maxTokens,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
        });
        return res.choices[0]?.message?.content?.trim() ?? '';
      } catch (err) {
        options.logger.warn({ err: (err as Error).message }, `model server failed; ${options.fallback}`);
        return null;
      }
    },
  };
}
