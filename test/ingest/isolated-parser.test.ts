import { describe, expect, it } from 'vitest';
import { failureReason } from '../../src/ingest/errors.ts';
import { createIsolatedParser } from '../../src/ingest/isolated-parser.ts';
import { GOOD_MD } from '../support/corpus.ts';

const note = (n: number) => `# Catatan ${n}\n\nRapat koordinasi Dewan Smart City ke-${n} membahas quick win kanal aduan.\n`;
const empty = new Uint8Array(0);

describe('the parse worker, given several files at once', () => {
  it('answers each file with its own document, in the order asked', async () => {
    const parser = createIsolatedParser();
    try {
      const docs = await Promise.all(Array.from({ length: 12 }, (_, n) => parser.parse(`catatan-${n}.md`, empty, note(n), { hashingDim: 64 })));
      expect(docs.map((d) => d.title)).toEqual(Array.from({ length: 12 }, (_, n) => `Catatan ${n}`));
      expect(docs.every((d) => d.chunks?.[0]?.embedding?.length === 64)).toBe(true);
    } finally {
      parser.close();
    }
  });

  it('a file that exhausts the worker\'s memory fails alone: the files queued behind it go to a new worker', async () => {
    const parser = createIsolatedParser({ memoryMb: 64 });
    const row = '<tr><td>Dewan Smart City</td><td>rapat koordinasi</td><td>quick win</td></tr>';
    try {
      const results = await Promise.allSettled([
        parser.parse('a.md', empty, note(1)),
        parser.parse('b-tabel-raksasa.html', empty, `<html><body><table>${row.repeat(120_000)}</table></body></html>`),
        parser.parse('c.md', empty, GOOD_MD),
        parser.parse('d.md', empty, note(4)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(failureReason((results[1] as PromiseRejectedResult).reason)).toMatch(/melebihi batas memori.*64 MB/);
      expect((results[2] as PromiseFulfilledResult<{ title: string }>).value.title).toBe('Panduan Uji Quick Win');
      expect((results[3] as PromiseFulfilledResult<{ title: string }>).value.title).toBe('Catatan 4');
    } finally {
      parser.close();
    }
  }, 60_000);

  it('closing with files still queued fails them instead of leaving them waiting', async () => {
    const parser = createIsolatedParser();
    const pending = [parser.parse('a.md', empty, note(1)), parser.parse('b.md', empty, note(2))];
    parser.close();
    const results = await Promise.allSettled(pending);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
