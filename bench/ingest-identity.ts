/**
 * What the index is built from, as one digest: `node --import tsx bench/ingest-identity.ts`.
 * Every chunk of the bench's Markdown (the TyDi passages as 233 files, as bench/ingest.ts
 * writes them), of corpus/ and of eval/real and eval/fresh documents (Markdown, text, HTML,
 * PDF, DOCX) is loaded and indexed as the parse worker does it, in one process; the digest
 * covers each chunk's heading, page, text, index text, term counts in their order, offline
 * vector bytes and query-time terms, then the terms and vectors of the TyDi questions. Run it
 * on two checkouts: ingest speed work must print the same digest. Last stdout line: JSON.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { indexChunks } from '../src/ingest/index-chunks.ts';
import { DEFAULT_PARSE_LIMITS } from '../src/ingest/limits.ts';
import { loadDocument } from '../src/ingest/loaders.ts';
import { terms } from '../src/language/index.ts';
import { splitFrontMatter } from '../src/programme/index.ts';
import { createHashingEmbedder } from '../src/retrieval/embedder.ts';
import type { IndexChunk } from '../src/retrieval/index.ts';

const TYDI = new URL('../../shared/bench/tydiqa-id/', import.meta.url);
const embedder = createHashingEmbedder(512);
const all = createHash('sha256');
let files = 0;
let chunks = 0;

const bytesOf = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

function feed(name: string, list: readonly IndexChunk[]): void {
  const h = createHash('sha256');
  for (const c of list) {
    h.update(`${c.ordinal}|${c.heading}|${c.page}|${c.text}|${c.indexText}\n`);
    h.update([...(c.counts ?? new Map<string, number>())].map(([t, n]) => `${t}:${n}`).join(' '));
    if (c.embedding) h.update(bytesOf(c.embedding));
    h.update(terms(c.indexText).join(' '));
    chunks++;
  }
  all.update(name).update(h.digest());
  files++;
}

async function load(name: string, data: Uint8Array, text: string | null): Promise<void> {
  try {
    const doc = await loadDocument(name, data, text, DEFAULT_PARSE_LIMITS, () => undefined);
    feed(name, await indexChunks(doc.title, doc.blocks, embedder));
  } catch (err) {
    all.update(`${name} failed ${(err as Error).message}`);
  }
}

const passages = readFileSync(new URL('passages.jsonl', TYDI), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
for (let f = 0; f * 20 < passages.length; f++) {
  const part = passages.slice(f * 20, f * 20 + 20);
  await load(`kumpulan-${f}.md`, new Uint8Array(0), `# Kumpulan ${f}\n\n${part.map((p) => `## Bagian ${p.id}\n\n${p.text}\n`).join('\n')}`);
}

const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
for (const path of ['corpus', 'eval/real/docs', 'eval/fresh/docs'].flatMap(walk)) {
  const ext = extname(path).toLowerCase();
  if (!['.md', '.txt', '.html', '.pdf', '.docx'].includes(ext)) continue;
  const data = readFileSync(path);
  if (ext === '.pdf' || ext === '.docx') {
    await load(path, new Uint8Array(data), null);
    continue;
  }
  let text = data.toString('utf8');
  const fm = ext === '.md' ? splitFrontMatter(text) : null;
  if (fm && /^kind:\s*checklist\s*$/m.test(fm.yaml)) continue;
  if (fm) text = fm.body;
  await load(path, new Uint8Array(0), text);
}

let questions = 0;
for (const l of readFileSync(new URL('questions.jsonl', TYDI), 'utf8').split('\n').filter(Boolean)) {
  const q = (JSON.parse(l) as { question: string }).question;
  all.update(terms(q).join(' '));
  const [v] = await embedder.embed([q]);
  all.update(bytesOf(v!));
  questions++;
}
process.stdout.write(`${JSON.stringify({ files, chunks, questions, digest: all.digest('hex') })}\n`);
process.exit(0);
