/**
 * The parse worker: a child process that parses one untrusted file at a time for
 * `isolated-parser.ts`. A file that exhausts its memory or hangs ends this process
 * only; the parent names the file as refused and starts another worker.
 */
import { createHashingEmbedder, type Embedder } from '../retrieval/index.ts';
import { PanduError } from '../errors.ts';
import { indexChunks } from './index-chunks.ts';
import { loadDocument } from './loaders.ts';
import type { ParseReply, ParseRequest } from './isolated-parser.ts';

/** One offline embedder per dimension for the worker's life: its word cache carries over files. */
const embedders = new Map<number, Embedder>();
const hashing = (dim: number) => embedders.get(dim) ?? embedders.set(dim, createHashingEmbedder(dim)).get(dim)!;

function reply(m: ParseReply): void {
  process.send?.(m);
}

async function handle(req: ParseRequest): Promise<void> {
  try {
    const doc = await loadDocument(req.path, req.data, req.text, req.limits, () => reply({ id: req.id, type: 'progress' }));
    if (!req.index) return reply({ id: req.id, type: 'done', doc });
    // Chunking, term counts and offline vectors here, beside the caller's database writes.
    const chunks = await indexChunks(doc.title, doc.blocks, req.index.hashingDim ? hashing(req.index.hashingDim) : null);
    // Without their index text (title, headings and text again): the parent joins it back, a quarter less to send.
    reply({ id: req.id, type: 'done', doc: { ...doc, blocks: [], chunks: chunks.map(({ indexText: _, ...c }) => c) } });
  } catch (err) {
    if (PanduError.isInstance(err, 'LOAD_REFUSED')) reply({ id: req.id, type: 'refused', reason: err.details.reason, detail: err.details.detail });
    else reply({ id: req.id, type: 'failed', message: (err as Error).message ?? String(err) });
  }
}

// One file at a time, in the order asked: the parent sends the next ones before this one is done.
let queue: Promise<void> = Promise.resolve();
process.on('message', (m) => {
  queue = queue.then(() => handle(m as ParseRequest));
});
// The parent went away (or closed the channel): nothing left to parse for.
process.on('disconnect', () => process.exit(0));
