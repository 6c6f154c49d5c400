import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export type ChatBehaviour =
  | { kind: 'answer'; content: string }
  | { kind: 'error'; status: number }
  | { kind: 'hang'; ms: number };

/**
 * A small OpenAI-compatible server (POST /v1/chat/completions, /v1/embeddings) for
 * tests: the real `openai` client talks to it over HTTP.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  chat: ChatBehaviour = { kind: 'answer', content: 'TIDAK_TAHU' };
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    let raw = '';
    for await (const c of req) raw += c;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = (req.url ?? '').split('?')[0]!;
    this.requests.push({ path, body });
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (path === '/v1/embeddings') {
      const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      json(200, {
        object: 'list',
        model: body.model,
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: Array.from({ length: 8 }, (_, i) => ((text.length * (i + 1)) % 7) / 7) })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
      return;
    }
    if (path === '/v1/chat/completions') {
      const b = this.chat;
      if (b.kind === 'error') return json(b.status, { error: { message: 'server error', type: 'server_error' } });
      if (b.kind === 'hang') await new Promise((r) => setTimeout(r, b.ms));
      if (res.destroyed) return;
      json(200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: b.kind === 'answer' ? b.content : 'terlambat' } }],
      });
      return;
    }
    json(404, { error: { message: 'not found' } });
  }
}
