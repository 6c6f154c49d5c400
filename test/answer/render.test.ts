import { describe, expect, it } from 'vitest';
import { sourceAddress, sourceLabel } from '../../src/answer/render.ts';
import type { Citation } from '../../src/answer/types.ts';

const base: Citation = {
  document: 'berita/klinik.pdf', title: 'Klinik Quick Win', heading: 'Klinik Quick Win > Jadwal', page: 3, snippet: '…', score: 1,
  published_at: '2024-06-03', place: 'Kota Bitung', url: 'https://contoh.go.id/klinik.pdf',
};

describe('citation rendering', () => {
  it('opens a PDF at the cited page, a web page at its address, and nothing without an address', () => {
    expect(sourceAddress(base)).toBe('https://contoh.go.id/klinik.pdf#page=3');
    expect(sourceAddress({ ...base, document: 'berita/klinik.html', url: 'https://contoh.go.id/klinik', page: null })).toBe('https://contoh.go.id/klinik');
    expect(sourceAddress({ ...base, url: 'https://contoh.go.id/klinik.pdf#page=9' })).toBe('https://contoh.go.id/klinik.pdf#page=9');
    expect(sourceAddress({ ...base, url: null })).toBeNull();
  });

  it('labels a source by title, dateline, section and page, never by its file path', () => {
    const label = sourceLabel(base);
    expect(label).toBe('Klinik Quick Win · Kota Bitung, 3 Juni 2024, Jadwal, hlm. 3');
    expect(label).not.toContain('berita/');
  });
});
