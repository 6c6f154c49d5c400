import { describe, expect, it } from 'vitest';
import { extractiveAnswer } from '../../src/answer/extractive.ts';
import { expectedSlot } from '../../src/answer/slots.ts';
import type { SearchHit } from '../../src/retrieval/search.ts';
import { queryConcepts } from '../../src/retrieval/query.ts';

let id = 0;
function hit(heading: string, text: string, score: number, from: { title?: string; regionCode?: string } = {}): SearchHit {
  id++;
  const title = from.title ?? 'Panduan Uji';
  return {
    chunkId: id, document: `corpus/uji-${id}.md`, title, kind: from.regionCode ? 'masterplan' : 'panduan', regionCode: from.regionCode ?? null,
    heading: `${title} > ${heading}`, page: null, text, score, bm25: score, coverage: 1,
  };
}
/** Every question concept weighs the same here; the service passes idf weights. */
const flat = (question: string) => queryConcepts(question).map((c) => ({ ...c, weight: 1 }));

describe('extractive answers', () => {
  it('answers from the section whose heading matches the question, not from a higher-ranked passage that only mentions its words', () => {
    const q = 'apakah dewan dan tim boleh ditetapkan dalam satu SK?';
    const hits = [
      hit('Tim Pelaksana', 'Tim Pelaksana ditetapkan dengan SK bersama Dewan. Tim menyusun dokumen dan mengikuti Bimtek.', 1),
      hit('Apakah Dewan dan Tim boleh ditetapkan dalam satu SK?', 'Boleh. Dewan dan Tim dapat ditetapkan dalam satu SK atau dua SK terpisah.', 0.8),
    ];
    const a = extractiveAnswer(q, hits, flat(q));
    expect(a.text.startsWith('Tim Pelaksana ditetapkan')).toBe(false);
    expect(a.text).toContain('dua SK terpisah');
    expect(a.citations[0]!.heading).toContain('boleh ditetapkan dalam satu SK');
  });

  it('prefers the passage holding the number a "berapa orang" question asks for', () => {
    const q = 'idealnya anggota dewan smart city berapa orang?';
    const hits = [
      hit('Formulir F-05', 'F-05 adalah daftar anggota Dewan Smart City dan Tim Pelaksana yang harus diperbarui bila ada perubahan anggota.', 1),
      hit('Susunan Dewan', 'Keanggotaan Dewan Smart City yang efektif berjumlah 9–15 orang dari unsur pemerintah dan nonpemerintah.', 0.7),
    ];
    expect(extractiveAnswer(q, hits, flat(q)).text.split('\n\n')[0]).toContain('9–15 orang');
  });

  it('quotes a short section whole, keeping its list lines on their own lines', () => {
    const q = 'lembar program inovasi isinya apa saja?';
    const text = 'Setiap program inovasi ditulis dalam satu lembar dengan isian:\n- nama program;\n- masalah yang dijawab;\n- risiko dan cara mitigasinya.';
    const a = extractiveAnswer(q, [hit('Lembar program inovasi', text, 1)], flat(q));
    expect(a.text).toBe(text);
  });

  it('shows a runner-up passage from another section when two score alike, each cited', () => {
    const q = 'program inovasi dan quick win bedanya apa?';
    const hits = [
      hit('Program inovasi', 'Program inovasi adalah program baru yang disusun pada Bimtek III untuk menjawab kesenjangan.', 1),
      hit('Quick win', 'Quick win adalah program yang hasilnya terlihat dalam 6–12 bulan.', 0.95),
    ];
    const a = extractiveAnswer(q, hits, flat(q));
    expect(a.text).toContain('Bimtek III');
    expect(a.text).toContain('6–12 bulan');
    expect(a.citations).toHaveLength(2);
  });

  it('trims a long passage to the run of sentences where the question is answered', () => {
    const q = 'berapa lama masa sanggah hasil evaluasi?';
    const filler = Array.from({ length: 12 }, (_, i) => `Kalimat pengantar nomor ${i + 1} membahas latar belakang kegiatan daerah secara umum.`).join(' ');
    const text = `${filler} Masa sanggah hasil evaluasi adalah 14 hari kalender sejak hasil diumumkan. ${filler}`;
    const a = extractiveAnswer(q, [hit('Evaluasi', text, 1)], flat(q));
    expect(a.text).toContain('Masa sanggah hasil evaluasi adalah 14 hari kalender');
    expect(a.text.length).toBeLessThanOrEqual(700);
  });
});

describe('where a passage comes from', () => {
  const glossary = { title: 'Glosarium: Singkatan dan Istilah' };

  it('answers a rule question from the guideline, and "apa itu" from the glossary entry', () => {
    const rule = hit('Penetapan masterplan', 'Perbup masterplan ditetapkan paling lambat 6 bulan setelah presentasi akhir; bila terlambat, daerah menyurati Sekretariat.', 0.9);
    const entry = hit('Perbup', 'Perbup masterplan adalah peraturan bupati, ditetapkan paling lambat 6 bulan setelah presentasi akhir.', 1, glossary);
    const when = 'perbup masterplan paling lambat kapan ditetapkan?';
    expect(extractiveAnswer(when, [entry, rule], flat(when)).citations[0]!.heading).toContain('Penetapan masterplan');
    const what = 'perbup masterplan itu apa?';
    expect(extractiveAnswer(what, [entry, rule], flat(what)).citations[0]!.title).toBe(glossary.title);
  });

  // The best passage alone (no runner-up; each passage here holds every term of its question), to see which source wins.
  const best = (q: string, hits: SearchHit[], region: string | null = null) => extractiveAnswer(q, hits, flat(q), { region, alsoRunnerUp: false }).citations[0]!.title;

  it('answers "kami" and "kita" from the asker\'s own masterplan', () => {
    const guide = hit('Perumusan visi', 'Visi smart city dirumuskan untuk sepuluh tahun dan selaras dengan RPJPD.', 1);
    const own = hit('Visi', 'Visi smart city: "Sragen Sukowati Pintar 2036".', 0.9, { title: 'Masterplan Sragen', regionCode: '33.14' });
    expect(best('visi smart city kita apa?', [guide, own], '33.14')).toBe('Masterplan Sragen');
    // Without the first person, the region's masterplan is no better than the guideline.
    expect(best('visi smart city apa?', [guide, own], '33.14')).toBe('Panduan Uji');
  });

  it('answers a question about no region from the guidelines rather than one region\'s masterplan', () => {
    const q = 'ketua dewan smart city dijabat siapa?';
    const masterplan = hit('Dewan Smart City', 'Ketua Dewan Smart City Kabupaten Sragen dijabat Bupati Sragen.', 1, { title: 'Masterplan Sragen', regionCode: '33.14' });
    const guide = hit('Dewan Smart City', 'Ketua Dewan Smart City lazimnya dijabat kepala daerah; Sekretaris Daerah menjadi sekretaris.', 0.8);
    expect(best(q, [masterplan, guide])).toBe('Panduan Uji');
    // The region's officers asking about their own council get their masterplan.
    expect(best('ketua dewan smart city kami siapa?', [masterplan, guide], '33.14')).toBe('Masterplan Sragen');
  });

  it('keeps a long passage\'s opening sentence before an answering run further down, marking the gap', () => {
    const q = 'F-02 boleh ditandatangani sekda?';
    const filler = Array.from({ length: 10 }, (_, i) => `Butir komitmen nomor ${i + 1} berisi kesediaan daerah mengikuti tahapan program.`).join(' ');
    const text = `F-02 ditandatangani langsung oleh Bupati/Wali Kota dan bermeterai. ${filler} Daerah boleh menambah komitmen khusus pada F-02.`;
    const a = extractiveAnswer(q, [hit('F-02 Surat Pernyataan', text, 1)], flat(q));
    expect(a.text).toMatch(/^F-02 ditandatangani langsung oleh Bupati\/Wali Kota dan bermeterai\. … /);
    expect(a.text).toContain('Daerah boleh menambah komitmen khusus pada F-02.');
  });
});

describe('expected kind of value', () => {
  it('reads what a question asks for from its wording, slang included', () => {
    expect(expectedSlot('link portal g100sc apa ya, alamat webnya')?.kind).toBe('url');
    expect(expectedSlot('nomor WA sekretariat brp kak')?.kind).toBe('phone');
    expect(expectedSlot('honor mentor per bimtek brp sih? nominalnya')?.kind).toBe('money');
    expect(expectedSlot('bobot output brp persen?')?.kind).toBe('percent');
    expect(expectedSlot('siapa nama mentor kota palu?')?.kind).toBe('name');
    expect(expectedSlot('kapan batas unggah F-04?')).toMatchObject({ kind: 'date', strict: false });
    expect(expectedSlot('tugas dewan smart city apa saja?')).toBeNull();
    // Whether names belong somewhere is not a question for a name.
    expect(expectedSlot('nama2 anggota dewan perlu dicantumin di perbup ga?')).toBeNull();
    expect(expectedSlot('anggota panel siapa aja namanya?')?.kind).toBe('name');
  });

  it('recognises the value in a passage, and an e-mail address is not a web address', () => {
    const url = expectedSlot('alamat website portal apa?')!;
    expect(url.test('Unggah di https://portal.contoh.go.id/unggah.')).toBe(true);
    expect(url.test('Kirim ke sekretariat@g100sc.example.id.')).toBe(false);
    expect(expectedSlot('hadiahnya berapa juta?')!.test('Kebutuhan 350 juta rupiah')).toBe(true);
    const name = expectedSlot('siapa nama mentor yang ditunjuk?')!;
    expect(name.test('Mentor yang ditunjuk adalah Budi Santoso dari perguruan tinggi.')).toBe(true);
    expect(name.test('Kota Palu terbagi atas Palu Barat dan Palu Timur; mentor ditunjuk Sekretariat.')).toBe(false);
  });
});
