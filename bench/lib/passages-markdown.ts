import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ingest benches' Markdown: the TyDi QA passages as sections, 20 to a file (distinct text:
 * copies of one file would give identical vectors, which no real corpus has). Each further copy
 * starts every passage with another word, so its vectors differ too. Returns the bytes written.
 */
export function writePassagesMarkdown(dir: string, copies = 1): number {
  const passages = readFileSync(new URL('../../../shared/bench/tydiqa-id/passages.jsonl', import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  let bytes = 0;
  for (let c = 0; c < copies; c++) {
    for (let f = 0; f * 20 < passages.length; f++) {
      const part = passages.slice(f * 20, f * 20 + 20);
      const name = c === 0 ? `${f}` : `${c}-${f}`;
      const text = `# Kumpulan ${name.replace('-', ' ')}\n\n${part.map((p) => `## Bagian ${p.id}\n\n${c === 0 ? '' : `Salinan ${c} `}${p.text}\n`).join('\n')}`;
      writeFileSync(join(dir, `kumpulan-${name}.md`), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}
