import { describe, expect, it } from 'vitest';
import { compoundParts } from '../../src/answer/compound.ts';

const splitCompound = (question: string) => compoundParts(question).map((p) => p.question);

describe('compound questions', () => {
  it('splits two questions and carries the first part into an elliptical second one', () => {
    const parts = splitCompound('F-02 hrs ttd sapa aja sih? trs telat gmn dong');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe('F-02 hrs ttd sapa aja sih?');
    expect(parts[1]).toMatch(/^trs telat gmn dong\? F-02 hrs ttd sapa aja sih$/);
  });

  it('keeps one question with the reason it is asked whole', () => {
    expect(splitCompound('peserta bimtek boleh ganti orang ga? soalnya ada yg dinas luar')).toHaveLength(1);
    expect(splitCompound('kapan tenggat bimtek 4?')).toHaveLength(1);
  });

  it("splits at chat's 'trs' when a second question follows without a question mark", () => {
    const parts = splitCompound('bimtek tahap I masterplan kab sukamaju selesai tgl brp, trs perbup masterplannya nomor brp?');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe('bimtek tahap I masterplan kab sukamaju selesai tgl brp');
    expect(parts[1]).toMatch(/^trs perbup masterplannya nomor brp\? bimtek tahap I/);
    expect(splitCompound('dewan smart city diketuai siapa trs tim pelaksananya diketuai siapa')).toHaveLength(2);
  });

  it("keeps a 'trs' inside one question whole", () => {
    expect(splitCompound('kalau laporan telat trs gimana')).toHaveLength(1);
    expect(splitCompound('siapa yg ttd trs kapan')).toHaveLength(1);
  });
});
