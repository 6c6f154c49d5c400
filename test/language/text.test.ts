import { describe, expect, it } from 'vitest';
import { sentences, stem, terms, words } from '../../src/language/index.ts';

describe('Indonesian text analysis', () => {
  it('reads Jakarta-style chat words as the standard words the documents use', () => {
    expect(terms('mentor bisa bantu nulisin buku 1?')).toEqual(terms('mentor bisa bantu menuliskan buku 1?'));
    expect(terms('cara ngajuin perpanjangan')).toEqual(terms('cara mengajukan perpanjangan'));
    expect(terms('yang nyelenggarain program')).toEqual(terms('yang menyelenggarakan program'));
    expect(terms('dana buat ngejalanin masterplan')).toContain('jalan');
    expect(terms('boleh diwakilin?')).toEqual(terms('boleh diwakilkan?'));
    // 'didapet' is 'obtained', the documents' 'diperoleh'; neither is lost to the stop word 'oleh'.
    expect(terms('apa yang didapet daerah')).toEqual(terms('apa yang diperoleh daerah'));
    expect(terms('manfaat yang diperoleh daerah')).toContain(terms('memperoleh')[0]);
    expect(terms('memperoleh')).toHaveLength(1);
    expect(terms('kalau telat gimana')).toEqual(terms('kalau terlambat bagaimana'));
    expect(terms('ganti2 orang')).toEqual(terms('ganti orang'));
    expect(terms('award 2017 dimenangin siapa')).toEqual(terms('award 2017 dimenangkan siapa'));
    // Chat's function words are the documents' ones, not rare ideas of their own.
    expect(terms('habis NK daerah dikasih waktu brp lama buat nyiapin SK')).toEqual(terms('setelah NK daerah diberi waktu berapa lama untuk menyiapkan SK'));
    expect(terms('tiap daerah daftar brp akun')).toEqual(terms('setiap daerah daftar berapa akun'));
    expect(terms('ikut bareng konsel')).toEqual(terms('ikut bersama konsel'));
    expect(terms('emang cuma kayak gitu doang?')).toEqual(terms('memang hanya seperti begitu saja?'));
    // Chat's nasal prefix in place of a root's h or k, with or without the clitic: 'ngitungnya' counts.
    expect(terms('skor outcome ngitungnya gimana')).toEqual(terms('skor outcome menghitung bagaimana'));
    expect(terms('ngirim laporan')).toEqual(terms('kirim laporan'));
    // Officials' titles as chats and news shorten them are the titles the documents write.
    expect(terms('walkot sama wabup')).toEqual(terms('wali kota sama wakil bupati'));
    expect(terms('kadis kominfo, plt kepala bappeda')).toEqual(terms('kepala dinas kominfo, pelaksana tugas kepala bappeda'));
    // Hedges and 'lg' (currently) carry no topic: 'idealnya brp orang' asks for the number of people.
    expect(terms('idealnya anggota dewan brp orang')).toEqual(terms('anggota dewan berapa orang'));
    expect(terms('bupati lg dinas ke luar negeri')).toEqual(terms('bupati dinas ke luar negeri'));
    expect(terms('biar ga salah')).toEqual(terms('agar tidak salah'));
    // Shortened function words ('mnrt', 'sbg', 'spt') are the documents' words, not rare ideas of their own.
    expect(terms('ketua tp sapa mnrt perbup')).toEqual(terms('ketua tp siapa menurut perbup'));
    expect(terms('hadir sbg narasumber spt tahun lalu')).toEqual(terms('hadir sebagai narasumber seperti tahun lalu'));
    expect(terms('ttd scr simbolis, rapat bsk, narsum')).toEqual(terms('ttd secara simbolis, rapat besok, narasumber'));
  });

  it("reads a role and the deed of holding it as one idea, where the stemmer's root would part them", () => {
    // 'siapa ketua tim pelaksana' is answered by 'Tim Pelaksana diketuai oleh Sekretaris Daerah'.
    expect(terms('diketuai')).toEqual(terms('ketua'));
    expect(terms('mengetuai')).toEqual(terms('ketua'));
    expect(terms('penilai')).toEqual(terms('dinilai'));
    expect(terms('tim penilaian')).toEqual(terms('tim nilai'));
    expect(terms('penanggung jawab')).toEqual(terms('tanggung jawab'));
    expect(terms('Gerakan Menuju Smart City')).toEqual(terms('gerak tuju smart city'));
    // 'menuai' (to harvest) is no ketua.
    expect(terms('menuai')).not.toEqual(terms('ketua'));
  });

  it('reads the English words of chats as the Indonesian words of the documents, and drops question frames', () => {
    expect(terms('kok reminder masih masuk padahal sudah upload?')).toEqual(terms('kok pengingat masih masuk padahal sudah unggah?'));
    expect(terms('pentahelix itu maksudnya apa')).toEqual(['pentahelix']);
    // Wanting, like 'akan' and 'bisa', frames the question: 'kalo mau kasih masukan ke mana' asks about the input.
    expect(terms('kalo mau kasih masukan ke mana?')).toEqual(terms('kalau ingin kasih masukan ke mana?'));
    expect(terms('kalo mau kasih masukan ke mana?')).not.toContain('mau');
    // Who said it is asked about, not the saying: 'menkominfo bilang smpe 2021 udh brp' asks a figure he gave.
    expect(terms('menkominfo bilang smpe 2021 udh brp')).toEqual(terms('menkominfo hingga 2021 sudah berapa'));
    expect(words('smpe 2021')).toEqual(['sampai', '2021']);
  });

  it("reads chat's shortened and spoken words as the documents write them", () => {
    expect(terms('bimtek 3 sikka td di hotel apa')).toEqual(terms('bimtek 3 sikka tadi di hotel apa'));
    expect(terms('tim pembimbing yg dtg ke tomohon')).toEqual(terms('tim pembimbing yang datang ke tomohon'));
    expect(terms('kpn walkot ketemu wamen')).toEqual(terms('kapan wali kota bertemu wamen'));
    expect(terms('bupati dairi mantau bimtek')).toEqual(terms('bupati dairi memantau bimtek'));
    expect(terms('kementerian yg kerjasama sm kominfo')).toEqual(terms('kementerian yang kerja sama sama kominfo'));
    expect(terms('target launching aplikasi')).toEqual(terms('target peluncuran aplikasi'));
    expect(terms('masterplannya diselesain lwt brp kali bimtek')).toEqual(terms('masterplan diselesaikan lewat berapa kali bimtek'));
    expect(terms('di prov jambi')).toEqual(terms('di provinsi jambi'));
  });

  it('leaves standard words alone, including ones that look like chat forms', () => {
    for (const w of ['mungkin', 'mesin', 'main', 'ingin', 'musim', 'nomor', 'nilai', 'nasional']) expect(words(w)).toEqual([w]);
  });

  it('reads numbers written as words or Roman numerals as digits', () => {
    expect(terms('6 dimensi smart city')).toEqual(terms('enam dimensi smart city'));
    expect(terms('keenam dimensi')).toEqual(terms('6 dimensi'));
    expect(terms('bimtek 2')).toEqual(terms('Bimtek II'));
    expect(terms('Bimtek IV')).toEqual(terms('bimtek ke-4'));
    expect(terms('Bimtek I (analisis strategis)')).toEqual(terms('bimtek 1 analisis strategis'));
    expect(terms('tahap ketiga')).toEqual(terms('tahap 3'));
  });

  it('treats every spelling of signing as one term', () => {
    const sign = terms('tanda tangan')[0];
    expect(sign).toBeDefined();
    for (const q of ['ditandatangani', 'menandatangani', 'penandatanganan', 'diteken', 'meneken', 'ttd']) expect(terms(q)).toEqual([sign]);
  });

  it("reads meN-/peN- before an s-root written 'nya' as that root, and keeps the roots in ny-", () => {
    expect(terms('siapa yang menyaksikan')).toEqual(terms('disaksikan oleh'));
    expect(stem('menyaksikannya')).toBe('saksi');
    expect(stem('menyampaikan')).toBe('sampai');
    expect(stem('menyanyi')).toBe('nyanyi');
  });

  it('splits sentences without losing text around dots in addresses, numbers and abbreviations', () => {
    const text = 'Kirim ke sekretariat@g100sc.example.id (alamat contoh). Nilai 3.5 juta, mis. untuk Kab. Sragen. Selesai!';
    const parts = sentences(text);
    expect(parts).toEqual(['Kirim ke sekretariat@g100sc.example.id (alamat contoh).', 'Nilai 3.5 juta, mis. untuk Kab. Sragen.', 'Selesai!']);
    expect(parts.join(' ')).toBe(text);
  });

  it("does not end a sentence at an acting official's title ('PLT.', 'Pj.', 'Plh.')", () => {
    const text = 'PLT. BUPATI SIDOMAJU, WAKIL BUPATI ttd. HARIS WICAKSONO. Pj. Bupati Sidomaju membuka acara. Plh. Sekda hadir.';
    expect(sentences(text)).toEqual(['PLT. BUPATI SIDOMAJU, WAKIL BUPATI ttd. HARIS WICAKSONO.', 'Pj. Bupati Sidomaju membuka acara.', 'Plh. Sekda hadir.']);
  });

  it('does not end a sentence at a shortened word without vowels or at chained initials', () => {
    const text = 'Sebuah studio animasi, PT Kreasi Sdn. Bhd. berdiri di Kuala Lumpur. Pendirinya (l.k. 1980 - l.k. 2020) tinggal di sana. Selesai.';
    expect(sentences(text)).toEqual([
      'Sebuah studio animasi, PT Kreasi Sdn. Bhd. berdiri di Kuala Lumpur.',
      'Pendirinya (l.k. 1980 - l.k. 2020) tinggal di sana.',
      'Selesai.',
    ]);
  });
});

describe('words the stemmer would reduce to a stop word', () => {
  it('keeps them as terms', () => {
    for (const w of ['peserta', 'permohonan', 'pengadaan', 'pendapatan', 'diterima', 'disampaikan']) expect(terms(w)).toHaveLength(1);
    expect(terms('pesertanya')).toEqual(terms('peserta'));
    // Function words built the same way stay out.
    for (const w of ['beserta', 'sebelumnya', 'setelahnya', 'adanya']) expect(terms(w)).toEqual([]);
  });

  it("reads 'menerima', 'diterima' and 'penerima' as one idea, and 'terima kasih' as thanks, no idea at all", () => {
    expect(terms('menerima')).toEqual(terms('diterima'));
    expect(terms('penerima')).toEqual(terms('diterima'));
    expect(terms('siapa yg nerima')).toEqual(terms('diterima'));
    expect(terms('terima kasih min')).toEqual([]);
  });
});

describe('words that are names of JavaScript object properties', () => {
  it('are ordinary words in documents and questions', () => {
    expect(terms('constructor toString valueOf')).toEqual(['constructor', 'tostring', 'valueof']);
    expect(words('hasOwnProperty __proto__')).toEqual(['hasownproperty', 'proto']);
  });
});
