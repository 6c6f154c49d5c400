import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SastrawiStemmer } from '../../src/language/index.ts';

/**
 * Every distinct word of corpus/ (texts, PDFs and DOCX as loaded, the evaluation sets) with
 * the stem the `sastrawijs` package gave it, recorded before the package was replaced by the
 * vendored port (issue 18). The index and the benchmark figures depend on these stems.
 */
const recorded = readFileSync(new URL('./corpus-stems.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);

describe('Sastrawi stemmer (vendored port)', () => {
  const stemmer = new SastrawiStemmer();

  it('stems every word of the corpus exactly as the sastrawijs package did', () => {
    expect(recorded.length).toBeGreaterThan(4000);
    const different = recorded.filter(([word, stem]) => stemmer.stem(word) !== stem).map(([word, stem]) => `${word}: ${stem} → ${stemmer.stem(word)}`);
    expect(different).toEqual([]);
  });

  it('cuts prefixes with their sound changes, suffixes and particles down to the root word', () => {
    expect(stemmer.stem('menuliskan')).toBe('tulis'); // meN- + t, -kan
    expect(stemmer.stem('menyusun')).toBe('susun'); // meny- + s
    expect(stemmer.stem('pengiriman')).toBe('kirim'); // peng- + k, -an
    expect(stemmer.stem('perencanaan')).toBe('rencana'); // per-, -an
    expect(stemmer.stem('dikerjakan')).toBe('kerja');
    expect(stemmer.stem('kemampuannya')).toBe('mampu'); // ke-…-an, -nya
    expect(stemmer.stem('bukunya')).toBe('buku');
  });

  it('keeps words it cannot take to a root word, and knows no words from Object.prototype', () => {
    expect(stemmer.stem('xyzzyan')).toBe('xyzzyan');
    expect(stemmer.isRoot('constructor')).toBe(false);
    expect(stemmer.isRoot('tulis')).toBe(true);
  });
});
