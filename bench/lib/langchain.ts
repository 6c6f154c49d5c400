/**
 * The LangChain peer baseline of the retrieval benchmark: LangChain's own `PGVectorStore`
 * (@langchain/community) on PostgreSQL, fed the TyDi passages through Pandu's offline embedder
 * wrapped as a LangChain `Embeddings` — what a team building on LangChain gets out of the box
 * with the same vectors: one table of (text, embedding, metadata), exact cosine scan, no
 * lexical signal. Only the benchmark uses it (a devDependency).
 */
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { openDatabase } from '../../src/db/index.ts';
import type { Embedder } from '../../src/retrieval/embedder.ts';
import { benchDatabase, durability, percentile } from './env.ts';

/** Pandu's embedder behind LangChain's interface: the same vector for the same text. */
export class PanduEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedder.embed(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedder.embed([text]);
    return Array.from(v!);
  }
}

export interface LangchainRun {
  /** Passage ids, best first, 10 per question. */
  readonly ranked: string[][];
  readonly index_s: number;
  readonly query_p50_ms: number;
  readonly query_p95_ms: number;
  readonly database: Record<string, string>;
}

/** Indexes the passages in a fresh database on serverUrl's server and ranks each question's top 10. */
export async function langchainRanking(
  serverUrl: string,
  embedder: Embedder,
  passages: ReadonlyArray<{ id: string; text: string }>,
  questions: readonly string[],
): Promise<LangchainRun> {
  const url = await benchDatabase(serverUrl, 'langchain_tydi');
  const store = await PGVectorStore.initialize(new PanduEmbeddings(embedder), {
    postgresConnectionOptions: { connectionString: url },
    tableName: 'tydi_passages',
    distanceStrategy: 'cosine',
  });
  try {
    const t0 = performance.now();
    await store.addDocuments(passages.map((p) => new Document({ pageContent: p.text, metadata: { id: p.id } })));
    const index_s = Number(((performance.now() - t0) / 1000).toFixed(1));
    const ranked: string[][] = [];
    const times: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      const docs = await store.similaritySearch(q, 10);
      times.push(performance.now() - t);
      ranked.push(docs.map((d) => String(d.metadata.id)));
    }
    const db = await openDatabase(url);
    const database = await durability(db).finally(() => db.close());
    return { ranked, index_s, query_p50_ms: percentile(times, 0.5), query_p95_ms: percentile(times, 0.95), database };
  } finally {
    await store.end();
  }
}
