import { describe, expect, it } from 'vitest';
import { resolveFollowUp, type FollowUpContext as Context, type Resolution } from '../../src/conversation/index.ts';
import { DEFAULT_STAGE_ORDER, type Vocabulary } from '../../src/answer/vocabulary.ts';

const vocab: Vocabulary = {
  stageByOrdinal: new Map(DEFAULT_STAGE_ORDER.map((id, i) => [i + 1, id])),
  stageOrder: DEFAULT_STAGE_ORDER,
  stageNames: new Map(),
  regions: [
    { code: '33.14', name: 'Kabupaten Sragen', bare: 'sragen', inProgramme: true },
    { code: '72.71', name: 'Kota Palu', bare: 'palu', inProgramme: true },
    { code: '96.71', name: 'Kota Sorong', bare: 'sorong', inProgramme: true },
    { code: '33.72', name: 'Kota Surakarta', bare: 'surakarta', inProgramme: false },
  ],
};

/** Asks a dialogue turn by turn, each question against the previous turn, as the memory does. */
function converse(...questions: string[]): Resolution[] {
  let context: Context | null = null;
  const out: Resolution[] = [];
  for (const q of questions) {
    const r = resolveFollowUp(q, context, vocab);
    out.push(r);
    context = { standalone: r.standalone, entities: r.entities };
  }
  return out;
}

const understood = (r: Resolution) => (r.kind === 'new' ? null : r.understood);

describe('follow-up questions', () => {
  it('reads "kalau Bimtek III?" and "dokumennya apa saja?" as the same region, another stage, then its checklist', () => {
    const [first, second, third, fourth] = converse('Kapan tenggat Bimtek II untuk Sragen?', 'kalau Bimtek III?', 'dokumennya apa saja?', 'terus?');
    expect(first).toMatchObject({ kind: 'new', standalone: 'Kapan tenggat Bimtek II untuk Sragen?' });
    expect(second).toMatchObject({ kind: 'substitute', standalone: 'Kapan tenggat Bimtek III untuk Sragen?' });
    expect(understood(second!)).toBe('Bimtek III, Kabupaten Sragen');
    expect(third!.standalone).toBe('Apa saja dokumen yang harus disiapkan untuk Bimtek III di Kabupaten Sragen?');
    expect(understood(third!)).toBe('Bimtek III, Kabupaten Sragen');
    // 'terus?' asks the same about the next stage.
    expect(understood(fourth!)).toBe('Bimtek IV, Kabupaten Sragen');
  });

  it('swaps the region for "untuk kota palu?" and resolves "yang tahap 3?" by stage order', () => {
    const [, region, ordinal] = converse('kapan deadline bimtek 4 kota sorong?', 'untuk kota palu?', 'yang tahap 3?');
    expect(region!.standalone).toBe('Kapan deadline bimtek 4 Kota Palu?');
    expect(region!.entities.region?.value).toBe('72.71');
    expect(ordinal!.entities.stage?.value).toBe('pembentukan-tim');
    expect(understood(ordinal!)).toBe('Pembentukan Dewan dan Tim Pelaksana, Kota Palu');
  });

  it('drops the region when the follow-up names a cohort, and the cohort when it names a region', () => {
    const [, cohort, region] = converse('Kapan tenggat Bimtek II untuk Kabupaten Sragen?', 'kalau angkatan 2027?', 'kalau sorong?');
    expect(cohort!.standalone).toBe('Kapan tenggat Bimtek II angkatan 2027?');
    expect(cohort!.entities.region).toBeUndefined();
    expect(region!.standalone).toBe('Kapan tenggat Bimtek II untuk Kota Sorong?');
    expect(region!.entities.cohort).toBeUndefined();
  });

  it('carries a topic into a short question: "minimal berapa?" after quick win, "kapan tenggatnya?" after F-04', () => {
    const [, minimal] = converse('apa itu quick win?', 'minimal berapa?');
    expect(minimal!.standalone).toBe('Minimal berapa quick win?');
    const [, due] = converse('F-04 itu isinya apa aja', 'kapan tenggatnya?');
    expect(due!.standalone).toBe('Kapan tenggat F-04?');
    expect(due!.entities.stage?.value).toBe('evaluasi');
  });

  it('swaps a dimension, also when written bare once dimensions are the topic', () => {
    const [, economy, environment] = converse('sub elemen smart branding apa aja ya', 'kalau smart economy?', 'kalau lingkungan?');
    expect(economy!.standalone).toBe('Sub elemen Smart Economy apa saja ya?');
    expect(understood(environment!)).toBe('Smart Environment');
  });

  it('leaves a clearly new question alone: its own stage, region or topic, or a definition', () => {
    const after = (q: string) => converse('Kapan tenggat Bimtek II untuk Sragen?', q)[1]!;
    for (const q of [
      'apa itu smart branding?',
      'apa itu pentahelix?',
      'pentahelix itu maksudnya apa sih',
      'kapan tenggat bimtek 1 kota palu?',
      'program 100 smart city ini udah jalan sejak taun brp?',
      'skala penilaian kesiapan di bimtek I tingkatannya apa aja',
      'terus soal pendanaan gimana?',
      'rapat koordinasi di kantor bappeda jam berapa ya besok?',
    ]) {
      expect(after(q), q).toMatchObject({ kind: 'new', standalone: q });
    }
  });

  it('reads "-nya" stage mentions ("finalisasinya", "bimtek 2 nya") as the stage', () => {
    const [, fin] = converse('min kapan deadline bimtek 4 kami?', 'trus finalisasinya?');
    expect(fin!.entities.stage?.value).toBe('finalisasi');
    expect(fin!.standalone).toBe('Min kapan deadline finalisasi kami?');
    const [, b2] = converse('kapan deadline bimtek 1 kota palu?', 'bimtek 2 nya kapan?');
    expect(b2!.standalone).toBe('Kapan tenggat bimtek 2 untuk Kota Palu?');
  });

  it('does nothing without a previous turn, or when the previous turn named nothing', () => {
    expect(resolveFollowUp('kalau Bimtek III?', null, vocab)).toMatchObject({ kind: 'new', standalone: 'kalau Bimtek III?' });
    const [, second] = converse('halo pandu', 'dokumennya apa saja?');
    expect(second).toMatchObject({ kind: 'new' });
  });
});
