import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { Queryable } from '../db/index.ts';
import type { Embedder } from './embedder.ts';
import { search } from './search.ts';

/** What each LangChain document carries besides its text: enough to cite it as Pandu does. */
export interface PanduDocumentMetadata {
  readonly document: string;
  readonly title: string;
  readonly heading: string;
  readonly page: number | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly place: string | null;
  readonly regionCode: string | null;
  readonly score: number;
}

export interface PanduRetrieverInput extends BaseRetrieverInput {
  readonly db: Queryable;
  readonly embedder: Embedder;
  /** Passages returned per query (default 5). */
  readonly k?: number;
  /** Prefer this region's documents, as Pandu's own answers do. */
  readonly regionCode?: string | null;
}

/**
 * Pandu's hybrid search (BM25 + vectors, region-aware) as a LangChain retriever, for teams that
 * build on LangChain: the same ranking Pandu answers from, returned as `Document`s with citation
 * metadata. Pandu itself does not depend on LangChain; only this adapter does.
 */
export class PanduRetriever extends BaseRetriever<PanduDocumentMetadata> {
  static override lc_name(): string {
    return 'PanduRetriever';
  }

  lc_namespace = ['pandu', 'retrievers'];

  private readonly deps: { db: Queryable; embedder: Embedder };
  private readonly k: number;
  private readonly regionCode: string | null;

  constructor(input: PanduRetrieverInput) {
    super(input);
    this.deps = { db: input.db, embedder: input.embedder };
    this.k = input.k ?? 5;
    this.regionCode = input.regionCode ?? null;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PanduDocumentMetadata>[]> {
    const hits = await search(this.deps, query, { k: this.k, regionCode: this.regionCode });
    return hits.map(
      (h) =>
        new Document<PanduDocumentMetadata>({
          pageContent: h.text,
          metadata: {
            document: h.document, title: h.title, heading: h.heading, page: h.page, url: h.url ?? null,
            publishedAt: h.publishedAt ?? null, place: h.place ?? null, regionCode: h.regionCode, score: h.score,
          },
        }),
    );
  }
}
