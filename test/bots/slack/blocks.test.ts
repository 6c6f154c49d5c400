import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/index.ts';
import { answerBlocks } from '../../../src/bots/slack/index.ts';

const cite = (c: Partial<Citation> & Pick<Citation, 'document' | 'title' | 'heading'>): Citation => ({ page: null, snippet: '…', score: 0.5, ...c });
const answer = (citations: Citation[]): Answer => ({ question: 'q', intent: 'rule', answer: 'Jawaban.', refused: false, citations, questionId: null });
const contextTexts = (a: Answer) =>
  answerBlocks(a)
    .blocks.filter((b) => b.type === 'context')
    .flatMap((b) => (b as unknown as { elements: Array<{ text: string }> }).elements.map((e) => e.text));

describe('sources in Slack answers', () => {
  it('links a source with a public address, a PDF at the cited page, and never shows a repository path', () => {
    const a = answer([
      cite({ document: 'corpus/regulasi/se-menteri-2026.pdf', title: 'Surat Edaran Menteri', heading: 'Surat Edaran Menteri > Ketentuan Umum', page: 4, url: 'https://jdih.example.go.id/se-2026.pdf' }),
      cite({ document: 'corpus/panduan/06-bimtek-1.md', title: 'Panduan Bimtek I', heading: 'Panduan Bimtek I > Keluaran', url: 'https://g100sc.example.id/panduan/bimtek-1' }),
      cite({ document: 'corpus/panduan/faq.md', title: 'Tanya Jawab Program', heading: 'Tanya Jawab Program > Pendaftaran & Seleksi', page: 2 }),
    ]);
    const texts = contextTexts(a);
    expect(texts).toEqual([
      '*Sumber:*',
      '📄 <https://jdih.example.go.id/se-2026.pdf#page=4|Surat Edaran Menteri, Ketentuan Umum, hlm. 4>',
      '📄 <https://g100sc.example.id/panduan/bimtek-1|Panduan Bimtek I, Keluaran>',
      '📄 Tanya Jawab Program, Pendaftaran &amp; Seleksi, hlm. 2',
    ]);
    const { text } = answerBlocks(a);
    expect(text).not.toContain('corpus/');
    expect(text).toContain('Tanya Jawab Program, Pendaftaran &amp; Seleksi, hlm. 2');
  });
});
