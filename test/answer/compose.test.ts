import { describe, expect, it } from 'vitest';
import { composeAnswer, holdsValue, readQuestion } from '../../src/answer/compose/index.ts';
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
/** Sentences about the programme that answer none of the questions below: they keep a passage too long to be quoted whole. */
const FILLER = [
  'Tim pelaksana daerah menyiapkan data profil, regulasi, dan anggaran sebelum mentor datang ke kabupaten untuk pertemuan pertama di aula kantor bupati.',
  'Setiap pertemuan dicatat dalam notulen yang ditandatangani ketua tim pelaksana dan diunggah ke portal sekretariat paling lambat tiga hari kemudian.',
  'Mentor juga meninjau layanan publik yang sudah berjalan, mulai dari pengaduan warga sampai perizinan daring, agar usulan program sesuai kebutuhan.',
];
/** Every question concept weighs the same here; the service passes idf weights. */
const flat = (question: string) => queryConcepts(question).map((c) => ({ ...c, weight: 1 }));
/** As the service weighs them: a place name is far rarer than the question's other words. */
const rare = (question: string, term: string, weight = 6) => queryConcepts(question).map((c) => ({ ...c, weight: c.forms.flat().includes(term) ? weight : 1 }));

describe('composed answers', () => {
  it("answers 'di mana' from a form's line labelled 'Tempat', and prefers a named place to a common noun", () => {
    const q = 'rakor tim pelaksana kota cerdas wanareja dmn';
    const notice = [
      `Rapat koordinasi tim pelaksana kota cerdas Kabupaten Wanareja membahas capaian quick win semester pertama dan rencana kerja tim pelaksana untuk semester berikutnya. ${FILLER[0]}`,
      'Waktu : Selasa, 10 Juni 2025, pukul 09.00 WIB',
      'Tempat : Aula Cempaka, Kantor Bappeda Wanareja',
      'Peserta : anggota tim pelaksana',
      `Peserta rakor tim pelaksana kota cerdas diharapkan hadir di ruang rapat lebih awal. ${FILLER.slice(1).join(' ')}`,
    ].join('\n');
    const a = composeAnswer(q, [hit('Rakor', notice, 1, { title: 'Pemberitahuan Rakor Kota Cerdas Wanareja' })], flat(q));
    expect(a.text).toContain('Tempat : Aula Cempaka');
    expect(a.text).not.toContain('Rapat koordinasi tim pelaksana');
  });

  it("does not stop a quote at the colon of a sentence announcing a meeting's day and place: the labelled lines follow", () => {
    const q = 'penyelarasan masterplan kota cerdas wanareja narasumbernya siapa';
    const letter = [
      'Masterplan Kota Cerdas Kabupaten Wanareja perlu diselaraskan dengan rencana pembangunan jangka menengah daerah yang baru serta dengan arah kebijakan kepala daerah terpilih, terutama untuk program prioritas di bidang pelayanan publik dan ekonomi daerah. Sehubungan dengan itu, kami mengundang Bapak/Ibu untuk menghadiri rapat penyelarasan masterplan yang akan diselenggarakan pada:',
      'Hari, tanggal : Kamis, 15 Mei 2025',
      'Pukul : 09.00 WIB s.d. selesai',
      'Tempat : Ruang Rapat Cendana, Kantor Bappeda Wanareja',
      'Narasumber : Dr. Hendra Wijaya, tenaga ahli perencanaan',
      `Demikian undangan ini kami sampaikan. ${FILLER.join(' ')}`,
    ].join('\n');
    const a = composeAnswer(q, [hit('Undangan', letter, 1, { title: 'Undangan Rapat Kota Cerdas Wanareja' })], flat(q));
    expect(a.text).toContain('diselenggarakan pada:');
    expect(a.text).toContain('Hendra Wijaya');
  });

  it('answers from the section whose heading matches the question, not from a higher-ranked passage that only mentions its words', () => {
    const q = 'apakah dewan dan tim boleh ditetapkan dalam satu SK?';
    const hits = [
      hit('Tim Pelaksana', 'Tim Pelaksana ditetapkan dengan SK bersama Dewan. Tim menyusun dokumen dan mengikuti Bimtek.', 1),
      hit('Apakah Dewan dan Tim boleh ditetapkan dalam satu SK?', 'Boleh. Dewan dan Tim dapat ditetapkan dalam satu SK atau dua SK terpisah.', 0.8),
    ];
    const a = composeAnswer(q, hits, flat(q));
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
    expect(composeAnswer(q, hits, flat(q)).text.split('\n\n')[0]).toContain('9–15 orang');
  });

  it('quotes the list a sentence announces with it, in a long passage, even for a one-fact question', () => {
    const q = 'kategori kota besar penduduknya brp?';
    const filler = 'Penilaian dilakukan setiap tahun oleh tim independen dari perguruan tinggi dan lembaga riset. '.repeat(6);
    const text = `${filler}\nKota peserta dikelompokkan ke dalam tiga kategori menurut jumlah penduduk:\n- Kota besar: 500.000 sampai 1 juta jiwa\n- Kota sedang: 100.000 sampai 500.000 jiwa\n- Kota kecil: di bawah 100.000 jiwa\n${filler}`;
    const a = composeAnswer(q, [hit('Kategori kota', text, 1)], flat(q));
    expect(a.text).toContain('Kota besar: 500.000 sampai 1 juta jiwa');
  });

  it('quotes a short section whole, keeping its list lines on their own lines', () => {
    const q = 'lembar program inovasi isinya apa saja?';
    const text = 'Setiap program inovasi ditulis dalam satu lembar dengan isian:\n- nama program;\n- masalah yang dijawab;\n- risiko dan cara mitigasinya.';
    const a = composeAnswer(q, [hit('Lembar program inovasi', text, 1)], flat(q));
    expect(a.text).toBe(text);
  });

  it('shows a runner-up passage from another section when two score alike, each cited', () => {
    const q = 'program inovasi dan quick win bedanya apa?';
    const hits = [
      hit('Program inovasi', 'Program inovasi adalah program baru yang disusun pada Bimtek III untuk menjawab kesenjangan.', 1),
      hit('Quick win', 'Quick win adalah program yang hasilnya terlihat dalam 6–12 bulan.', 0.95),
    ];
    const a = composeAnswer(q, hits, flat(q));
    expect(a.text).toContain('Bimtek III');
    expect(a.text).toContain('6–12 bulan');
    expect(a.citations).toHaveLength(2);
  });

  it('quotes the sentence that holds the asked value from a long passage, not its opening', () => {
    const q = 'berapa lama masa sanggah hasil evaluasi?';
    const filler = Array.from({ length: 12 }, (_, i) => `Kalimat pengantar nomor ${i + 1} membahas latar belakang kegiatan daerah secara umum.`).join(' ');
    const text = `${filler} Masa sanggah hasil evaluasi adalah 14 hari kalender sejak hasil diumumkan. ${filler}`;
    const a = composeAnswer(q, [hit('Evaluasi', text, 1)], flat(q));
    expect(a.text.startsWith('Masa sanggah hasil evaluasi adalah 14 hari kalender')).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(300);
  });
});

describe('where a passage comes from', () => {
  const glossary = { title: 'Glosarium: Singkatan dan Istilah' };

  it('answers a rule question from the guideline, and "apa itu" from the glossary entry', () => {
    const rule = hit('Penetapan masterplan', 'Perbup masterplan ditetapkan paling lambat 6 bulan setelah presentasi akhir; bila terlambat, daerah menyurati Sekretariat.', 0.9);
    const entry = hit('Perbup', 'Perbup masterplan adalah peraturan bupati, ditetapkan paling lambat 6 bulan setelah presentasi akhir.', 1, glossary);
    const when = 'perbup masterplan paling lambat kapan ditetapkan?';
    expect(composeAnswer(when, [entry, rule], flat(when)).citations[0]!.heading).toContain('Penetapan masterplan');
    const what = 'perbup masterplan itu apa?';
    expect(composeAnswer(what, [entry, rule], flat(what)).citations[0]!.title).toBe(glossary.title);
  });

  // The best passage alone (no runner-up; each passage here holds every term of its question), to see which source wins.
  const best = (q: string, hits: SearchHit[], region: string | null = null) => composeAnswer(q, hits, flat(q), { region, supporting: false }).citations[0]!.title;

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

  it('leads with the answering sentence of a long passage and names its subject from an earlier one', () => {
    const q = 'Kapan Bupati Hartono meresmikan ruang kendali?';
    const filler = Array.from({ length: 8 }, (_, i) => `Kegiatan pendukung nomor ${i + 1} berlangsung di kecamatan secara bergiliran.`).join(' ');
    const text = `Bupati Hartono memimpin rapat koordinasi smart city di pendopo. ${filler} Ia meresmikan ruang kendali pada 14 Maret 2024.`;
    const a = composeAnswer(q, [hit('Berita', text, 1)], flat(q));
    expect(a.text).toContain('Ia meresmikan ruang kendali pada 14 Maret 2024.');
    expect(a.text).toContain('Bupati Hartono');
    expect(a.text).not.toContain('Kegiatan pendukung nomor 3');
  });
});

describe('what a question asks for', () => {
  it('reads the kind of value from its wording, slang included', () => {
    expect(readQuestion('link portal g100sc apa ya, alamat webnya').value).toBe('url');
    // 'di tempat kami' is where the asker is, not a question for a place.
    expect(readQuestion('ada BUMN di tempat kami mau kasih CSR, prosedurnya gmn?').value).toBeNull();
    expect(readQuestion('bimtek 2 tempatnya dmn?').value).toBe('place');
    expect(readQuestion('bupati ttd MoU 2021 dr hotel apa').value).toBe('place');
    // A web address is asked when the question asks for it, not when it names a website among other things.
    expect(readQuestion('link zoom penandatanganan NK smart city 2024 apa?').value).toBe('url');
    expect(readQuestion('minta link zoom nya dong').value).toBe('url');
    expect(readQuestion('sebutin tahapannya dr website sampe master plan TIK, perbup2nya jg').value).not.toBe('url');
    // A count of participants is answered by a count of people, whatever noun counts them.
    expect(holdsValue(readQuestion('rakor satu data diikuti brp peserta'), 'Jumlah peserta: 98 orang')).toBe(true);
    expect(holdsValue(readQuestion('rakor satu data diikuti brp peserta'), 'Rapat berlangsung 3 jam')).toBe(false);
    // 'siapa kadis …' wants a name in a sentence about the head of an office, not any 'kepala' ('kepala daerah').
    const kadis = readQuestion('kadis kominfo kab uji wkt itu sapa ya');
    expect(holdsValue(kadis, 'Bupati Uji Sambari Halim dijadwalkan bertemu kepala daerah lain di Makassar.')).toBe(false);
    expect(holdsValue(kadis, 'Kepastian itu disampaikan Kepala Dinas Komunikasi dan Informatika Kabupaten Uji, Budi Raharjo.')).toBe(true);
    expect(holdsValue(kadis, 'Kadis Kominfo Uji, Budi Raharjo, membuka acara.')).toBe(true);
    expect(holdsValue(kadis, 'Rapat dipimpin Kepala Bidang Statistik Dinas Kominfo, Hendra Setiawan.')).toBe(false);
    // Words of regions' and provinces' names only are a place, not a person ('Sumbawa Besar – …', 'Nusa Tenggara Barat').
    const chair = readQuestion('rapat persiapan evaluasi sc kab uji 31 mei 2023 dipimpin siapa');
    expect(holdsValue(chair, 'Sumbawa Besar – Pemerintah Kabupaten Uji menggelar rapat persiapan evaluasi kota cerdas pada Rabu, 31 Mei 2023.')).toBe(false);
    expect(holdsValue(chair, 'Kantor dinas itu berada di Jl. Garuda, Sumbawa Besar, Nusa Tenggara Barat.')).toBe(false);
    expect(holdsValue(chair, 'Rapat dipimpin langsung Kepala Diskominfo Uji, Hasanuddin, dan diikuti para kasubbag program.')).toBe(true);
    // An office written as its own shortening ('Kepala Diskominfo') is the head of a dinas.
    expect(holdsValue(kadis, 'Kepala Diskominfo Uji, Rusdi Hamzah, menyebut masterplan rampung tahun ini.')).toBe(true);
    // 'walikota' written joined is the office documents write apart: the one represented is no answer, the one who represents is.
    const deputy = readQuestion('yg mewakili walikota uji waktu teken nota kesepakatan siapa?');
    expect(holdsValue(deputy, 'Wali kota diwakili Asisten III Setdako Uji, Amriul Karayiang.')).toBe(true);
    expect(holdsValue(deputy, 'Wali Kota Uji meneken nota kesepakatan secara daring.')).toBe(false);
    // One name after its titles ('Drs. H. Sulaiman') is a person; a title's dot ends no sentence.
    const sekda = readQuestion('siapa sekda yang membuka bimtek tahap I kab uji?');
    expect(holdsValue(sekda, 'Bimtek dibuka secara resmi oleh Sekretaris Daerah Kabupaten Uji, Drs. H. Sulaiman, MM.')).toBe(true);
    expect(holdsValue(sekda, 'Bimtek dibuka oleh Sekretaris Daerah Kabupaten Uji di Ibu Kota Nusantara.')).toBe(false);
    // 'diketuai' speaks of a 'ketua'.
    expect(holdsValue(readQuestion('ketua tim pelaksana kab uji sapa'), 'Tim Pelaksana diketuai oleh Sekretaris Daerah Uji, Budi Santoso.')).toBe(true);
    expect(readQuestion('nomor WA sekretariat brp kak').value).toBe('phone');
    expect(readQuestion('honor mentor per bimtek brp sih? nominalnya').value).toBe('money');
    expect(readQuestion('bobot output brp persen?').value).toBe('percent');
    expect(readQuestion('siapa nama mentor kota palu?').value).toBe('person');
    expect(readQuestion('kapan batas unggah F-04?').value).toBe('date');
    expect(readQuestion('acaranya di hotel mana?').value).toBe('place');
    expect(readQuestion('tugas dewan smart city apa aja?')).toMatchObject({ value: null, list: true });
    // Whether names belong somewhere is not a question for a name.
    expect(readQuestion('nama2 anggota dewan perlu dicantumin di perbup ga?')).toMatchObject({ value: null, whether: true });
    expect(readQuestion('QW itu apa sih maksudnya').defines).toBe('qw');
    expect(readQuestion('apa itu dewan smart city?').defines).toBe('dewan smart city');
    // An abbreviation's expansion is asked as a definition: the glossary entry or the sentence spelling it out answers.
    expect(readQuestion('SPBE itu singkatan dr apa sih').defines).toBe('spbe');
    expect(readQuestion('spbe kepanjangannya apa').defines).toBe('spbe');
    // 'tahun berapakah' asks for a date as 'tahun berapa' does.
    expect(readQuestion('tahun berapakah kota uji didirikan?').value).toBe('date');
  });

  it('recognises the value in a passage, not one the question itself states', () => {
    const url = readQuestion('alamat website portal apa?');
    expect(holdsValue(url, 'Unggah di https://portal.contoh.go.id/unggah.')).toBe(true);
    expect(holdsValue(url, 'Kirim ke sekretariat@g100sc.example.id.')).toBe(false);
    expect(holdsValue(readQuestion('hadiahnya berapa juta?'), 'Kebutuhan 350 juta rupiah')).toBe(true);
    // 'brp kab/kota' is answered by a count of regions however they are written.
    const regions = readQuestion('evaluasi di semarang itu ngevaluasi brp kab/kota');
    expect(holdsValue(regions, 'Evaluasi menghadirkan 24 kota/kabupaten yang sedang dievaluasi.')).toBe(true);
    expect(holdsValue(regions, 'Evaluasi diikuti 50 daerah dari seluruh Indonesia.')).toBe(true);
    expect(holdsValue(regions, 'Evaluasi berlangsung pada 25-26 Juli 2018 di Balai Kota.')).toBe(false);
    // 'akhir tahun brp juta' asks an amount, not a year: a sentence giving only deadlines does not answer it.
    const prize = readQuestion('hadiah uang penghargaan akhir tahun brp juta?');
    expect(prize.value).toBe('money');
    expect(holdsValue(prize, 'Daerah wajib menetapkan masterplan paling lambat 6 bulan dan mengunggah F-04 setiap 30 September 2027.')).toBe(false);
    const name = readQuestion('siapa nama mentor yang ditunjuk?');
    expect(holdsValue(name, 'Mentor yang ditunjuk adalah Budi Santoso dari perguruan tinggi.')).toBe(true);
    expect(holdsValue(name, 'Kota Palu terbagi atas Palu Barat dan Palu Timur; mentor ditunjuk Sekretariat.')).toBe(false);
    const when = readQuestion('Kapan MoU 2019 Kabupaten Gowa ditandatangani?');
    expect(holdsValue(when, 'MoU tahun 2019 itu diteken Bupati Gowa.')).toBe(false);
    expect(holdsValue(when, 'Penandatanganan berlangsung pada 15 Mei 2019 di Jakarta.')).toBe(true);
    // A letter's number ends like a date and is none; a date written with slashes still is one.
    expect(holdsValue(when, 'Menindaklanjuti Nota Kesepakatan Nomor B-35/DJAI/HK.04.02/02/2023 dan Nomor 005/1147/427.75/2023.')).toBe(false);
    expect(holdsValue(when, 'Penandatanganan berlangsung Senin (14/3/2023) secara daring.')).toBe(true);
    expect(holdsValue(readQuestion('siapa istri Sunan Giri?'), 'Sunan Giri lahir di Blambangan.')).toBe(false);
    // A place is read as its whole name: 'di hotel apa?' holds 'hotel a…' but not the hotel's name.
    expect(holdsValue(readQuestion('evaluasi 2019 di banyuwangi itu di hotel apa?'), 'Evaluasi berlangsung tiga hari di Hotel Aston Banyuwangi.')).toBe(true);
    // The region the question names is no answer to where in it; 'dari OPD' says where from.
    const where = readQuestion('bimtek tahap II kab jayapura diadakan dmn');
    expect(holdsValue(where, 'Penjabat Bupati membuka Bimtek Tahap II Kabupaten Jayapura.')).toBe(false);
    expect(holdsValue(where, 'Peserta dari OPD mengikuti bimtek tahap II.')).toBe(false);
    expect(holdsValue(where, 'Bimtek tahap II digelar di Hotel Suni, Sentani.')).toBe(true);
    // A university's or a hotel's name is no person; 'siapa akademisi …' wants a sentence about the academic.
    const academic = readQuestion('siapa nama akademisi UI yg evaluasi quick win?');
    expect(holdsValue(academic, 'Evaluasi melibatkan dua akademisi, masing-masing dari Universitas Indonesia dan Universitas Gadjah Mada.')).toBe(false);
    expect(holdsValue(academic, 'Evaluasi melibatkan akademisi Universitas Indonesia, Rina Marlina, dan pejabat daerah.')).toBe(true);
    expect(holdsValue(academic, 'Dari pihak Pemkot, evaluasi diikuti Kepala Bidang Aplikasi Informatika, Yuli Noviawan.')).toBe(false);
    // An office written before the name ('Dirjen Aplikasi Informatika …') does not hide the name.
    expect(holdsValue(readQuestion('dirjen yg kasih sambutan siapa'), 'Dirjen Aplikasi Informatika Rahmat Hidayat Siregar dalam sambutannya berpesan.')).toBe(true);
    // 'nomor berapa' asks for a document's number, which is no amount otherwise.
    const docNumber = readQuestion('perwali satu data kota bima nomor brp?');
    expect(holdsValue(docNumber, 'Peraturan Wali Kota Bima Nomor 12 Tahun 2023 tentang Satu Data Daerah.')).toBe(true);
    expect(holdsValue(docNumber, 'Peraturan wali kota itu mengatur satu data daerah.')).toBe(false);
    expect(holdsValue(readQuestion('berapa jumlah anggota tim?'), 'Diatur dalam Peraturan Bupati Nomor 12 Tahun 2023.')).toBe(false);
    // In a table row the loaders wrote, a cell's capitalised value answers 'siapa', even one word long.
    const champion = readQuestion('kategori kabupaten juaranya siapa?');
    expect(holdsValue(champion, 'Kategori: Kabupaten; Peringkat 1: Banyuwangi (71,20); Peringkat 2: Sleman (70,15)')).toBe(true);
    expect(holdsValue(champion, 'Kategori kabupaten dinilai dengan enam pilar.')).toBe(false);
    // A regulation writes the figure, then its words: that is the number of years asked.
    const years = readQuestion('rencana induk ditinjau brp thn sekali?');
    expect(holdsValue(years, 'Rencana induk ditinjau paling sedikit 1 (satu) kali dalam 5 (lima) tahun.')).toBe(true);
    expect(holdsValue(years, 'Rencana induk ditinjau oleh tim pelaksana setiap tahun.')).toBe(false);
  });
});

describe('answers from news-shaped text', () => {
  // A news article is one document under its headline: no section heading of its own.
  const news = (text: string): SearchHit => {
    const h = hit('', text, 1, { title: 'Lima Daerah Teken MoU Kota Cerdas' });
    return { ...h, heading: h.title };
  };

  it('returns the whole enumeration of regions a list question asks for, across bullet lines', () => {
    const text = [
      'Kementerian menandatangani nota kesepahaman dengan lima daerah baru pada Selasa.',
      'Daerah yang menandatangani yaitu:',
      '- Kabupaten Tanah Laut;',
      '- Kota Parepare;',
      '- Kabupaten Lombok Utara;',
      '- Kota Solok;',
      '- Kabupaten Sumba Barat.',
      'Para kepala daerah kemudian mengikuti sesi foto bersama.',
    ].join('\n');
    const q = 'daerah mana aja yg ikut tanda tangan MoU?';
    const a = composeAnswer(q, [news(text)], flat(q));
    for (const r of ['Tanah Laut', 'Parepare', 'Lombok Utara', 'Solok', 'Sumba Barat']) expect(a.text).toContain(r);
    expect(a.text).not.toContain('sesi foto');
  });

  it('answers "sapa aja" from the sentence listing the people inline, not from a table about something else earlier in a long report', () => {
    const text = [
      'Rangkaian bimbingan teknis di Kabupaten Tanah Laut akhirnya tuntas pada Selasa.',
      'Menurut kepala dinas, kegiatan digelar empat tahap dan setiap tahap berlangsung dua hari. Berikut jadwalnya:',
      '- Tahap: Bimtek I; Tanggal: 21-22 Juni',
      '- Tahap: Bimtek II; Tanggal: 13-14 September',
      '- Tahap: Bimtek III; Tanggal: 11-12 Oktober',
      '- Tahap: Bimtek IV; Tanggal: 8-9 November',
      ...FILLER,
      ...FILLER,
      'Materi yang dibahas meliputi analisis kesiapan smart city, analisis kematangan smart city, dan penetapan quick win.',
      'Para pembimbing yang mendampingi tim adalah Sari Wulandari, Bambang Irawan, dan Yohanes Lado.',
      'Bupati berterima kasih kepada tim pembimbing dan meminta masterplan dikawal sampai pelaksanaan.',
    ].join('\n');
    const q = 'sapa aja pembimbing bimtek masterplan smart city tanah laut';
    const h = hit('', text, 1, { title: 'Empat Tahap Rampung, Bimtek Masterplan Smart City Tanah Laut Ditutup' });
    // idf-like weights, as the service passes them: the region rarest, 'smart city' commonest.
    const idf: Record<string, number> = { bimbing: 1.7, bimtek: 1.5, masterplan: 0.5, smart: 0.4, city: 0.5, tanah: 3, laut: 6 };
    const a = composeAnswer(q, [{ ...h, heading: h.title }], queryConcepts(q).map((c) => ({ ...c, weight: idf[c.forms[0]![0]!] ?? 1 })));
    for (const name of ['Sari Wulandari', 'Bambang Irawan', 'Yohanes Lado']) expect(a.text).toContain(name);
  });

  it("answers 'tahap I' from the row about stage I, not from a section on stage II whose table numbers a row 1", () => {
    const title = 'Tentang Kota Cerdas Sidomaju';
    const team = hit('Tim evaluasi Tahap II tahun 2024', [
      'Evaluasi Tahap II meninjau kemajuan program, khususnya enam indikator quick win. Tim evaluatornya adalah:',
      '- No: 1; Nama: Sari Wulandari; Peran: Ketua Tim',
      '- No: 2; Nama: Bambang Irawan; Peran: Anggota',
    ].join('\n'), 1, { title });
    const history = hit('Perjalanan program', [
      '- Waktu: 21 April 2022; Kegiatan: Penandatanganan Nota Kesepakatan; Tempat: ruang rapat bupati',
      '- Waktu: Juni 2024; Kegiatan: Evaluasi Tahap I implementasi kota cerdas; Tempat: Hotel Bukit Indah',
      '- Waktu: 20 November 2024; Kegiatan: Evaluasi Tahap II; Tempat: daring melalui Zoom',
    ].join('\n'), 0.9, { title });
    const q = 'evaluasi tahap I sidomaju 2024 dmn';
    const a = composeAnswer(q, [team, history], rare(q, 'sidomaju'));
    expect(a.text).toContain('Hotel Bukit Indah');
    expect(a.text).not.toContain('Sari Wulandari');
    expect(a.evidence.namesMissing).toEqual([]);
  });

  it('finds no perwali number or index score in a report that gives only other numbers, so the evidence check can refuse', () => {
    const report = news('Wakil Wali Kota Sidomaju menutup bimtek tahap I masterplan smart city di Gedung Serbaguna, Kamis (6/7/2023). Sidomaju menjadi satu dari 50 daerah peserta tahun ini.');
    const number = 'perwali masterplan smart city sidomaju nomor brp thn brp';
    expect(readQuestion(number)).toMatchObject({ value: 'number', unit: 'nomor' });
    expect(composeAnswer(number, [report], rare(number, 'sidomaju')).evidence.focusHeld).toBe(false);
    const score = 'nilai indeks smart city sidomaju brp ya';
    expect(composeAnswer(score, [report], rare(score, 'sidomaju')).evidence.focusHeld).toBe(false);
    // The regulation itself, and a report that gives the score, do answer.
    const perwali = news('Peraturan Wali Kota Sidomaju Nomor 12 Tahun 2024 tentang Masterplan Smart City Kota Sidomaju Tahun 2024-2033 ditetapkan pada 3 Mei 2024.');
    expect(composeAnswer(number, [perwali], rare(number, 'sidomaju')).evidence.focusHeld).toBe(true);
    const scored = news('Dalam evaluasi tahun ini Sidomaju meraih nilai indeks smart city 3,42 dari skala 5.');
    expect(composeAnswer(score, [scored], rare(score, 'sidomaju')).evidence.focusHeld).toBe(true);
    // 'Penilaian' (an assessment) shares the stem of 'nilai' but gives no score.
    const assessed = news('Penilaian dilakukan terhadap hasil implementasi kota cerdas di 191 kabupaten/kota, termasuk Sidomaju yang didampingi sejak 2022.');
    expect(composeAnswer(score, [assessed], rare(score, 'sidomaju')).evidence.focusHeld).toBe(false);
    // 'SK … nomor brp dan kpn ditetapkan' asks that decree's date: a meeting's date in a report is no answer.
    const decree = 'SK dewan smart city sidomaju nomor brp dan kpn ditetapkan?';
    expect(composeAnswer(decree, [report], rare(decree, 'sidomaju')).evidence.focusHeld).toBe(false);
    const sk = news('Keputusan Wali Kota Sidomaju Nomor 100/45/2023 tentang Dewan Smart City ditetapkan pada 14 Agustus 2023.');
    expect(composeAnswer(decree, [sk], rare(decree, 'sidomaju')).evidence.focusHeld).toBe(true);
  });

  it("answers who signed a letter from its signature block, where the name stands on the line below 'ttd.'", () => {
    const text = [
      'Nomor : 005/1147/2023 Sifat : Penting Hal : Undangan Bimbingan Teknis Tahap I Penyusunan Masterplan Smart City',
      'Susunan acara: 08.00 - 08.30 | Pembukaan dan arahan Sekretaris Daerah Kabupaten Sidomaju 08.30 - 12.00 | Analisis kesiapan daerah',
      'Demikian atas perhatian dan kehadirannya disampaikan terima kasih.',
      'a.n. BUPATI SIDOMAJU SEKRETARIS DAERAH, ttd.',
      'AGUS PRATAMA',
      'Pembina Utama Madya',
    ].join('\n');
    const q = 'undangan bimtek sidomaju yg ttd siapa';
    const h = hit('', text, 1, { title: 'PEMERINTAH KABUPATEN SIDOMAJU' });
    const a = composeAnswer(q, [{ ...h, heading: h.title }], rare(q, 'sidomaju'));
    // The signature leads, with the name below the mark; the programme's line naming the same office does not.
    expect(a.text).toMatch(/^a\.n\. BUPATI SIDOMAJU SEKRETARIS DAERAH, ttd\.\s+AGUS PRATAMA/);
    expect(a.text).not.toContain('Susunan acara');
  });

  it('keeps the line holding the date asked when a long letter is cut to a short budget, and skips no line for a later one', () => {
    const text = [
      `Menindaklanjuti Nota Kesepakatan Nomor B-35/DJAI/HK.04.02/02/2023 tentang Implementasi Gerakan Menuju Kota Cerdas, ${'kami mengundang Saudara menugaskan pejabat mengikuti Bimbingan Teknis Tahap I Kabupaten Sidomaju '.repeat(2)}yang akan dilaksanakan pada:`,
      '- hari, tanggal : Senin, 26 Juni 2023 pukul : 07.30 WIB tempat : Aula Bukit Indah Kabupaten Sidomaju',
      '- Peserta dikelompokkan ke dalam tiga kelompok dimensi.',
    ].join('\n');
    const q = 'bimtek tahap I sidomaju kpn?';
    const h = hit('', text, 1, { title: 'Undangan Bimtek Tahap I Sidomaju' });
    const a = composeAnswer(q, [{ ...h, heading: h.title }], rare(q, 'sidomaju'), { budget: 360 });
    expect(a.text).toContain('Senin, 26 Juni 2023');
    expect(a.text.length).toBeLessThanOrEqual(360);
    // What did not fit is offered, not lost.
    expect(a.more).toContain('Menindaklanjuti Nota Kesepakatan');
  });

  it('finds the person a "siapa" question asks for when only the second paragraph names them', () => {
    const text = [
      'Pemerintah Kabupaten Tanah Laut resmi bergabung dengan program kota cerdas tahun ini. Penandatanganan berlangsung di Jakarta.',
      'Nota kesepahaman itu ditandatangani Bupati Tanah Laut, Rahmat Hidayat, bersama pejabat kementerian. Ia didampingi kepala Bappeda.',
      'Acara dihadiri dua puluh kepala daerah lain dari seluruh Indonesia.',
    ].join('\n');
    const q = 'siapa bupati tanah laut yg ttd MoU nya?';
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.text).toContain('Rahmat Hidayat');
    expect(a.evidence.valueHeld).toBe(true);
  });

  it('finds no amount where the text states none, so the evidence check can refuse', () => {
    const text = 'Kementerian mendampingi daerah dalam penyusunan masterplan. Pendampingan meliputi empat kali bimbingan teknis dan pendampingan mentor.';
    const q = 'berapa anggaran dari kominfo per kabupaten?';
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.asked.value).toBe('money');
    expect(a.evidence.valueHeld).toBe(false);
  });

  it('answers "siapa yang …" with the sentence naming who did it after "oleh", not one that only repeats the deed', () => {
    const q = 'siapa yang memimpin rapat dewan smart city?';
    const text = [
      'Rapat Dewan Smart City digelar di ruang rapat kantor bupati dan dihadiri Bapak Hendra Wijaya dari kementerian.',
      'Sebelum memimpin rapat, Sekretaris Daerah Ratna Sari menerima laporan tim pelaksana.',
      'Rapat dewan smart city itu dipimpin oleh Wakil Bupati Andi Pratama.',
    ].join('\n');
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.asked.agent).toBe(true);
    expect(a.text.split('\n\n')[0]).toMatch(/^Rapat dewan smart city itu dipimpin oleh Wakil Bupati Andi Pratama/);
  });

  it('answers "berapa lama" with the sentence giving a duration, not one giving only dates', () => {
    const q = 'berapa lama pendampingan masterplan?';
    const text = [
      'Pendampingan masterplan dimulai 12 Maret 2024 dan laporan pertama diserahkan 3 Juni 2024.',
      ...FILLER,
      'Kepala dinas kominfo meminta semua perangkat daerah hadir penuh dan mengirim data tepat waktu supaya dokumen tidak tertunda.',
      'Menurut panduan, pendampingan masterplan berlangsung selama 6 (enam) bulan.',
    ].join('\n');
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.asked.measure).toBe('lama');
    expect(a.text.split('\n\n')[0]).toMatch(/^Menurut panduan, pendampingan masterplan berlangsung selama 6 \(enam\) bulan/);
  });

  it('reads a sentence that a scanned decree wraps over lines as one, and quotes it whole, without the colon of its table', () => {
    const q = 'biaya dewan smart city kota tual dibebankan ke mana?';
    const text = [
      'KEPUTUSAN WALI KOTA TUAL NOMOR 77 TAHUN 2024',
      'TENTANG PEMBENTUKAN DEWAN SMART CITY KOTA TUAL',
      'KESATU : Membentuk Dewan Smart City Kota Tual dengan susunan',
      'keanggotaan sebagaimana tercantum dalam lampiran.',
      ': Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan',
      'pada Anggaran Pendapatan dan Belanja Daerah Kota Tual pada Dokumen Pelaksanaan Anggaran Dinas Komunikasi dan',
      'Informatika.',
      ': Keputusan ini mulai berlaku pada tanggal ditetapkan.',
    ].join('\n');
    const a = composeAnswer(q, [hit('', text, 1, { title: 'SK Dewan Smart City Tual' })], flat(q));
    expect(a.text).toContain('Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan dan Belanja Daerah Kota Tual pada Dokumen Pelaksanaan Anggaran Dinas Komunikasi dan Informatika.');
    expect(a.text).not.toMatch(/(^|\n|\. ):/);
  });

  it('answers "kapan" with the sentence giving the day, not one giving only a year', () => {
    const q = 'keputusan dewan smart city tual ditetapkan kapan?';
    const text = [
      'KEPUTUSAN WALI KOTA TUAL NOMOR 77 TAHUN 2024 TENTANG DEWAN SMART CITY',
      'Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada APBD Kota Tual Tahun Anggaran 2024.',
      ...FILLER,
      'Ditetapkan di Tual pada tanggal 28 Maret 2024.',
    ].join('\n');
    const a = composeAnswer(q, [hit('', text, 1, { title: 'SK Dewan Smart City Tual' })], flat(q));
    expect(a.asked.measure).toBe('tanggal');
    expect(a.text).toContain('Ditetapkan di Tual pada tanggal 28 Maret 2024.');
    expect(a.text).not.toContain('Segala biaya');
  });

  it('answers "nomor berapa" of a regulation from its capital title block, not from a regulation it cites', () => {
    const q = 'perbup satu data kabupaten sigi nomor brp?';
    const text = [
      'BUPATI SIGI',
      'PROVINSI SULAWESI TENGAH',
      'PERATURAN BUPATI SIGI',
      'NOMOR 14 TAHUN 2022',
      'TENTANG',
      'PENYELENGGARAAN SATU DATA KABUPATEN SIGI',
      'Menimbang : a. bahwa untuk melaksanakan Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia, perlu menetapkan Peraturan Bupati tentang Penyelenggaraan Satu Data Kabupaten Sigi;',
      'Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;',
    ].join('\n');
    const a = composeAnswer(q, [hit('', text, 1, { title: 'Perbup Sigi Satu Data' })], flat(q));
    expect(a.text.split('\n\n')[0]).toMatch(/^BUPATI SIGI PROVINSI SULAWESI TENGAH PERATURAN BUPATI SIGI NOMOR 14 TAHUN 2022 TENTANG PENYELENGGARAAN SATU DATA/);
  });

  it('finds the defining sentence past an aside in brackets, over a passage that only repeats the word "pengertian"', () => {
    const q = 'apa pengertian dari interoperabilitas?';
    const hits = [
      hit('Istilah', 'Pengertian lain dari layanan digital sering dipakai dalam dokumen interoperabilitas daerah.', 1),
      hit('Definisi', 'Banyak daerah memulai dari layanan perizinan. Interoperabilitas (disebut juga kesalingoperasian, dari istilah bahasa Inggris interoperability yang dipakai lembaga standar internasional sejak tahun sembilan puluhan untuk sistem yang berbeda pembuatnya) adalah kemampuan sistem pemerintah untuk bertukar data.', 0.8),
    ];
    expect(composeAnswer(q, hits, flat(q)).text.split('\n\n')[0]).toContain('adalah kemampuan sistem pemerintah untuk bertukar data');
  });

  it('quotes the sentence a "salah seorang di antaranya" answer leans on', () => {
    const q = 'apa jabatan Rudi Hartono?';
    const text = [
      'Rapat dihadiri pejabat dari beberapa daerah yang membahas pendampingan masterplan tahun depan bersama kementerian.',
      'Sekretariat mengundang tiga kepala dinas kominfo untuk berbagi pengalaman.',
      'Salah seorang di antaranya adalah Rudi Hartono.',
    ].join(' ');
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.text).toContain('tiga kepala dinas kominfo');
  });

  it('quotes the sentence an answer leans on after its opening clause ("Selain …, kota ini …")', () => {
    const q = 'siapa yg dapet gelar kota terbaik indeks 2015?';
    const text = [
      ...FILLER,
      'Kota Surabaya menjadi peraih penghargaan terbanyak malam itu.',
      'Selain juara kategori kota besar, kota ini memenangi bidang lingkungan dan menyabet gelar kota terbaik, penghargaan tertinggi indeks 2015.',
    ].join(' ');
    const a = composeAnswer(q, [news(text)], flat(q));
    expect(a.text).toContain('Kota Surabaya menjadi peraih penghargaan terbanyak');
  });

  it('answers "apa itu X" from the glossary entry titled X, not from a higher-ranked stage whose title merely names X', () => {
    const q = 'apa itu dewan smart city?';
    const hits = [
      hit('Pembentukan Dewan Smart City dan Tim Pelaksana', 'Kepala daerah menetapkan SK Dewan Smart City dan Tim Pelaksana paling lambat 30 hari setelah MoU. Tenggat: 30 April 2027.', 1),
      hit('Dewan Smart City (Dewan SC)', 'Forum pengarah di daerah yang diketuai sekretaris daerah dan beranggotakan unsur pemerintah serta nonpemerintah.', 0.7),
    ];
    expect(composeAnswer(q, hits, flat(q)).text).toMatch(/^Forum pengarah di daerah/);
  });

  it('answers a definition from the sentence that defines the term', () => {
    const q = 'apa itu dewan smart city?';
    const hits = [
      hit('Rapat', 'Dewan Smart City bersidang dua kali setahun untuk mengawal pelaksanaan masterplan.', 1),
      hit('Kelembagaan', 'Pemda menyiapkan ruang rapat. Dewan Smart City adalah forum pengarah di tingkat daerah yang diketuai kepala daerah.', 0.9),
    ];
    expect(composeAnswer(q, hits, flat(q)).text).toContain('Dewan Smart City adalah forum pengarah');
  });

  it('returns the whole enumeration of a long news report, not only the items inside the first window', () => {
    const q = 'langkah penyusunan rencana induk yg dipaparkan narasumber di sumbawa apa aja';
    // A long opening sentence is the only one naming the region, as news leads often are.
    const opening = 'Pemerintah Kabupaten Sumbawa bersama pendamping dari kementerian memulai penyusunan rencana induk kota cerdas pekan ini di aula kantor bupati, dihadiri para kepala perangkat daerah, camat, perwakilan perguruan tinggi, pelaku usaha, komunitas teknologi, dan wartawan dari berbagai media lokal yang sejak pagi sudah memenuhi ruangan acara. ';
    const context = [
      'Sekretaris daerah membuka acara dan meminta semua dinas hadir penuh selama dua hari kegiatan berlangsung.',
      'Menurut narasumber, rencana induk menjadi pegangan daerah untuk sepuluh tahun ke depan.',
      'Penyusunan rencana induk didampingi tenaga ahli yang ditunjuk kementerian sejak tahap pertama.',
      'Kepala dinas kominfo berharap seluruh perangkat daerah mengirim data yang diminta tepat waktu.',
      'Kegiatan serupa sudah lebih dulu digelar di beberapa kabupaten lain di provinsi yang sama tahun ini.',
      'Narasumber juga mengingatkan bahwa rencana induk harus selaras dengan rencana pembangunan daerah.',
    ].join(' ');
    const after = [
      'Narasumber menutup paparannya dengan contoh daerah yang rencana induknya sudah berjalan baik.',
      'Setiap kelompok diminta menyerahkan rangkuman hasil diskusi kepada panitia pada akhir hari pertama.',
      'Penyusunan rencana induk akan dilanjutkan pada pertemuan berikutnya bulan depan di tempat yang sama.',
      'Panitia menyebut seluruh bahan paparan akan dibagikan kepada peserta melalui surat elektronik.',
    ].join(' ');
    const steps = ['pembentukan tim', 'kajian pustaka', 'analisis kesiapan daerah', 'perumusan visi dan misi', 'program prioritas', 'program cepat', 'peta jalan', 'alat pemantauan', 'penyusunan naskah akhir; dan', 'sosialisasi.'];
    const text = `${opening}\n${context}\nNarasumber dari kementerian memaparkan bahwa penyusunan rencana induk ditempuh melalui langkah berikut:\n${steps.map((x, i) => (i < 8 ? `${x};` : x)).join('\n')}\nPeserta kemudian dibagi ke dalam enam kelompok kerja.\n${after}`;
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Sumbawa Mulai Susun Rencana Induk' })], rare(q, 'sumbawa'));
    expect(a.text).toContain('pembentukan tim');
    expect(a.text).toContain('alat pemantauan');
    expect(a.text).toContain('sosialisasi');
  });

  it('shows a list of sixteen region names whole, and does not take the paragraph after it for more names', () => {
    const q = 'daerah mana aja yg dpt penghargaan dimensi smart living 2022';
    const names = ['Blitar', 'Kebumen', 'Kulonprogo', 'Mimika', 'Pasuruan', 'Siak', 'Sidoarjo', 'Tuban', 'Lamongan', 'Bekasi', 'Binjai', 'Manado', 'Makassar', 'Medan', 'Sukabumi', 'Sragen'].map((n, i) => `${i % 2 ? 'Kota' : 'Kabupaten'} ${n}`);
    // The loader has dropped the bullets; the report goes on in paragraphs after the names.
    const text = `Penghargaan dimensi smart living 2022 diraih 16 daerah, yaitu:\n${names.join('\n')}\nPenilaian dilakukan oleh tim juri dari kementerian dan perguruan tinggi selama tiga bulan. Setiap daerah memaparkan capaian masterplan di depan juri.\nAcara penganugerahan dihadiri para kepala daerah dari seluruh Indonesia. Panitia menyiapkan siaran langsung bagi yang tidak hadir.`;
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Penghargaan Kota Cerdas 2022' })], flat(q));
    expect(a.text).toContain('Kabupaten Blitar');
    expect(a.text).toContain('Kota Sragen');
    expect(a.text).not.toMatch(/lainnya/);
  });

  it("cuts a long list at twelve items and counts as left only that list's items, not a later list's", () => {
    const q = 'desa mana aja yg sudah terhubung jaringan internet 2024';
    const names = Array.from({ length: 30 }, (_, i) => `Desa Sukamaju ${i + 1}`);
    const text = `Desa yang sudah terhubung jaringan internet pada 2024 ada 30, yaitu:\n${names.join('\n')}\nDinas kominfo mencatat kecepatan rata-rata di desa-desa itu sudah cukup untuk layanan daring. Pemantauan dilakukan setiap bulan.\nTahun depan jaringan diperluas ke tiga kecamatan:\nKecamatan Utara\nKecamatan Selatan\nKecamatan Barat`;
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Jaringan Internet Desa 2024' })], flat(q), { budget: 4_000 });
    expect(a.text).toContain('Desa Sukamaju 12\n');
    expect(a.text).not.toContain('Desa Sukamaju 13\n');
    expect(a.text).toContain('dan 18 lainnya');
  });


  it('prefers the sentence saying the question\'s words in its order ("hari kedua") over one holding them apart ("dua hari")', () => {
    const q = 'hari kedua pelatihan di Tarakan ngapain aja?';
    const text = [
      'Pelatihan penyusunan rencana induk di Tarakan berlangsung dua hari, Senin dan Selasa, di gedung serbaguna kota.',
      'Peserta hari pertama membahas analisis kesiapan daerah bersama pendamping dari kementerian dan menyusun daftar masalah.',
      'Wali kota menyampaikan harapan agar dokumen selesai tepat waktu dan dapat dipakai sebagai acuan perencanaan daerah.',
      'Sejumlah kepala dinas juga memaparkan capaian layanan digital yang sudah berjalan selama dua tahun terakhir di kota itu.',
      'Dinas kesehatan menampilkan aplikasi antrean puskesmas yang kini dipakai ribuan warga setiap bulan.',
      'Dinas perhubungan melaporkan pemasangan kamera lalu lintas di enam persimpangan utama sepanjang tahun lalu.',
      'Bagian organisasi menjelaskan rencana penyederhanaan layanan perizinan yang akan diluncurkan awal tahun depan.',
      'Diskusi kelompok berlanjut hingga sore dengan pembahasan data kependudukan dan kondisi jaringan internet.',
      'Beberapa peserta mengusulkan agar data sektoral setiap dinas dikumpulkan dalam satu portal yang sama.',
      'Usulan itu dicatat panitia sebagai bahan pembahasan pada pertemuan berikutnya bersama tim pendamping.',
      'Hari kedua diisi penandatanganan komitmen para kepala dinas, lalu kunjungan ke lokasi calon program cepat.',
      'Panitia mencatat kehadiran peserta mencapai sembilan puluh persen dari undangan yang disebar.',
      'Pendamping dari kementerian menilai Tarakan punya modal kuat karena layanan perizinan sudah daring sejak lama.',
      'Ia berharap pelatihan tahap berikutnya diikuti pejabat yang sama agar pembahasan tidak mengulang dari awal.',
      'Pelatihan tahap berikutnya dijadwalkan bulan depan dengan fokus pada program prioritas setiap dimensi.',
    ].join(' ');
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Pelatihan Rencana Induk Kota Tarakan' })], rare(q, 'tarakan'));
    expect(a.text).toContain('penandatanganan komitmen');
  });

  it('adds the report\'s day to a date answer whose quote names only a year', () => {
    const q = 'penghargaan kota cerdas 2022 diserahkan tanggal berapa?';
    const text = 'Menteri menyerahkan penghargaan Gerakan Menuju Kota Cerdas 2022 kepada para kepala daerah di Jakarta. Penghargaan diberikan untuk enam dimensi.';
    const h = { ...hit('Berita', text, 1, { title: 'Penghargaan Kota Cerdas 2022' }), publishedAt: '2022-12-08', place: 'Jakarta' };
    const a = composeAnswer(q, [h], flat(q));
    expect(a.text).toMatch(/8 Desember 2022/);
  });

  it('reads a dated report\'s "tahun depan" as the year after it: that sentence answers a question about that year', () => {
    const q = 'menteri berharap tahun 2024 mendampingi berapa daerah?';
    const text = [
      'Menteri membuka seminar penutupan gerakan kota cerdas di Jakarta, Kamis pagi.',
      'Sampai kini gerakan ini sudah melibatkan 210 kabupaten/kota, dan tahun ini saja 40 daerah didampingi menyusun rencana induk.',
      ...FILLER,
      'Ia berharap tahun depan lebih dari 60 kabupaten/kota bisa didampingi.',
    ].join(' ');
    const h = { ...hit('Berita', text, 1, { title: 'Penutupan Gerakan Kota Cerdas' }), publishedAt: '2023-11-30', place: 'Jakarta' };
    const a = composeAnswer(q, [h], rare(q, '2024'));
    expect(a.text).toContain('lebih dari 60');
    expect(a.evidence.namesMissing).toEqual([]);
    // Published in 2025, the same report's 'tahun depan' is 2026: the question's year is not stated.
    const later = composeAnswer(q, [{ ...h, publishedAt: '2025-11-30' }], rare(q, '2024'));
    expect(later.evidence.namesMissing.flat()).toContain('2024');
  });

  it('holds a question to the stage it numbers ("bimtek tahap III"): a report on another stage does not answer it', () => {
    const q = 'bimtek tahap III kab uji tgl brp?';
    const fourth = 'Bupati Uji menutup Bimbingan Teknis Tahap IV penyusunan masterplan kota cerdas pada Selasa, 23 November 2021, di aula kantor bupati.';
    const other = composeAnswer(q, [hit('Berita', fourth, 1, { title: 'Bimtek Tahap IV Ditutup' })], flat(q));
    expect(other.evidence.namesMissing).toContainEqual(['3']);
    // The stage may be stated anywhere in the quoted passage, not only in the quoted sentence.
    const third = [
      'Rangkaian Bimbingan Teknis Tahap III penyusunan masterplan kota cerdas Kabupaten Uji dibuka di aula dinas kesehatan.',
      ...FILLER,
      'Kegiatan berlangsung pada 12 Oktober 2021 dan diikuti perencana dari setiap perangkat daerah.',
    ].join(' ');
    const same = composeAnswer(q, [hit('Berita', third, 1, { title: 'Pemkab Uji Gelar Bimtek' })], flat(q));
    expect(same.text).toContain('12 Oktober 2021');
    expect(same.evidence.namesMissing).toEqual([]);
  });

  it('answers "namanya apa" with the sentence that names the thing, not the report\'s opening', () => {
    const q = 'aplikasi aduan warga kota uji namanya apa?';
    const text = [
      'Kementerian mengevaluasi penerapan program kota cerdas di Kota Uji lewat wawancara daring dengan dua akademisi.',
      ...FILLER,
      'Salah satu program yang dinilai adalah aplikasi Lapor Cepat, yang dipakai dinas untuk mengelola aduan warga setiap hari.',
    ].join(' ');
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Evaluasi Kota Cerdas Kota Uji' })], flat(q));
    expect(a.asked.value).toBe('name');
    expect(a.text).toContain('Lapor Cepat');
    expect(a.text).not.toContain('Kementerian mengevaluasi');
  });

  it("answers about the event asked in a dated report, not the sentence that writes the question's year", () => {
    const text = [
      'Rangkaian bimbingan teknis kota cerdas yang dijalani Pemerintah Kabupaten Sidomaju sejak pertengahan tahun akhirnya tuntas.',
      'Empat tahapan yang dikelola Dinas Kominfo itu ditutup Kamis (8/11/2018) sore.',
      'Uniknya, acara penutupan tidak digelar di kompleks perkantoran, melainkan di Hotel Cemara yang berada di wilayah Kota Sidomaju.',
      'Bupati meminta seluruh perangkat daerah menjalankan rencana induk yang sudah disusun.',
      'Kabupaten Sidomaju masuk daftar 50 kabupaten/kota gerakan kota cerdas tahun 2018.',
      'Sebagai langkah awal, Dinas Kominfo menggelar sosialisasi gerakan itu di Gedung Serbaguna Pemkab Sidomaju pada Selasa, 17 Juli 2018.',
    ].join('\n');
    const q = 'penutupan bimtek kab sidomaju 2018 di mana tempatnya';
    const h = { ...hit('', text, 1, { title: 'Empat Tahap Rampung, Bupati Sidomaju Teken Pakta Integritas' }), publishedAt: '2018-11-09', place: 'Sidomaju' };
    const a = composeAnswer(q, [h], rare(q, 'sidomaju'));
    expect(a.text.split('\n')[0]).toContain('Hotel Cemara');
  });

  it("asks the date a document was set from that kind of document, not from an event's report", () => {
    const q = 'perwali masterplan smart city kota sidomaju ditetapin tgl brp';
    const report = { ...hit('', 'Dinas Kominfo Kota Sidomaju menggelar bimbingan teknis penyusunan masterplan smart city tahap IV, Kamis (18/11/2021).', 1, { title: 'Bimtek IV Masterplan Kota Sidomaju' }), publishedAt: '2021-11-19' };
    const a = composeAnswer(q, [report], rare(q, 'sidomaju'));
    expect(a.evidence.focusHeld).toBe(false);
    const rule = hit('', 'Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.\nDitetapkan di Sidomaju pada tanggal 3 Mei 2022\nWALI KOTA SIDOMAJU,', 1, { title: 'Peraturan Wali Kota Sidomaju tentang Masterplan Smart City' });
    const b = composeAnswer(q, [rule], rare(q, 'sidomaju'));
    expect(b.text).toContain('3 Mei 2022');
    expect(b.evidence.focusHeld).toBe(true);
  });

  it("takes no figure from the programme's name ('Gerakan Menuju 100 Smart City')", () => {
    const q = 'brp jumlah opd kab sidomaju yg tanda tangan pakta integritas';
    const text = 'Bupati Sidomaju menandatangani pakta integritas Gerakan Menuju 100 Smart City disaksikan staf ahli kementerian.';
    const a = composeAnswer(q, [hit('', text, 1, { title: 'Penutupan Bimtek Sidomaju' })], rare(q, 'sidomaju'));
    expect(a.evidence.valueHeld).toBe(false);
    const counted = composeAnswer(q, [hit('', `${text} Sebanyak 32 OPD ikut menandatangani pakta tersebut.`, 1, { title: 'Penutupan Bimtek Sidomaju' })], rare(q, 'sidomaju'));
    expect(counted.evidence.valueHeld).toBe(true);
  });

  it("reads 'tahap pertama' as the stage 'tahap 1' asks about", () => {
    const text = [
      'Bimtek tahap pertama dibuka sekretaris daerah pada Kamis, 16 Juni 2022, dan berlangsung dua hari.',
      'Hari kedua bimtek itu digelar di Hotel Cendana, Kecamatan Kota Uji, dengan agenda mencocokkan program daerah.',
      'Bimtek tahap III menyusul pada Agustus 2022 di ruang rapat kantor bupati.',
    ].join('\n');
    const q = 'hari kedua bimtek tahap 1 smart city kab uji di hotel apa';
    const a = composeAnswer(q, [hit('', text, 1, { title: 'Dokumen Masterplan Kabupaten Uji Diserahkan' })], flat(q));
    expect(a.text).toContain('Hotel Cendana');
    expect(a.evidence.namesMissing).toEqual([]);
  });

  it("holds no answer to 'tgl brp' when the quote dates the event by its month only", () => {
    const text = [
      'Rangkaian bimbingan teknis Kabupaten Uji 2022:',
      'Tahap: Tahap II; Waktu: Juli 2022; Tempat: Aula Bappeda Uji',
      'Tahap: Tahap IV; Waktu: November 2022; Tempat: Aula Bappeda Uji',
    ].join('\n');
    const h = () => hit('', text, 1, { title: 'Profil Smart City Kabupaten Uji' });
    const day = composeAnswer('bimtek tahap 2 kab uji tgl brp persisnya', [h()], flat('bimtek tahap 2 kab uji tgl brp persisnya'));
    expect(day.evidence.valueHeld).toBe(false);
    // 'kapan' is answered by the month.
    const when = composeAnswer('bimtek tahap 2 kab uji kapan', [h()], flat('bimtek tahap 2 kab uji kapan'));
    expect(when.text).toContain('Juli 2022');
    expect(when.evidence.valueHeld).toBe(true);
    // A day answers 'tgl brp'.
    const dated = composeAnswer('bimtek tahap 2 kab uji tgl brp', [hit('', text.replace('Juli 2022', 'Rabu, 13 Juli 2022'), 1, { title: 'Profil Smart City Kabupaten Uji' })], flat('bimtek tahap 2 kab uji tgl brp'));
    expect(dated.text).toContain('13 Juli 2022');
    expect(dated.evidence.valueHeld).toBe(true);
  });

  it('answers who chairs a body from the clause naming the chair, not from the signature below it', () => {
    const q = 'perbup 12/2021 kab uji dewan smart city diketuai siapa';
    const first = [
      'PERATURAN BUPATI UJI NOMOR 12 TAHUN 2021 TENTANG PENYELENGGARAAN SMART CITY',
      'Pasal 6',
      '(1) Penyelenggaraan Smart City dilaksanakan oleh Dewan Smart City dan Tim Pelaksana Smart City.',
      '(2) Dewan Smart City sebagaimana dimaksud pada ayat (1) diketuai oleh Sekretaris Daerah.',
      ...FILLER,
    ].join('\n');
    const last = [
      'Pasal 12',
      'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.',
      'Ditetapkan di Uji pada tanggal 9 Agustus 2021',
      'BUPATI UJI,',
      'ttd.',
      'BUDI SANTOSO',
    ].join('\n');
    const title = 'Peraturan Bupati Uji Nomor 12 Tahun 2021';
    // The signature's passage ranks first: it repeats the regulation's number and year.
    const others = [1, 2, 3].map((i) => hit('', `${FILLER[i % 3]} Rapat ke-${i} Dewan Smart City membahas quick win.`, 1, { title: `Notulen Uji ${i}` }));
    const a = composeAnswer(q, [hit('', last, 2, { title }), ...others, hit('', first, 1, { title })], rare(q, 'ketua', 3));
    expect(a.text).toContain('diketuai oleh Sekretaris Daerah');
    expect(a.text).not.toContain('BUDI SANTOSO');
    // Asked who signed, the signature answers.
    const signed = composeAnswer('perbup 12/2021 kab uji yg ttd siapa', [hit('', last, 2, { title }), hit('', first, 1, { title })], flat('perbup 12/2021 kab uji yg ttd siapa'));
    expect(signed.text).toContain('BUDI SANTOSO');
  });

  it('answers "yg ttd siapa" from the signature block: the office, its mark and the name read as one line', () => {
    const q = 'SK dewan smart city kab uji yg ttd siapa?';
    const text = [
      ...FILLER,
      'KETIGA : Dalam melaksanakan tugasnya, Dewan Smart City dibantu oleh Sekretariat yang berkedudukan di Dinas Komunikasi dan Informatika Kabupaten Uji.',
      'KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      'Ditetapkan di Uji pada tanggal 15 April 2019',
      'BUPATI UJI,',
      'ttd.',
      'BUDI SANTOSO',
      'LAMPIRAN KEPUTUSAN BUPATI UJI TENTANG DEWAN SMART CITY',
      'No: 1; Kedudukan dalam Dewan: Pembina; Jabatan: Bupati Uji',
      'No: 2; Kedudukan dalam Dewan: Pengarah; Jabatan: Wakil Bupati Uji',
    ].join('\n');
    // As the service weighs them: signing is rarer in the documents than the decree's other words.
    const a = composeAnswer(q, [hit('Keputusan Bupati', text, 1, { title: 'Keputusan Bupati Uji tentang Dewan Smart City' })], rare(q, 'tandatangan', 4));
    // The section label, then the signature first.
    expect(a.text.split('\n').slice(0, 2).join('\n')).toContain('BUPATI UJI, ttd. BUDI SANTOSO');
    // A name of one word after the mark is a name too ('ttd. SASTROWARDOYO'), and it outweighs the table row naming the office,
    // even when signing weighs no more than the decree's other words.
    const one = composeAnswer('keputusan bupati uji no 555/12 thn 2019 itu yg ttd sapa', [hit('Keputusan Bupati', text.replace('BUDI SANTOSO', 'SASTROWARDOYO'), 1, { title: 'Keputusan Bupati Uji 555/12 Tahun 2019' })], flat('keputusan bupati uji no 555/12 thn 2019 itu yg ttd sapa'));
    expect(one.text.split('\n').slice(0, 2).join('\n')).toContain('BUPATI UJI, ttd. SASTROWARDOYO');
    expect(one.evidence.valueHeld).toBe(true);
  });

  it('answers "jam brp" with the clock time, not with another sentence\'s date', () => {
    const q = 'penandatanganan nota kesepakatan 2024 lewat zoom jam brp?';
    const text = [
      'Hari, tanggal: Selasa, 5 Maret 2024',
      'Waktu: pukul 09.00 s.d. 12.00 WIB',
      'Tempat: daring melalui Zoom Meeting',
      ...FILLER,
      'Pindaian nota kesepakatan yang telah ditandatangani diunggah melalui tautan zoom panitia paling lambat tanggal 8 Maret 2024.',
    ].join('\n');
    const a = composeAnswer(q, [hit('Undangan', text, 1, { title: 'Undangan Penandatanganan Nota Kesepakatan 2024' })], flat(q));
    expect(a.asked.measure).toBe('jam');
    expect(a.text.split('\n').slice(0, 2).join('\n')).toContain('pukul 09.00 s.d. 12.00 WIB');
  });

  it('answers "peringkat berapa" with an ordinal written in words ("urutan ketujuh")', () => {
    const q = 'kota bima di indeks 2016 peringkat brp?';
    const text = [
      'Indeks kota digital 2020 diumumkan di Mataram pekan lalu oleh lembaga survei daerah.',
      'Penilaian mencakup layanan daring, keterbukaan data, jaringan internet, dan kesiapan aparatur di setiap kota peserta.',
      'Kategori: Kota Besar; Peringkat 1: Denpasar (64,10); Peringkat 2: Makassar (62,70)',
      'Kategori: Kota Sedang; Peringkat 1: Mataram (61,20); Peringkat 2: Bima (58,40)',
      'Kategori: Kota Kecil; Peringkat 1: Sabang (55,30); Peringkat 2: Tual (52,80)',
      'Lembaga survei menyebut selisih nilai antarkota makin rapat dibanding tahun-tahun sebelumnya.',
      'Hasil lengkap penilaian dapat diunduh dari laman lembaga tersebut mulai pekan depan.',
      'Wali Kota Bima mengaku senang kotanya naik peringkat.',
      '"Pada indeks 2016 kita masih di urutan ketujuh, sekarang jauh lebih baik," ujarnya.',
    ].join('\n');
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Hasil Indeks Kota Digital 2020' })], rare(q, '2016'));
    // The sentence about 2016 leads; the 2020 table row is not the answer.
    expect(a.text.split('\n')[0]).toContain('urutan ketujuh');
  });

  it('answers a question pinned to a year from the document of that year, not from the general rule', () => {
    const q = 'batas akhir laporan quick win 2023 kapan?';
    const hits = [
      hit('Laporan quick win', 'Laporan quick win disampaikan dalam laporan tahunan dengan batas 30 September setiap tahun, memuat kegiatan, realisasi, dan kendala.', 1),
      hit('Surat', 'Sehubungan dengan pemantauan quick win tahun 2023, kami minta daerah menyusun laporan pelaksanaan. Laporan disampaikan paling lambat tanggal 6 November 2023 melalui portal.', 0.9, { title: 'Surat Edaran Pelaporan Quick Win' }),
    ];
    const a = composeAnswer(q, hits, rare(q, '2023'));
    expect(a.text.split('\n\n')[0]).toContain('6 November 2023');
  });

  it('answers a one-fact question from the numbered item that holds the figure, not from the whole numbered list', () => {
    const q = 'wawancara kesiapan daerah 2019 asesornya brp org?';
    const intro = 'PENGUMUMAN NOMOR 45/DJ/PG/2019 TENTANG HASIL PENILAIAN KESIAPAN DAERAH TAHUN 2019. Dalam rangka pelaksanaan program pendampingan rencana induk kota cerdas yang diselenggarakan kementerian bersama kementerian dan lembaga terkait, dengan ini kami umumkan hal-hal sebagai berikut:';
    const items = [
      '1. Penilaian kesiapan daerah dilaksanakan selama dua hari di gedung pusat pelatihan kementerian dengan menghadirkan kepala daerah dan perangkat daerah yang diundang.',
      '2. Daerah yang diundang ditentukan dari indeks pembangunan teknologi, kemampuan fiskal, dan indeks tata kelola pemerintahan daerah yang diterbitkan lembaga terkait.',
      '3. Setiap daerah memaparkan kesiapan regulasi, kelembagaan, anggaran, dan infrastruktur digital di hadapan tim penilai dalam waktu yang ditentukan panitia.',
      '4. Daerah juga menyerahkan dokumen pendukung berupa rencana pembangunan jangka menengah, profil layanan digital, dan komitmen tertulis kepala daerah.',
      '5. Hasil penilaian dibahas dalam rapat pleno panitia bersama perwakilan kementerian dan lembaga yang menjadi mitra program pendampingan.',
      '6. Panitia menyusun catatan setiap sesi paparan dan menyampaikannya kepada daerah bersama rekomendasi perbaikan dokumen pendukung yang masih kurang.',
      '7. Daerah yang belum lolos tahun ini dapat mengikuti penilaian pada tahun berikutnya dengan memperbaiki kesiapan yang dinilai masih lemah.',
      '8. Penilaian dilakukan dengan metode wawancara oleh 18 (delapan belas) asesor dari kalangan akademisi, pemerintahan, dan praktisi teknologi.',
      '9. Berdasarkan hasil penilaian ditetapkan daerah peserta yang akan didampingi menyusun rencana induk pada tahun berjalan.',
    ];
    const a = composeAnswer(q, [hit('Pengumuman', `${intro}\n${items.join('\n')}`, 1, { title: 'Pengumuman Hasil Penilaian 2019' })], rare(q, 'asesor'));
    expect(a.text).toContain('18 (delapan belas) asesor');
  });

  it("lists the items a regulation runs together on one line, from the list the question's words announce, not a preamble's", () => {
    const q = 'quick win kabupaten tanah laut 2026 apa aja?';
    const preamble = [
      'BUPATI TANAH LAUT PROVINSI KALIMANTAN SELATAN PERATURAN BUPATI TANAH LAUT NOMOR 12 TAHUN 2025 TENTANG RENCANA INDUK SMART CITY KABUPATEN TANAH LAUT TAHUN 2026-2035',
      'BUPATI TANAH LAUT, Menimbang : a. bahwa Pemerintah Kabupaten Tanah Laut telah menyusun rencana induk smart city bersama kementerian;',
      'b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati;',
      'Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;',
      '2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;',
    ].join('\n');
    const article = [
      'BAB IV QUICK WIN Pasal 4 (1) Quick Win tahun 2026 meliputi:',
      'a. pendaftaran antrean puskesmas secara daring, dilaksanakan oleh Dinas Kesehatan; b. aplikasi pelaporan jalan rusak "Lapor Jalan", dilaksanakan oleh Dinas Pekerjaan Umum; dan c. papan informasi harga pangan, dilaksanakan oleh Dinas Perdagangan.',
      '(2) Quick Win sebagaimana dimaksud pada ayat (1) dimulai paling lambat bulan Juni 2026.',
    ].join('\n');
    const title = { title: 'Peraturan Bupati Tanah Laut Nomor 12 Tahun 2025' };
    const a = composeAnswer(q, [hit('Pembukaan', preamble, 1, title), hit('Quick Win', article, 0.85, title)], flat(q));
    expect(a.text).not.toContain('Menimbang');
    const lines = a.text.split('\n');
    for (const item of ['a. pendaftaran antrean puskesmas', 'b. aplikasi pelaporan jalan rusak', 'c. papan informasi harga pangan']) {
      expect(lines.some((l) => l.startsWith(item)), item).toBe(true);
    }
  });

  it("holds the question's key idea when the quoted passage's lead names it, though the quoted line does not", () => {
    const q = 'kategori kota sedang di ikpd itu penduduknya brp?';
    const text = [
      'Indeks Kota Pintar Daerah (IKPD) 2021 diumumkan di Jakarta dan menilai 90 kota menurut enam pilar kota pintar.',
      ...FILLER,
      'Penilaian memakai data lembaga statistik dan survei warga di setiap kota peserta.',
      'Kota-kota dikelompokkan menurut jumlah penduduk:',
      'Kota besar: penduduk lebih dari 500.000 jiwa',
      'Kota sedang: penduduk 100.000 sampai 500.000 jiwa',
      'Kota kecil: penduduk paling banyak 100.000 jiwa',
    ].join('\n');
    // The index's abbreviation is the question's rarest idea, though not so rare that the lead outscores the answer.
    const a = composeAnswer(q, [hit('Hasil', text, 1, { title: 'Daftar Peraih Penghargaan Kota Pintar 2021' })], rare(q, 'ikpd', 2.5));
    expect(a.text).toContain('Kota sedang: penduduk 100.000 sampai 500.000 jiwa');
    expect(a.text).not.toContain('IKPD');
    expect(a.evidence.keyHeld).toBe(true);
  });

  it("holds a month the question names ('des 2021') with a date written in figures ('1/12/2021')", () => {
    const q = 'fgd masterplan kota cerdas kawasan danau toba des 2021 di hotel apa';
    const text = `Kementerian menggelar FGD masterplan kota cerdas kawasan Danau Toba di Hotel Samosir Indah, Parapat, Rabu (1/12/2021). ${FILLER.join(' ')}`;
    // The month is the question's rarest idea: the figures must hold it.
    const a = composeAnswer(q, [hit('FGD', text, 1, { title: 'FGD Kawasan Danau Toba' })], rare(q, 'desember', 6));
    expect(a.text).toContain('Hotel Samosir Indah');
    expect(a.evidence.keyHeld).toBe(true);
    // A clock time ('09.30') is no month.
    const b = composeAnswer(q, [hit('FGD', text.replace('Rabu (1/12/2021)', 'pukul 09.12'), 1, { title: 'FGD Kawasan Danau Toba' })], rare(q, 'desember', 6));
    expect(b.evidence.keyHeld).toBe(false);
  });

  it("answers 'hari apa' with the line that names the weekday, not a sentence giving the date alone", () => {
    const q = 'rapat dewan kota cerdas wanareja hari apa tgl brp';
    const minutes = [
      'Dewan kota cerdas Wanareja dalam rapat tanggal 20 Mei 2025 menyepakati tiga quick win dan jadwal peluncurannya.',
      FILLER[0],
      FILLER[1],
      'Hari/Tanggal: Selasa, 20 Mei 2025',
      'Tempat: Aula Cempaka, Kantor Bappeda Wanareja',
      FILLER[2],
    ].join('\n');
    const a = composeAnswer(q, [hit('Notulen', minutes, 1, { title: 'Notulen Rapat Dewan Kota Cerdas Wanareja' })], flat(q));
    expect(a.text).toContain('Selasa, 20 Mei 2025');
  });

  it('of two lists in one passage, quotes the one the question asks for, not the first', () => {
    const q = 'peraih penghargaan kota pintar 2021 kategori kota kecil siapa aja';
    const text = [
      'Penghargaan Kota Pintar 2021 diserahkan di Jakarta kepada kota dengan nilai tertinggi.',
      'Kota peserta dikelompokkan ke dalam tiga kategori menurut jumlah penduduk:',
      'Kota besar: penduduk lebih dari 500.000 jiwa',
      'Kota sedang: penduduk 100.000 sampai 500.000 jiwa',
      'Kota kecil: penduduk paling banyak 100.000 jiwa',
      'Penilaian memakai enam pilar. Datanya dihimpun dari lembaga statistik. Sepuluh pakar ikut menilai. Bobot terbesar ada pada pilar masyarakat.',
      'Berikut peraih penghargaan kota pintar 2021 di setiap kategori:',
      'Kategori: Kota Besar; Peringkat 1: Kota Alfa; Peringkat 2: Kota Beta',
      'Kategori: Kota Sedang; Peringkat 1: Kota Gama; Peringkat 2: Kota Delta',
      'Kategori: Kota Kecil; Peringkat 1: Kota Epsilon; Peringkat 2: Kota Zeta',
    ].join('\n');
    const a = composeAnswer(q, [hit('Hasil', text, 1, { title: 'Penghargaan Kota Pintar 2021' })], flat(q));
    expect(a.text).toContain('Kota Epsilon');
    expect(a.text).not.toContain('penduduk paling banyak');
  });

  it("of a regulation's lists, quotes the one the question's words announce, not the definitions that repeat the title's region", () => {
    const q = 'perbup wanareja soal kota cerdas ruang lingkupnya apa aja?';
    const text = [
      '1. Daerah adalah Kabupaten Wanareja.',
      '2. Bupati adalah Bupati Wanareja.',
      '3. Kota Cerdas Wanareja adalah konsep pengelolaan Daerah dengan teknologi informasi untuk layanan publik di Wanareja.',
      '4. Forum Kota Cerdas adalah wadah koordinasi Pemerintah Daerah Wanareja dengan perguruan tinggi dan komunitas.',
      'BAB II RUANG LINGKUP Pasal 2 Ruang lingkup Peraturan Bupati ini meliputi:',
      'a. rencana induk;',
      'b. aplikasi layanan publik;',
      'c. kelembagaan;',
      'd. pendanaan; dan',
      'e. pemantauan dan evaluasi.',
    ].join('\n');
    const title = 'Peraturan Bupati Wanareja Nomor 12 Tahun 2021 tentang Penyelenggaraan Kota Cerdas Wanareja';
    const a = composeAnswer(q, [hit('Ketentuan Umum', text, 1, { title })], rare(q, 'wanareja'));
    expect(a.text).toContain('kelembagaan');
    expect(a.text).toContain('pemantauan dan evaluasi');
    expect(a.text).not.toContain('Daerah adalah Kabupaten Wanareja');
  });

  it("defines the term the question asks about when its region is the regulation's own ('forum kota cerdas wanareja')", () => {
    const q = 'forum kota cerdas wanareja itu apa sih';
    const text = [
      '9. Jaringan Intra Pemerintah adalah jaringan komunikasi data tertutup yang menghubungkan kantor Perangkat Daerah, kecamatan, dan desa.',
      '10. Forum Kota Cerdas adalah wadah koordinasi antara Pemerintah Daerah, perguruan tinggi, dunia usaha, dan komunitas.',
      FILLER[0],
      FILLER[1],
      'Pasal 9 (1) Forum Kota Cerdas menyampaikan rekomendasi kepada Bupati Wanareja setiap akhir tahun anggaran.',
      '(2) Forum Kota Cerdas melakukan evaluasi penyelenggaraan Kota Cerdas Wanareja paling sedikit dua kali dalam setahun.',
    ].join('\n');
    const title = 'Peraturan Bupati Wanareja Nomor 12 Tahun 2021 tentang Penyelenggaraan Kota Cerdas Wanareja';
    const a = composeAnswer(q, [hit('Ketentuan Umum', text, 1, { title })], rare(q, 'wanareja'));
    expect(a.text).toContain('Forum Kota Cerdas adalah wadah koordinasi');
    expect(a.text).not.toContain('paling sedikit dua kali');
  });

  it("answers 'singkatan dari apa' with the sentence spelling the abbreviation out, not with what the service does", () => {
    const q = 'SIMANTAP singkatan dr apa';
    const hits = [
      hit('Layanan apa yang diberikan SIMANTAP?', 'SIMANTAP adalah layanan keliling untuk mencatat aset desa, mulai dari tanah kas desa sampai kendaraan dinas, tanpa warga datang ke kantor kecamatan.', 1),
      hit('Apa saja quick win Wanareja?', 'Masterplan menghasilkan enam quick win. Tiga sudah diluncurkan: SIMANTAP (Sistem Informasi Manajemen Aset Terpadu) untuk dimensi smart governance, PASAR PINTAR untuk smart economy, dan LAPOR KITA untuk smart society.', 0.9),
    ];
    const a = composeAnswer(q, hits, rare(q, 'simantap'));
    expect(a.text).toContain('Sistem Informasi Manajemen Aset Terpadu');
  });

  it("answers 'kapan dan di mana' with the place too, when the sentence with the day does not name it", () => {
    const q = 'kab wanareja dievaluasi kota cerdas 2019 tgl brp dan di mana';
    const text = [
      'Kabupaten Wanareja kembali dievaluasi sebagai peserta gerakan kota cerdas. Pemkab Wanareja mengikuti evaluasi implementasi kota cerdas yang digelar di Balai Sudirman, Jakarta.',
      'Giliran Wanareja menghadap tim penguji jatuh pada Selasa, 5 November 2019.',
      'Pameran kota cerdas 2019 sendiri dibuka sehari sebelumnya, Senin (4/11/2019), dan diikuti 75 kabupaten/kota dari seluruh Indonesia.',
      ...FILLER,
      'Tim Wanareja memaparkan capaian enam dimensi di depan penguji selama tiga puluh menit, lalu menjawab pertanyaan tentang anggaran dan keberlanjutan program.',
    ].join('\n');
    const a = composeAnswer(q, [hit('Berita', text, 1, { title: 'Wanareja Ikuti Evaluasi Kota Cerdas' })], rare(q, 'wanareja'));
    expect(a.text).toContain('5 November 2019');
    expect(a.text).toContain('Balai Sudirman');
  });

  it("answers 'visi smart city X apa ya' from the sentence stating the vision, not from the regulation's opening", () => {
    const q = 'visi kota cerdas sumbawa apa ya';
    const text = [
      'PERATURAN BUPATI SUMBAWA NOMOR 7 TAHUN 2021 TENTANG MASTERPLAN KOTA CERDAS KABUPATEN SUMBAWA TAHUN 2022-2031 DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI SUMBAWA,',
      'Menimbang: a. bahwa Kabupaten Sumbawa merupakan peserta gerakan kota cerdas sejak tahun 2021;',
      ...FILLER,
      '(1) Masterplan Kota Cerdas Kabupaten Sumbawa tercantum dalam Lampiran Peraturan Bupati ini.',
      '(2) Visi kota cerdas Daerah adalah "Sumbawa Terhubung, Melayani, dan Berdaya Saing".',
    ].join('\n');
    const a = composeAnswer(q, [hit('Batang Tubuh', text, 1, { title: 'Peraturan Bupati Sumbawa tentang Masterplan Kota Cerdas' })], rare(q, 'sumbawa'));
    expect(a.text).toMatch(/^\(2\) Visi kota cerdas Daerah adalah/);
    // A question naming the kind of its answer ('… utk dimensi apa') asks for that, not what the thing is.
    expect(readQuestion('penghargaan sumbawa 2021 itu utk dimensi apa').defines).toBeNull();
  });

  it("answers 'ditetapkan tanggal berapa' from the regulation's closing block, not from its title block that gives only the year", () => {
    const q = 'perbup wanareja soal kota cerdas ditetapkan tanggal berapa?';
    const title = 'Peraturan Bupati Wanareja Nomor 12 Tahun 2021 tentang Kota Cerdas';
    const opening = [
      'BUPATI WANAREJA PERATURAN BUPATI WANAREJA NOMOR 12 TAHUN 2021 TENTANG PENYELENGGARAAN KOTA CERDAS WANAREJA DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI WANAREJA,',
      'Menimbang: a. bahwa Pemerintah Kabupaten Wanareja memerlukan dasar hukum penyelenggaraan kota cerdas;',
      'Mengingat: 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; 2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;',
      ...FILLER,
    ].join('\n');
    const closing = [
      'Pasal 12 Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.',
      'Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten Wanareja.',
      'Ditetapkan di Wanareja pada tanggal 5 Juli 2021 BUPATI WANAREJA, ttd.',
      'SUKARDI HADI Diundangkan di Wanareja pada tanggal 6 Juli 2021 SEKRETARIS DAERAH KABUPATEN WANAREJA, ttd.',
      ...FILLER,
    ].join('\n');
    const a = composeAnswer(q, [hit('', opening, 1, { title }), hit('', closing, 0.9, { title })], rare(q, 'wanareja'));
    expect(a.text).toContain('5 Juli 2021');
  });

  it("answers who signed a letter ('ditandatangani oleh siapa') from its signature block, not from a line naming who opens the event", () => {
    const q = 'surat undangan bimtek kota cerdas kab wanareja 2021 ditandatangani oleh siapa?';
    const letter = [
      'Nomor : 555/118/2021 Sifat : Penting Hal : Undangan Bimbingan Teknis Kota Cerdas Tahap I',
      'Hari/Tanggal : Senin, 6 September 2021 Tempat : Pendopo Kabupaten Wanareja Acara : Pembukaan oleh Sekretaris Daerah Kabupaten Wanareja, dilanjutkan bimbingan teknis',
      ...FILLER,
      'Demikian undangan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.',
      'a.n. BUPATI WANAREJA KEPALA DINAS KOMUNIKASI DAN INFORMATIKA, ttd.',
      'YULIUS HARTONO, S.Sos Pembina Tingkat I',
    ].join('\n');
    const a = composeAnswer(q, [hit('Undangan', letter, 1, { title: 'Undangan Bimtek Kota Cerdas Kabupaten Wanareja 2021' })], rare(q, 'wanareja'));
    expect(a.text.slice(0, 200)).toContain('YULIUS HARTONO');
  });
});

describe('list questions over a decree', () => {
  const title = 'Keputusan Bupati Wanareja Nomor 12 Tahun 2024 tentang Dewan Smart City';
  // As a scan reads a decree: its title block and preamble, then its diktum; its lampiran's table without rules.
  const opening = [
    'BUPATI WANAREJA',
    'KEPUTUSAN BUPATI WANAREJA NOMOR 12 TAHUN 2024',
    'TENTANG PEMBENTUKAN DEWAN SMART CITY KABUPATEN WANAREJA',
    'Menimbang :',
    'a. bahwa Pemerintah Kabupaten Wanareja mengikuti Gerakan Menuju Smart City sejak tahun 2023;',
    'b. bahwa untuk mengarahkan pelaksanaan smart city di Kabupaten Wanareja perlu dibentuk Dewan Smart City;',
    'Mengingat :',
    '1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;',
    '2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;',
    'MEMUTUSKAN:',
    'KESATU : Membentuk Dewan Smart City Kabupaten Wanareja dengan susunan sebagaimana tercantum dalam Lampiran.',
    'KEDUA : Dewan Smart City mempunyai tugas:',
    'a. menetapkan arah kebijakan smart city daerah;',
    'b. menyetujui program quick win setiap tahun;',
    'c. mengevaluasi laporan tim pelaksana setiap semester.',
  ].join('\n');
  const table = [
    'LAMPIRAN KEPUTUSAN BUPATI WANAREJA NOMOR 12 TAHUN 2024',
    'No Kedudukan Jabatan',
    '1 Ketua Bupati Wanareja',
    '2 Wakil Ketua Wakil Bupati Wanareja',
    '3 Sekretaris Kepala Dinas Komunikasi dan Informatika',
    '4 Anggota Kepala Dinas Pariwisata 5 Anggota Kepala Dinas Perhubungan',
    '6 Anggota Ketua Kamar Dagang dan Industri Wanareja',
    'Ditetapkan di Wanareja pada tanggal 3 Juni 2024',
  ].join('\n');
  const hits = () => [hit('', opening, 1, { title }), hit('', table, 0.8, { title })].map((h) => ({ ...h, heading: h.title }));

  it("answers 'anggota … siapa aja' from the lampiran's numbered rows, not from the preamble's 'bahwa' items", () => {
    const q = 'anggota dewan smart city wanareja siapa aja';
    const a = composeAnswer(q, hits(), rare(q, 'wanareja'));
    for (const office of ['Kepala Dinas Pariwisata', 'Kepala Dinas Perhubungan', 'Ketua Kamar Dagang dan Industri Wanareja']) expect(a.text).toContain(office);
    // Two rows that a scan read onto one line are two items.
    expect(a.text).toMatch(/Kepala Dinas Pariwisata\n5 Anggota/);
    expect(a.text).not.toContain('bahwa');
  });

  it("answers 'tugas … apa aja' from the list its diktum announces, not from the legal bases under 'Mengingat'", () => {
    const q = 'tugas dewan smart city wanareja apa aja';
    const a = composeAnswer(q, hits(), rare(q, 'wanareja'));
    expect(a.text).toContain('menetapkan arah kebijakan smart city daerah');
    expect(a.text).toContain('mengevaluasi laporan tim pelaksana');
    expect(a.text).not.toContain('Undang-Undang Nomor 23');
  });

  it('answers a question about the legal basis from the preamble', () => {
    const q = 'dasar hukum sk dewan smart city wanareja apa aja';
    const a = composeAnswer(q, hits(), rare(q, 'wanareja'));
    expect(a.text).toContain('Undang-Undang Nomor 23 Tahun 2014');
  });
});

describe("a decree's closing diktum and its lampiran's table in one passage", () => {
  it("answers 'pengarah siapa aja' from the table's rows under its title, leading, not from the diktum items before the title", () => {
    const title = 'Keputusan Bupati Wanareja Nomor 12 Tahun 2024 tentang Dewan Smart City';
    const opening = [
      'KEPUTUSAN BUPATI WANAREJA NOMOR 12 TAHUN 2024 TENTANG PEMBENTUKAN DEWAN SMART CITY KABUPATEN WANAREJA',
      'KESATU : Membentuk Dewan Smart City Kabupaten Wanareja dengan susunan sebagaimana tercantum dalam Lampiran.',
      'KEDUA : Dewan Smart City mempunyai tugas:',
      'a. memberi arahan kebijakan smart city daerah;',
      'b. menyetujui program quick win setiap tahun;',
      'c. mengevaluasi laporan tim pelaksana setiap semester.',
    ].join('\n');
    // As a converted page reads it: the diktum's last items, the signature, then the lampiran's title and rows, all items.
    const closing = [
      'KETIGA : Dalam melaksanakan tugasnya, Dewan dibantu oleh Sekretariat di Dinas Komunikasi dan Informatika.',
      'KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      'Ditetapkan di Wanareja pada tanggal 3 Juni 2024',
      'LAMPIRAN KEPUTUSAN BUPATI WANAREJA NOMOR 12 TAHUN 2024',
      'SUSUNAN KEANGGOTAAN DEWAN SMART CITY KABUPATEN WANAREJA',
      'No: 1; Kedudukan dalam Dewan: Pembina; Jabatan: Bupati Wanareja',
      'No: 2; Kedudukan dalam Dewan: Pengarah; Jabatan: Wakil Bupati Wanareja',
      'No: 3; Kedudukan dalam Dewan: Pengarah; Jabatan: Komandan Distrik Militer Wanareja',
      'No: 4; Kedudukan dalam Dewan: Pengarah; Jabatan: Kepala Kepolisian Resor Wanareja',
      'No: 5; Kedudukan dalam Dewan: Pengarah; Jabatan: Ketua Pengadilan Negeri Wanareja',
      'No: 6; Kedudukan dalam Dewan: Pengarah; Jabatan: Kepala Kejaksaan Negeri Wanareja',
      'No: 7; Kedudukan dalam Dewan: Ketua; Jabatan: Sekretaris Daerah Kabupaten Wanareja',
    ].join('\n');
    const hits = [hit('', closing, 1, { title }), hit('', opening, 0.98, { title })].map((h) => ({ ...h, heading: h.title }));
    const q = 'siapa aja pengarah di dewan smart city kab wanareja?';
    const a = composeAnswer(q, hits, rare(q, 'wanareja'));
    for (const office of ['Wakil Bupati Wanareja', 'Komandan Distrik Militer', 'Kepala Kepolisian Resor', 'Ketua Pengadilan Negeri', 'Kepala Kejaksaan Negeri']) expect(a.text).toContain(office);
    expect(a.text).not.toContain('KETIGA');
    // The rows lead; the diktum's tasks may follow as the runner-up.
    expect(a.text.split('\n')[0]).toContain('SUSUNAN KEANGGOTAAN');
  });
});

describe('a list of regions asked for one province', () => {
  const title = 'Dua Puluh Daerah Teken Nota Kesepahaman Kota Cerdas';
  const report = [
    'Berikut kepala daerah yang meneken nota kesepahaman kota cerdas hari itu:',
    'Wali Kota Semarang, Budi Santoso',
    'Bupati Sleman, Rina Wati',
    'Bupati Gresik, Agus Salim',
    'Wali Kota Bogor, Dedi Kurnia',
    'Bupati Sidoarjo, Wawan Hermawan',
    'Bupati Banyuwangi, Sri Lestari',
  ].join('\n');
  const hits = () => [hit('', report, 1, { title })];

  it("answers 'dr jatim siapa aja' with the list's items in Jawa Timur only, and the whole list without a province", () => {
    const q = 'kepala daerah dr jatim yg ikut teken nota kesepahaman kota cerdas siapa aja';
    const a = composeAnswer(q, hits(), rare(q, 'jatim'));
    for (const head of ['Agus Salim', 'Wawan Hermawan', 'Sri Lestari']) expect(a.text).toContain(head);
    for (const other of ['Budi Santoso', 'Rina Wati', 'Dedi Kurnia']) expect(a.text).not.toContain(other);
    const all = composeAnswer('kepala daerah yg ikut teken nota kesepahaman kota cerdas siapa aja', hits(), rare('kepala daerah yg ikut teken nota kesepahaman kota cerdas siapa aja', 'teken'));
    for (const head of ['Budi Santoso', 'Agus Salim', 'Sri Lestari']) expect(all.text).toContain(head);
  });
});

describe('list questions over a circular', () => {
  it("answers 'quick win … apa aja' from the lampiran's table under its title in capitals, not from the letter's header fields", () => {
    const title = 'Surat Edaran Bupati Wanareja tentang Pelaksanaan Quick Win Smart City Tahun 2025';
    const letter = [
      'BUPATI WANAREJA Wanareja, 13 Januari 2025',
      'Nomor: 000.1.2/038/2025',
      'Sifat: Penting',
      'Lampiran: 1 (satu) lembar',
      'Hal: Pelaksanaan dan Pelaporan Quick Win Smart City Tahun 2025',
      'Kepada Yth. Kepala Perangkat Daerah di lingkungan Pemerintah Kabupaten Wanareja',
      '1. Pada tahun 2025 dilaksanakan 3 (tiga) quick win dengan perangkat daerah penanggung jawab sebagaimana tercantum dalam Lampiran.',
      '2. Setiap perangkat daerah menyampaikan laporan capaian triwulanan kepada Dinas Komunikasi dan Informatika.',
    ].join('\n');
    const table = [
      'LAMPIRAN SURAT EDARAN NOMOR 000.1.2/038/2025 DAFTAR QUICK WIN SMART CITY KABUPATEN WANAREJA TAHUN 2025',
      'No: 1; Dimensi: Smart Governance; Quick Win: Portal Satu Data Wanareja; Penanggung Jawab: Dinas Kominfo',
      'No: 2; Dimensi: Smart Living; Quick Win: Pendaftaran Daring Puskesmas; Penanggung Jawab: Dinas Kesehatan',
      'No: 3; Dimensi: Smart Environment; Quick Win: Lapor Sampah Liar; Penanggung Jawab: Dinas Lingkungan Hidup',
    ].join('\n');
    const hits = [hit('', letter, 1, { title }), hit('', table, 0.8, { title })].map((h) => ({ ...h, heading: h.title }));
    const q = 'quick win smart city wanareja 2025 apa aja';
    const a = composeAnswer(q, hits, rare(q, 'wanareja'));
    for (const name of ['Portal Satu Data Wanareja', 'Pendaftaran Daring Puskesmas', 'Lapor Sampah Liar']) expect(a.text).toContain(name);
    expect(a.text).not.toMatch(/^Nomor:/);
  });
});
