import { describe, expect, it } from 'vitest';
import { classify } from '../../src/answer/intent.ts';

describe('intent', () => {
  it('reads a question about an issued document (its number, its signing day) as a rule question, not a deadline', () => {
    expect(classify('SK dewan smart city kami nomor brp? tgl brp', true).intent).toBe('rule');
    expect(classify('F-03 kota palu diteken wali kota tgl brp', true).intent).toBe('rule');
    expect(classify('tanggal berapa batas unggah SK dewan?', true).intent).toBe('deadline');
  });
});
