import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { PanduRetriever, type PanduDocumentMetadata } from '../../src/retrieval/langchain.ts';
import { search } from '../../src/retrieval/search.ts';
import { backends, testDb } from '../support/db.ts';
import { tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

describe.each(backends)('PanduRetriever on %s', (backend) => {
  it("serves Pandu's ranking to a LangChain runnable sequence, each document citable", async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const dir = tempDir('pandu-lc-');
    writeFileSync(join(dir, 'dewan.md'), '---\nurl: https://contoh.go.id/dewan\n---\n# Dewan Smart City\n\n## Ketua\n\nDewan Smart City diketuai oleh kepala daerah dan bersidang dua kali setahun.\n');
    writeFileSync(join(dir, 'quick-win.md'), '# Quick Win\n\n## Batas waktu\n\nQuick win dimulai paling lambat dua belas bulan setelah lembar komitmen ditandatangani.\n');
    await ingestPaths({ db, embedder, logger }, [dir]);

    const question = 'dewan smart city diketuai siapa?';
    const retriever = new PanduRetriever({ db, embedder, k: 2 });
    const cite = RunnableLambda.from((docs: Document<PanduDocumentMetadata>[]) => docs.map((d) => `${d.metadata.title} — ${d.metadata.heading} <${d.metadata.url ?? '-'}>`));
    const lines = await RunnableSequence.from([retriever, cite]).invoke(question);

    // Same order as Pandu's own search, with the source's address carried along.
    const hits = await search({ db, embedder }, question, { k: 2 });
    expect(lines).toHaveLength(hits.length);
    expect(lines[0]).toBe('Dewan Smart City — Dewan Smart City > Ketua <https://contoh.go.id/dewan>');
    expect((await retriever.invoke(question)).map((d) => d.metadata.document)).toEqual(hits.map((h) => h.document));
  });
});
