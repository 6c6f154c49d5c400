import { describe, expect, it } from 'vitest';
import { classify } from '../../src/answer/intent.ts';

describe('intent', () => {
  it('reads a question about an issued document (its number, its signing day) as a rule question, not a deadline', () => {
    expect(classify('SK dewan smart city kami nomor brp? tgl brp', true).intent).toBe('rule');
    expect(classify('F-03 kota palu diteken wali kota tgl brp', true).intent).toBe('rule');
    expect(classify('tanggal berapa batas unggah SK dewan?', true).intent).toBe('deadline');
  });
});

describe('deadline questions that ask about a rule too', () => {
  it('recognises permission, condition and consequence words beside a date', async () => {
    const { asksRuleToo } = await import('../../src/answer/intent.ts');
    expect(asksRuleToo('revisi buku 1 ga kelar, bimtek 2 nya ikut mundur ga?')).toBe(true);
    expect(asksRuleToo('kalo telat upload F-04 gmn akibatnya?')).toBe(true);
    expect(asksRuleToo('kapan tenggat bimtek 4 kami?')).toBe(false);
  });

  it('reads "dari kapan sampai kapan" as a period the rules state, not a deadline', () => {
    expect(classify('periode laporan F-04 itu dr kapan sampe kapan', true).intent).toBe('rule');
  });
});

describe('programme scope', () => {
  it('counts questions about regions, government and programmes as in scope, and chat about food or football as not', async () => {
    const { isProgrammeQuestion } = await import('../../src/answer/intent.ts');
    expect(isProgrammeQuestion('berapa daerah yang terpilih tahun 2018?')).toBe(true);
    expect(isProgrammeQuestion('program ini kerjasama kementerian mana aja?')).toBe(true);
    // A regional communications office, whatever suffixes its name carries, is the programme's counterpart.
    expect(isProgrammeQuestion('kadis diskominfotikan pesawaran sapa ya')).toBe(true);
    expect(isProgrammeQuestion('tolong buatin pantun buat perpisahan pak kadis')).toBe(false);
    // The programme's ministry named in one word ('menkominfo') is the programme's too.
    expect(isProgrammeQuestion('proyeksi PDB yg disebut menkominfo waktu kick-off brp?')).toBe(true);
    expect(isProgrammeQuestion('resep rendang padang yg empuk gimana ya')).toBe(false);
    expect(isProgrammeQuestion('skor persib vs persija semalem brp')).toBe(false);
  });
});
