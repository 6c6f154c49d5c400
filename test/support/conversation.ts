import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerService } from '../../src/answer/service.ts';
import { createConversationalAnswerService, type ConversationalAnswerService } from '../../src/conversation/index.ts';
import type { Db } from '../../src/db/index.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import type { Logger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { CALENDAR, CHECKLIST, GOOD_MD } from './corpus.ts';
import { tempDir } from './process.ts';

/**
 * The real answering core with conversation memory, over a small ingested corpus: the
 * 2026 calendar of Kabupaten Sragen and Kota Jayapura (Bimtek I due 12 June, Bimtek II
 * 31 July; Jayapura's Bimtek II 7 August), the Bimtek I checklist and a quick-win guide.
 */
export async function conversationalCore(db: Db, o: { logger: Logger; now: () => Date; silenceMs?: number }): Promise<ConversationalAnswerService> {
  const embedder = createHashingEmbedder(256);
  await ensureEmbeddings(db, embedder);
  const dir = tempDir('pandu-percakapan-');
  for (const sub of ['panduan', 'kalender', 'checklist']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'panduan', 'quick-win.md'), GOOD_MD);
  writeFileSync(join(dir, 'kalender', 'angkatan-2026.yaml'), CALENDAR('2026-06-12'));
  writeFileSync(join(dir, 'checklist', 'bimtek-1.md'), CHECKLIST);
  await ingestPaths({ db, embedder, logger: o.logger }, [dir]);
  const inner = createAnswerService({ db, embedder, logger: o.logger, now: o.now });
  return createConversationalAnswerService(inner, { db, logger: o.logger, now: o.now, silenceMs: o.silenceMs });
}
