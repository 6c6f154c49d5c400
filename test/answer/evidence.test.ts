import { describe, expect, it } from 'vitest';
import { composeAnswer, readQuestion, valueOfOtherYears } from '../../src/answer/compose/index.ts';
import { checkEvidence, type EvidenceInput } from '../../src/answer/evidence.ts';
import { queryConcepts } from '../../src/retrieval/query.ts';

/** The question answered from one passage holding `text`, every concept weighing the same. */
const input = (question: string, text: string, extra: Partial<EvidenceInput> = {}): EvidenceInput => {
  const concepts = queryConcepts(question).map((c) => ({ ...c, weight: 1 }));
  const hit = { chunkId: 1, document: 'corpus/uji.md', title: 'Uji', kind: 'panduan', regionCode: null, heading: 'Uji > Bagian', page: null, text, score: 1, bm25: 1, coverage: 1 };
  return { question, composed: composeAnswer(question, [hit], concepts), concepts, region: null, cohorts: [2026, 2027], ...extra };
};
const bogor = { code: '32.71', name: 'Kota Bogor', bare: 'bogor', inProgramme: false };

describe('evidence checks', () => {
  it('accepts an answer that holds what the question pins down', () => {
    expect(checkEvidence(input('email sekretariat apa?', 'Kirim ke sekretariat@contoh.id.')).kind).toBe('ok');
    expect(checkEvidence(input('quick win kota bogor apa?', 'Kota Bogor memilih quick win perizinan.', { region: bogor })).kind).toBe('ok');
    expect(checkEvidence(input('angkatan 2026 ada berapa daerah?', 'Angkatan 2026 diikuti 12 daerah.')).kind).toBe('ok');
  });

  it('refuses, saying what is missing, when it does not', () => {
    const web = checkEvidence(input('link portalnya apa?', 'Kirim ke sekretariat@contoh.id.'));
    expect(web).toMatchObject({ kind: 'refuse', message: expect.stringContaining('alamat web') });
    const region = checkEvidence(input('quick win kota bogor apa?', 'Kota Palu memilih quick win evakuasi.', { region: bogor }));
    expect(region).toMatchObject({ kind: 'refuse', message: expect.stringContaining('Kota Bogor tidak tercatat') });
    // When a document does speak of the region, the refusal does not claim that none does.
    const known = checkEvidence(input('quick win kota bogor apa?', 'Kota Palu memilih quick win evakuasi.', { region: bogor, regionInDocuments: true }));
    expect(known).toMatchObject({ kind: 'refuse', message: expect.stringContaining('dokumen yang dimuat Pandu tentang Kota Bogor tidak memuat') });
    expect((known as { message: string }).message).not.toContain('tidak tercatat');
    const cohort = checkEvidence(input('angkatan 2029 kapan dibuka?', 'Pendaftaran dibuka setiap tahun.'));
    expect(cohort).toMatchObject({ kind: 'refuse', message: expect.stringContaining('angkatan 2029') });
    expect(checkEvidence(input('siapa pemenang pilpres 2029?', 'Program berjalan sejak 2017.')).kind).toBe('refuse');
  });

  it("takes a report published in a cohort's year as about that cohort, whatever word it uses for it", () => {
    const question = 'angkatan 2018 brp kab/kota yg jd kandidat?';
    const concepts = queryConcepts(question).map((c) => ({ ...c, weight: 1 }));
    const text = 'Dari penyaringan awal angkatan kedua ini, ada 120 kabupaten/kota yang menjadi kandidat dan diundang mengikuti assessment.';
    const hit = { chunkId: 1, document: 'berita/mou.md', title: 'MoU tahap kedua', kind: 'berita', regionCode: null, heading: 'MoU tahap kedua', page: null, text, score: 1, bm25: 1, coverage: 1 };
    const verdict = (publishedAt: string | null) => checkEvidence({ question, composed: composeAnswer(question, [{ ...hit, publishedAt }], concepts), concepts, region: null, cohorts: [2026, 2027] });
    expect(verdict('2018-05-09').kind).toBe('ok');
    expect(verdict('2021-05-20')).toMatchObject({ kind: 'refuse', message: expect.stringContaining('angkatan 2018') });
  });

  it("refuses a stage's date from a report on another stage, though that report counts 'dua hari'", () => {
    const first = 'Bimbingan Teknis (Bimtek) Tahap I masterplan Kabupaten Uji dibuka Senin (21/6/2021). Kegiatan dua hari itu berlangsung di aula setda.';
    expect(checkEvidence(input('bimtek tahap II kab uji kpn?', first)).kind).toBe('refuse');
    const second = 'Bimbingan Teknis (Bimtek) Tahap II masterplan Kabupaten Uji dibuka Senin (13/9/2021). Kegiatan dua hari itu berlangsung di aula setda.';
    expect(checkEvidence(input('bimtek tahap II kab uji kpn?', second)).kind).toBe('ok');
    expect(checkEvidence(input('bimtek kedua kab uji kpn?', second)).kind).toBe('ok');
  });

  it("wants a 'tenaga ahli' named as one, not the official who opened the event", () => {
    const q = 'sapa tenaga ahli yg dampingin bimtek ketiga kab uji';
    const opened = 'Tim tenaga ahli dari kementerian mendampingi bimtek ketiga masterplan Kabupaten Uji. Kegiatan dibuka Sekretaris Daerah Kabupaten Uji, Djoko Santoso, di ruang rapat setda.';
    expect(checkEvidence(input(q, opened)).kind).toBe('refuse');
    const named = 'Bimtek ketiga masterplan Kabupaten Uji didampingi tenaga ahli Rudi Hartanto dari kementerian. Kegiatan dibuka Sekretaris Daerah Kabupaten Uji, Djoko Santoso.';
    expect(checkEvidence(input(q, named)).kind).toBe('ok');
  });

  it("does not take the programme's own name, capitalised in a formal question, for a name the quote must repeat", () => {
    const q = 'Kementerian mana saja yang mendukung Gerakan Menuju Smart City tahun 2021?';
    const text = 'Pada 2021 program kota cerdas didukung Kementerian Dalam Negeri, Kementerian Keuangan, Kementerian PPN/Bappenas, dan Kantor Staf Presiden.';
    expect(checkEvidence(input(q, text)).kind).toBe('ok');
  });

  it('recognises a passage that itself says the thing is not published', () => {
    const v = checkEvidence(input('bobot penilaian assessment berapa?', 'Bobot rinci penilaian assessment tidak dipublikasikan.'));
    expect(v.kind).toBe('not-held');
  });

  it('refuses a figure stated for another year than the one asked, and keeps one stated for that year', () => {
    const text = 'Hasil evaluasi ditetapkan dengan Keputusan Menteri Nomor 13 Tahun 2024. Indeks digital Kabupaten Bima untuk tahun 2023 tercatat 2,93. Pada 2022 nilainya masih 2,10.';
    const other = checkEvidence(input('brp indeks digital kab bima tahun 2024?', text));
    expect(other).toMatchObject({ kind: 'refuse', message: expect.stringContaining('hanya memuat angka itu untuk tahun lain, bukan untuk tahun 2024') });
    expect(checkEvidence(input('brp indeks digital kab bima tahun 2023?', text)).kind).toBe('ok');
  });

  it("takes a figure told 'sejak' a year as holding in a later year asked", () => {
    const text = 'Kepala dinas menambahkan, sejak 2019 Pemkab Bima telah menggelar kabel serat optik sepanjang 126 km. Masterplan ditetapkan dengan Peraturan Bupati Bima Nomor 64 Tahun 2019.';
    expect(valueOfOtherYears(readQuestion('bima 2023 serat optiknya brp km'), text)).toBe(false);
    expect(valueOfOtherYears(readQuestion('bima 2018 serat optiknya brp km'), text)).toBe(true);
  });

  it("takes a person named in a report of the year asked as that year's holder of the role, though the sentence recounts an earlier year", () => {
    const q = 'koordinator penyusunan masterplan direktorat uji thn 2023 siapa?';
    const text = 'Koordinator Penyusunan Masterplan Direktorat Uji, Ratna Kusumawati, mengungkapkan bahwa sepanjang 2022 pihaknya menilai 88 kabupaten/kota.';
    const concepts = queryConcepts(q).map((c) => ({ ...c, weight: 1 }));
    const dated = (publishedAt: string): EvidenceInput => {
      const hit = { chunkId: 1, document: 'berita/uji.html', title: 'Berita Uji', kind: 'berita', regionCode: null, heading: 'Berita Uji', page: null, text, score: 1, bm25: 1, coverage: 1, publishedAt };
      return { question: q, composed: composeAnswer(q, [hit], concepts), concepts, region: null, cohorts: [] };
    };
    expect(checkEvidence(dated('2023-02-28')).kind).toBe('ok');
    // A report of another year still says nothing about 2023.
    expect(checkEvidence(dated('2022-11-30'))).toMatchObject({ kind: 'refuse' });
  });

  it('refuses a figure or a place about another thing than the one asked, and keeps one about it', () => {
    // A budget line is no honorarium.
    const budget = 'Untuk konsumsi, akomodasi narasumber dan penggandaan dokumen, Pemkab Uji menyiapkan anggaran Rp 185 juta dari APBD 2024.';
    expect(checkEvidence(input('brp honor narasumber bimtek 2024?', budget)).kind).toBe('refuse');
    expect(checkEvidence(input('brp anggaran bimtek 2024?', budget)).kind).toBe('ok');
    expect(checkEvidence(input('berapa honorarium narasumber?', 'Honorarium narasumber ditetapkan Rp 900 ribu per jam.')).kind).toBe('ok');
    // A rank table holds no score.
    const ranks = 'Kategori: Kota Kecil; Peringkat 1: Magelang; Peringkat 2: Madiun; Peringkat 3: Bontang';
    expect(checkEvidence(input('brp skor kota magelang?', ranks)).kind).toBe('refuse');
    expect(checkEvidence(input('brp skor kota magelang?', 'Magelang meraih skor 61,70, tertinggi di kategorinya.')).kind).toBe('ok');
    expect(checkEvidence(input('magelang peringkat brp?', ranks)).kind).toBe('ok');
    // 'di gedung apa' wants a building; a hall of another noun answers it, a city alone does not.
    expect(checkEvidence(input('bimtek kota uji diadain di gedung apa?', 'Bimtek diikuti pejabat dari Kementerian Kominfo dan Pemkot Uji.')).kind).toBe('refuse');
    expect(checkEvidence(input('bimtek kota uji diadain di gedung apa?', 'Bimtek kota uji digelar di Balai Sudirman.')).kind).toBe('ok');
  });

  it('does not take a date, a rank, a share, a span of time or a code for a count', () => {
    const text =
      'Kuesioner dibuka sampai minggu kedua November 2021 sesuai surat tanggal 12 Oktober 2021. Rapat ini salah satu tahapan evaluasi, dan sekitar 80 persen program tercapai. Tim melayani konsultasi SKPD 1x24 jam. (wh/k-3)';
    expect(checkEvidence(input('brp jumlah SKPD yg hadir di rapat evaluasi?', text)).kind).toBe('refuse');
    expect(checkEvidence(input('brp jumlah SKPD yg hadir di rapat evaluasi?', 'Rapat evaluasi dihadiri 24 SKPD.')).kind).toBe('ok');
  });

  it("does not take the day for the clock time 'jam brp' asks", () => {
    const q = 'rapat dewan kota uji 12 sept jam brp?';
    expect(checkEvidence(input(q, 'Rapat Dewan Kota Uji digelar di ruang rapat sekretariat, Kamis (12/9/2024).')).kind).toBe('refuse');
    expect(checkEvidence(input(q, 'Rapat Dewan Kota Uji digelar Kamis (12/9/2024) pukul 09.30 WIB.')).kind).toBe('ok');
  });

  it("does not take a street address's number for a decree's", () => {
    const letterhead = 'SEKRETARIAT DAERAH, Jl. Kartini No. 3 Uji. Rapat sepakat SK tim pelaksana smart city segera diterbitkan.';
    expect(checkEvidence(input('SK tim pelaksana smart city nomor brp?', letterhead)).kind).toBe('refuse');
    expect(checkEvidence(input('SK tim pelaksana smart city nomor brp?', 'Tim pelaksana smart city ditetapkan dengan SK Nomor 188/45/2018.')).kind).toBe('ok');
  });
});
