import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.ts';
import { renderAnswer, splitMessage } from '../../../src/bots/telegram/index.ts';
import { parseTelegramHtml } from '../../support/fake-telegram.ts';

const answer = (over: Partial<Answer>): Answer => ({
  question: 'q',
  intent: 'rule',
  answer: 'Jawaban.',
  refused: false,
  citations: [],
  questionId: 1,
  ...over,
});

describe('Telegram answer rendering', () => {
  it('escapes the answer and lists each source once with its section and page', () => {
    const [html, ...rest] = renderAnswer(
      answer({
        understood: 'Bimtek III, Kabupaten Sragen',
        answer: 'Gunakan <templat> A & B.',
        citations: [
          { document: 'a.md', title: 'Panduan & Juknis', heading: 'Bab 1 > Bagian <2>', page: 7, snippet: '', score: 1 },
          { document: 'a.md', title: 'Panduan & Juknis', heading: 'Bab 1 > Bagian <2>', page: 7, snippet: '', score: 0.5 },
          { document: 'b.md', title: 'FAQ', heading: '', page: null, snippet: '', score: 0.4 },
        ],
      }),
    );
    expect(rest).toEqual([]);
    expect(html).toBe(
      '<i>Yang saya pahami: Bimtek III, Kabupaten Sragen</i>\n\nGunakan &lt;templat&gt; A &amp; B.\n\n<b>Sumber:</b>\n• Panduan &amp; Juknis — Bagian &lt;2&gt;, hlm. 7\n• FAQ',
    );
    expect(parseTelegramHtml(html!).ok).toBe(true);
  });

  it('splits on paragraph boundaries, and a paragraph longer than a message between words, never inside an entity', () => {
    const long = Array.from({ length: 900 }, (_, i) => `kata&${i}`).join(' ');
    const parts = renderAnswer(answer({ answer: `Pembuka.\n\n${long}\n\nPenutup.` }), 1000);
    expect(parts.length).toBeGreaterThan(6);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(1000);
      const parsed = parseTelegramHtml(p);
      expect(parsed.ok).toBe(true);
    }
    const words = parts.map((p) => (parseTelegramHtml(p) as { text: string }).text).join(' ').split(/\s+/);
    expect(words.filter((w) => w.startsWith('kata&'))).toHaveLength(900);
    expect(parts[0]!.startsWith('Pembuka.')).toBe(true);
  });

  it('packs small blocks together and never produces empty messages', () => {
    expect(splitMessage(['a', 'b', 'c'], 10)).toEqual(['a\n\nb\n\nc']);
    expect(splitMessage(['aaaa', 'bbbb', 'cccc'], 10)).toEqual(['aaaa\n\nbbbb', 'cccc']);
    expect(splitMessage([], 10)).toEqual([]);
  });
});
