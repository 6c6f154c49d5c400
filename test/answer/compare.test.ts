import { describe, expect, it } from 'vitest';
import { comparisonSides } from '../../src/answer/compare.ts';

describe('comparison questions', () => {
  it('finds the two things compared, however the officer words it', () => {
    expect(comparisonSides('beda buku 1 sama buku 2 apa ya')).toEqual(['buku 1', 'buku 2']);
    expect(comparisonSides('bedanya dewan smart city dan tim pelaksana apa min')).toEqual(['dewan smart city', 'tim pelaksana']);
    expect(comparisonSides('program inovasi vs quick win bedanya apa')).toEqual(['program inovasi', 'quick win']);
    expect(comparisonSides('mending perbup atau perda buat netapin masterplan?')).toEqual(['perbup', 'perda']);
    expect(comparisonSides('output sama outcome bedanya apa di evaluasi?')).toEqual(['output', 'outcome']);
  });

  it('is null for questions that compare nothing', () => {
    expect(comparisonSides('kapan tenggat bimtek 4?')).toBeNull();
    expect(comparisonSides('tugas dewan dan tim apa saja')).toBeNull();
  });
});
