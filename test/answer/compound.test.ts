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
});
