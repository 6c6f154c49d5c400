import { describe, expect, it } from 'vitest';
import { dropRepeatedLines, fitBudget } from '../../src/answer/fit.ts';

describe('fitting an answer to a chat budget', () => {
  it('keeps whole lines within the budget and moves the rest before the remainder', () => {
    const answer = ['Checklist Bimtek I:', ...Array.from({ length: 20 }, (_, i) => `⬜ BT1-${String(i + 1).padStart(2, '0')} Butir checklist nomor ${i + 1} yang perlu dikerjakan`)].join('\n');
    const fitted = fitBudget(answer, 'Catatan penutup dari panduan.', 300);
    expect(fitted.answer.length).toBeLessThanOrEqual(300);
    expect(fitted.answer.endsWith('yang perlu dikerjakan')).toBe(true);
    expect(`${fitted.answer}\n${fitted.more}`).toContain('BT1-20');
    expect(fitted.more.endsWith('Catatan penutup dari panduan.')).toBe(true);
    expect(fitBudget('Pendek.', '', 300)).toEqual({ answer: 'Pendek.', more: '' });
  });

  it('shows an item once: a line repeated in the list or in the remainder is dropped', () => {
    const item = 'BT1-03 Analisis SWOT dan kesenjangan — keluaran: matriks SWOT';
    const text = `Butir yang paling sesuai:\n${item}\n\nChecklist:\n• ${item}\n• BT1-04 Buku 1 Analisis Strategis — keluaran: dokumen`;
    expect(dropRepeatedLines(text).match(/BT1-03/g)).toHaveLength(1);
    expect(fitBudget(text, `• ${item}\nPenutup.`, 1200).more).toBe('Penutup.');
  });
});
