import OpenAI from 'openai';

/** Where an OpenAI-compatible model server is (OpenAI, vLLM, Ollama, TEI …) and how long to wait for it. */
export interface ModelServerOptions {
  readonly apiKey?: string;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

/**
 * The one way Pandu builds a client for the optional model server: servers without keys
 * get a placeholder, and each use picks its own wait and retries (answers and rewrites
 * fall back offline at once; embeddings at ingest may retry).
 */
export function modelServerClient(options: ModelServerOptions, defaults: { timeoutMs: number; maxRetries: number }): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: defaults.maxRetries,
  });
}
