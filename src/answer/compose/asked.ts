import { contextTerms, readingsOf } from '../../retrieval/index.ts';
import { isOrdinaryWord, normalize, terms, words } from '../../language/index.ts';
import { isYear, MEASURES } from './values.ts';
import { isPlaceWord, provinceIn } from '../../regions/names.ts';

/**
 * What a question asks for, read from its wording (Indonesian question words, slang already
 * expanded by `words`): the kind of value that answers it, whether it wants a list or a
 * definition, and the names and figures it pins down.
 */
export type ValueKind = 'date' | 'place' | 'person' | 'name' | 'number' | 'money' | 'percent' | 'url' | 'phone' | 'email';

export interface Asked {
  /** The kind of value an answer must hold, if the wording says. */
  readonly value: ValueKind | null;
  /** 'kapan dan di mana …', 'tgl brp, dmn': a place asked together with the date, which the quote must give too. */
  readonly alsoPlace: boolean;
  /** For 'berapa orang/hari/…': the unit the number comes with; 'nama' when a person's name itself is asked ('siapa nama …'). */
  readonly unit: string | null;
  /** 'sebutkan…', 'apa saja…', 'siapa saja…', 'daerah mana aja…': an enumeration. */
  readonly list: boolean;
  /** 'apa itu X', 'X itu apa', 'maksudnya X': the X asked to be defined. */
  readonly defines: string | null;
  /** A definition asked from a source of the question's own ('… menurut perbup sumbawa', '… menurut materi bimtek'): not the glossary's. */
  readonly definedBySource: boolean;
  /** 'SPBE singkatan dari apa', 'kepanjangannya apa': the long form of the defined abbreviation is asked, not what it does. */
  readonly expansion: boolean;
  /**
   * Asks for one fact — a value, a definition, 'apa nama …', 'apa kota terbesar …' — answered by
   * a sentence; other questions (how, why, whether, what the rules say) by a passage.
   */
  readonly factoid: boolean;
  /** 'apakah…', 'boleh…?', 'perlu…?': asks whether, answered by the rule itself. */
  readonly whether: boolean;
  /** Names (capitalised runs inside the question) and figures (words with a digit), each as its index terms. */
  readonly names: ReadonlyArray<readonly string[]>;
  /**
   * The names an answer must hold: people, places and bodies written capitalised, and years —
   * not codes or counts ('F-03', 'lebih dari 3'), and not what is said after the question as
   * context ('? kami ada 15 usulan').
   */
  readonly pinned: ReadonlyArray<readonly string[]>;
  /** Of those, the stage numbers ('bimtek II' → ['2']): the quoted passage states them, not always the quote itself. */
  readonly stages: ReadonlyArray<readonly string[]>;
  /** Of those, the numbers of an event's phases ('bimtek II', 'tahap 3'; not 'buku 2' or 'angkatan 2023'). */
  readonly phases: ReadonlyArray<readonly string[]>;
  /**
   * 'berapa luas …', 'lamanya berapa': the measure asked ('luas', 'lama', 'tinggi' …). A figure in a
   * unit of it is the likeliest answer; any figure still counts as one ('luas kekuasaan' may be told in places).
   */
  readonly measure: string | null;
  /** 'tanggal berapa', 'tgl brp': the day is asked, which a year alone does not give ('kapan' alone may be answered by a year). */
  readonly day: boolean;
  /** 'siapa yang menulis …', 'siapa pendiri …', '… dipimpin siapa': asks who did something, whom a sentence names after 'oleh' or 'karya'. */
  readonly agent: boolean;
  /** The deed asked about is signing ('yg ttd siapa', 'ditandatangani oleh siapa'): a signature block names the doer. */
  readonly signs: boolean;
  /** The date a document was set is asked ('perbup … ditetapkan kapan'): its signature block dates it ('Ditetapkan di … pada tanggal …'). */
  readonly enacted: boolean;
  /**
   * For a date or a place: the index terms of the question's verbs saying only that an event took place
   * ('diadakan dmn' is answered by 'digelar di …', whichever verb the quote uses).
   */
  readonly occurrence: readonly string[];
  /** Roles a 'siapa' question asks about ('siapa bupati yang…' → bupati). */
  readonly roles: readonly string[];
  /** The province the question names, shortened or written out ('daerah jatim …' → 'jawa timur'). */
  readonly province: string | null;
  /** The question as written, normalised: a value it already states is not its answer. */
  readonly said: string;
  /** Index terms of the words that only name the kind of value ('email', 'link', 'tanggal', 'lokasi'): the value itself answers them. */
  readonly kindTerms: ReadonlySet<string>;
  /**
   * The thing whose value is asked for, as index terms any of which a quote may use: 'berapa
   * honor …' → honor/honorarium/insentif, 'skornya berapa' → the nouns of a score, 'di gedung apa'
   * → the nouns of buildings. A quote that gives a figure or a place without speaking of that thing answers something else.
   */
  readonly focus: readonly string[] | null;
  /** The focus is a score ('skornya berapa', 'nilai indeks … brp'). */
  readonly scored: boolean;
  /** Asks for a regulation's reasons ('pertimbangannya apa') or legal bases ('dasar hukumnya apa aja'): that part of its preamble answers. */
  readonly basis: Preamble | null;
}

/** Words that name a kind of value rather than a topic ('email-nya apa', 'tanggal berapa', 'lokasinya di mana'). */
const KIND_WORDS: Partial<Record<ValueKind, string>> = {
  url: 'link tautan url website situs laman web alamat',
  phone: 'nomor nomer kontak telepon telpon telp hp handphone ponsel wa whatsapp',
  email: 'email surel alamat',
  date: 'tanggal tahun jam pukul hari bulan waktu',
  place: 'lokasi tempat alamat',
  person: 'nama',
  name: 'nama judul sebutan',
  percent: 'persen persentase',
  number: 'jumlah total banyak berapa',
  money: 'jumlah total nilai besaran',
};

/** The two parts of a regulation's preamble: its reasons ('Menimbang: a. bahwa …') and its legal bases ('Mengingat: 1. Undang-Undang …'). */
export type Preamble = 'reasons' | 'bases';
/** Words asking for either. */
const REASONS = /\b(?:pertimbangan|menimbang|konsiderans|latar belakang|alasan)(?:nya)?\b/;
const BASES = /\b(?:dasar|landasan|mengingat|acuan|rujukan|payung hukum)(?:nya)?\b/;

/** Words that ask for a definition ('pengertian', 'makna'): the defining sentence answers them, whatever its words. */
const DEFINITION_WORDS = 'pengertian definisi arti makna maksud dimaksud';

/** Words that ask for a list in so many words ('siapa saja', 'sebutkan'). */
const LIST_ASKED = 'apa saja|siapa saja|mana saja|sebutkan|sebutin|apa apa|siapa siapa';
const EXPLICIT_LIST = new RegExp(`\\b(${LIST_ASKED})\\b`);
/** …and words whose questions want one too ('syaratnya', 'langkah', 'daftar …'). */
const LIST = new RegExp(
  `\\b(${LIST_ASKED}|daftar|macam|jenis|langkah|isinya|isian(nya)?|bagian apa|kriteria(nya)?|syarat(nya)?|komponen(nya)?|aspek(nya)?)\\b|\\b(daerah|kabupaten|kota|wilayah|provinsi|dokumen|kegiatan|program)\\s+(apa|mana) saja\\b`,
);
const DEFINE_BEFORE = /\b(?:apa itu|apa sih|apaan sih|apa yang dimaksud(?: dengan)?|yang dimaksud(?: dengan)?|maksudnya|maksud dari|maksud|arti(?:nya)?(?: dari)?|pengertian|makna(?: dari)?|definisi|kepanjangan(?: dari)?|singkatan dari)(?:\s+dari)?\s+(.+)$/;
const DEFINE_AFTER = /^(.+?)\s+(?:(?:itu|tuh|teh)\s+(?:apa|apaan|maksudnya apa|artinya apa)|(?:itu\s+|tuh\s+)?(?:artinya|maksudnya|pengertiannya|definisinya)\s+(?:apa|apaan)|(?:itu\s+|tuh\s+)?(?:singkatan(?:nya)?|kepanjangan(?:nya)?)(?:\s+dari)?\s+(?:apa|apaan))\b/;
/** The source a definition is asked from ('… menurut perbup sumbawa', '… dalam SK'): the document decides, the term is what precedes it. */
const DEFINED_IN = /\s+(?:(?:menurut|versi|sesuai)\s+\p{L}|(?:dalam|di|pada)\s+(?:perbup|perwali|perda|pergub|peraturan|permen|perpres|sk|keputusan|undang|uu|pp|masterplan|dokumen|buku|pedoman|panduan|glosarium|materi)\b).*$/u;
const WHETHER = /^(apakah|apa|apa iya|benarkah|betulkah)\s+(boleh|bisa|dapat|perlu|harus|wajib|benar|betul|sudah|ada|termasuk|masih|memang|sama|cukup)\b|^(boleh(kah)?|bisa(kah)?|perlu(kah)?|harus(kah)?|wajib(kah)?|benarkah|betulkah)\b|\b(boleh|bisa|dapat|perlu|harus|wajib|cukup|aman|benar|betul|sah|diterima|termasuk|masuk|sudah|udah) (tidak|nggak|gak|ga|belum|kan)\b|\b(atau|apa) (tidak|nggak|gak|ga|belum|bukan)\b|\b(tidak|nggak|gak|ga|belum|bukan|kan)\s*$/;
const ROLE = /\b(wakil bupati|bupati|wakil wali ?kota|wali ?kota|gubernur|menteri|sekda|sekretaris daerah|(?:sekretaris|kepala|ketua|direktur|koordinator|kadis|kabid)(?: (?!(?:yang|yg|dan|atau|di|dari|pada|saat|waktu|pas)\b)\p{L}+)?|dirjen|mentor|pembimbing|pendamping|panelis|asesor|juri|camat|lurah|presiden|asisten|pejabat|narasumber|pembicara|moderator|notulis|akademisi|pakar|peneliti|dosen|konsultan|pengamat|tenaga ahli|evaluator|penilai|pemateri)\b/gu;

/** What a date question measures: a clock time ('jam berapa'), a day ('kapan', 'tanggal berapa'), or nothing finer ('tahun berapa'). */
function dateMeasure(plain: string): string | null {
  if (/\b(?:jam|pukul)(?:nya)? berapa\b/.test(plain)) return 'jam';
  // 'hari apa (tgl brp)': the weekday, with the day when asked too.
  if (/\bhari(?:nya)? apa\b/.test(plain)) return 'hari';
  return /\b(?:kapan|kapankah|tanggal berapa|tanggalnya)\b|^tanggal\b/.test(plain) && !/\btahun berapa\b/.test(plain) ? 'tanggal' : null;
}

/** What 'berapa luas/lama/tinggi …' measures (values.ts lists the measures and the units each is written in). */
const MEASURE = new RegExp(`\\bberapa(?:kah)? (${MEASURES.join('|')})\\b|\\b(${MEASURES.join('|')})(?:nya)? (?:kira-kira |sekitar )?berapa\\b`);

/** A 'siapa' question about a deed: 'siapa (yang) me-/pe-…' or 'di-… (oleh) siapa'. */
const AGENT_ASKED = /\bsiapa(?:kah)?\s+(?:yang\s+)?(?:me|pe)\p{L}{3,}|\bdi\p{L}{3,}\s+(?:oleh\s+)?siapa\b|\b(?:yang\s+)?(?:ttd|teken|tanda tangan|tandatangan)(?:\s?nya)?\s+siapa\b|\bsiapa(?:kah)?\s+(?:yang\s+)?(?:ttd|teken|tanda tangan)\b/u;

const MONEY_WORDS = /\b(anggaran(nya)?|denda(nya)?|biaya(nya)?|dana(nya)?|honor(nya|arium)?|nominal(nya)?|hibah(nya)?|harga(nya)?|tarif(nya)?|gaji|uang|hadiah|nilai kontrak|rupiah|rp|juta|miliar|triliun|apbd|apbn|pagu)\b/;

const URL_WORD = '(?:link|tautan|url|website|situs|laman web|webnya|alamat (?:web|situs|website|laman))';
const URL_ASKED = new RegExp(`\\b${URL_WORD}(?:nya)?\\b(?:\\s+\\S+){0,6}?\\s*\\b(?:apa|apaan|mana|dimana|ada|berapa)\\b|\\b${URL_WORD}(?:nya)?\\b(?:\\s+\\S+){0,2}$|\\b(?:apa|minta|kirim|kirimkan|share|bagi|cari|cek)\\s+(?:\\S+\\s+)?${URL_WORD}\\b`);

/** Words asking when: a date, or ('tahun berapa') a year alone. */
const WHEN_WORDS = 'kapan|sejak kapan|hari apa|bulan apa|tanggalnya|kapankah';
const DATE_ASKED = new RegExp(`\\b(${WHEN_WORDS}|(?:tanggal|jam|pukul|tahun) berapa(?:kah)?)\\b`);
/** …all but a year alone. */
const DAY_ASKED = new RegExp(`\\b(${WHEN_WORDS}|(?:tanggal|jam|pukul) berapa)\\b`);

const PLACE_ASKED = /\b(di ?mana|dimanakah|di manakah|ke mana|kemana|lokasi(nya)?|(?<!\bdi )tempat(nya)?|bertempat|(?:di|dari|ke) (hotel|gedung|aula|ruang|kota|kabupaten|provinsi|kantor|balai|pendopo) (apa|mana))\b/;

/** 'visi smart city manggarai timur apa ya': a short name of a thing, then 'apa' — what that thing is (no other question word). */
const NAMED_THEN_WHAT =
  /^(?!.*\b(?:siapa|kapan|berapa|bagaimana|gimana|mengapa|kenapa|dimana|di mana|mana|apa saja|apa aja|itu|tuh|yang|untuk|buat|di|dari|ke|dengan|dalam|pada|oleh|sudah|udah|\p{L}+nya)\b)(\S+(?:\s+\S+){0,5}?)\s+(?:apa|apaan)(?:\s+(?:ya|sih|kak|min|dong))?\s*$/u;

/** 'perwali … nomor berapa?', 'nomor surat undangan … apa?': a document's number is asked. */
const NUMBERED = /\b(nomor|nomer|no)(nya)? (berapa|apa)\b|^(nomor|nomer)(nya)?\b.*\b(apa|berapa)\b/;

/** A document being set or promulgated ('perbup … ditetapkan kapan'). */
const ENACTED_WORDS = 'ditetapkan|ditetapin|diundangkan|diundangin|disahkan|disahin|diundangkannya|ditetapkannya';
const ENACTED = new RegExp(`\\b(?:${ENACTED_WORDS})\\b`);
/** A document's own deeds: set, promulgated, signed, issued. */
const ISSUED = new RegExp(`\\b(?:${ENACTED_WORDS}|diterbitkan|diterbitin|terbit|ditandatangani|ditandatanganin|diteken)\\b`);

/**
 * Verbs that only say an event took place ('diadakan', 'digelar'). As verbs only: 'pelaksanaan quick win'
 * (the carrying out) shares the stem but names a topic.
 */
const OCCURRENCE = new Set('diadakan digelar dilaksanakan diselenggarakan berlangsung dilangsungkan mengadakan menggelar melaksanakan menyelenggarakan dihelat'.split(' '));

function valueOf(q: string, raw: string, whether: boolean): { value: ValueKind | null; unit: string | null } {
  // 'link portalnya apa', 'minta link zoom': a web address is asked; 'dr website sampe master plan TIK' only names one.
  if (URL_ASKED.test(q)) return { value: 'url', unit: null };
  if (/\b(nomor|no|nomer|kontak) (wa|whatsapp|telepon|telpon|telp|hp|handphone|ponsel)\b|\b(wa|whatsapp|telepon|telp|hp)nya\b/.test(q)) return { value: 'phone', unit: null };
  if (/\b(email|e-mail|surel|surat elektronik)\b/.test(raw)) return { value: 'email', unit: null };
  if (whether) return { value: null, unit: null };
  // 'kapan tahap dianggap selesai?' asks for a condition, not a date.
  const condition = /\bkapan\b.*\b(dianggap|dihitung|dinyatakan|disebut|bisa|boleh|harus|perlu|wajib)\b|\b(dianggap|dihitung|dinyatakan)\b.*\bkapan\b/.test(q);
  // 'perwali … nomor berapa?', 'nomor surat undangan … apa?': a document's number, not an amount,
  // asked before a year alone: 'nomor brp thn brp' wants the number the year comes with ('… nomor brp? trs kapan' still asks a date).
  const numbered = NUMBERED.test(q);
  if (numbered && !DAY_ASKED.test(q)) return { value: 'number', unit: 'nomor' };
  // 'hadiah akhir tahun brp juta': an amount, though 'tahun brp' stands in it.
  if (/\bberapa(?:kah)? (?:juta|miliar|milyar|triliun|ribu|rupiah|rp)\b/.test(q)) return { value: 'money', unit: null };
  if (!condition && DATE_ASKED.test(q)) return { value: 'date', unit: null };
  if (numbered) return { value: 'number', unit: 'nomor' };
  if (PLACE_ASKED.test(q)) return { value: 'place', unit: null };
  const amount = /\bberapa(kah)?\b|\bnominal(nya)?\b/.test(q);
  if (amount && MONEY_WORDS.test(q)) return { value: 'money', unit: null };
  if (amount && /\b(persen|persentase|%)/.test(raw)) return { value: 'percent', unit: null };
  // 'siapa nama kepala bappeda …' wants the name itself: an office answers 'siapa yang …', not this.
  const named = /\bsiapa(kah)? nama(nya)?\b|\bnama(nya)? (pejabat|kepala|kadis|mentor|panel|penilai|juri|anggota|bupati|wali ?kota|ketua)\b/.test(q);
  if (/\bsiapa(kah)?\b/.test(q) && !/\bsiapa saja\b/.test(q)) return { value: 'person', unit: named ? 'nama' : null };
  if (named && !whether) return { value: 'person', unit: 'nama' };
  // 'aplikasi aduannya namanya apa?', 'apa nama programnya?': the name of a thing.
  if (/\b(nama|judul|sebutan)(nya)? (apa|apaan)\b|\bapa (nama|judul|sebutan)(nya)?\b/.test(q)) return { value: 'name', unit: null };
  const unit = /\bberapa(?:kah)? (orang|hari|minggu|bulan|tahun|halaman|salindia|menit|jam|kali|butir|dimensi|program|anggota|daerah|kabupaten|kota|wilayah|peserta|unit|dokumen|tahap|tahapan)\b/.exec(q)?.[1];
  if (unit) return { value: 'number', unit };
  if (amount) return { value: 'number', unit: null };
  // 'nomor sk dewan …?', 'jumlah peserta bimtek …?', 'tanggal bimtek II …?', 'lokasi rakor …?': a question without a
  // question word that opens with a value's noun asks for that value.
  const opening = NOUN_FIRST.exec(q);
  if (opening && !QUESTION_WORD.test(q)) return NOUN_FIRST_VALUE[opening[1]!]!;
  return { value: null, unit: null };
}

const QUESTION_WORD = /\b(?:apa|apakah|apaan|siapa|kapan|berapa|mana|dimana|bagaimana|gimana|mengapa|kenapa|sebutkan|jelaskan)\b/;
const NOUN_FIRST_VALUE: Record<string, { value: ValueKind; unit: string | null }> = {
  nomor: { value: 'number', unit: 'nomor' },
  nomer: { value: 'number', unit: 'nomor' },
  jumlah: { value: 'number', unit: null },
  tanggal: { value: 'date', unit: null },
  lokasi: { value: 'place', unit: null },
  tempat: { value: 'place', unit: null },
};
const NOUN_FIRST = new RegExp(`^(${Object.keys(NOUN_FIRST_VALUE).join('|')})(?:nya)?\\s+\\p{L}`, 'u');

/** Nouns of a scored value: 'berapa skor …', 'nilainya berapa'. A count ('berapa sekuel') is often told without its noun ('tujuh buku'); a score is told with one of these. */
const SCORES = 'skor nilai poin indeks rating';
/** Nouns that name a building or a room: 'di gedung apa' is answered by 'Balai Sudirman' as well. */
const BUILDINGS = 'hotel gedung aula ruang ruangan balai pendopo pendapa kantor wisma graha auditorium hall stadion kampus';
const BUILDING_ASKED = new RegExp(`\\b(?:${BUILDINGS.replace(/ /g, '|')}) (?:apa|mana)\\b`);
/** Words for money that name what it pays for; a figure for one is no answer for another ('honor' is not 'anggaran'). */
const MONEY_KINDS = [
  'anggaran dana biaya pagu alokasi apbd apbn belanja',
  'honor honorarium insentif',
  'denda',
  'hadiah',
  'harga tarif',
  'gaji tunjangan upah',
  'hibah bantuan',
  'kontrak',
];

/** Kinds of numbered documents as a question names them, and the words a quote of that kind uses. */
const DOCUMENT_KINDS: ReadonlyArray<readonly [string, string]> = [
  // ('perwali' is indexed as 'wali', which 'Wakil Wali Kota' holds too: a perwali is quoted as a 'peraturan'.)
  ['perbup perwali perwal perda peraturan permen perpres pergub', 'peraturan perbup perda'],
  ['sk keputusan kepbup kepwal', 'keputusan sk'],
  ['surat edaran se undangan', 'surat edaran undangan'],
  ['mou nk nota kesepakatan kesepahaman', 'nota kesepakatan kesepahaman mou'],
];

/** The thing a figure or a building is asked for (see `Asked.focus`): index terms, any of which a quote may use. */
function focusOf(plain: string, value: ValueKind | null, unit: string | null): readonly string[] | null {
  if (value === 'place') return BUILDING_ASKED.test(plain) ? terms(BUILDINGS) : null;
  if (value === 'money') {
    const said = new Set(plain.split(' '));
    const kinds = MONEY_KINDS.filter((k) => k.split(' ').some((w) => said.has(w) || said.has(`${w}nya`)));
    return kinds.length > 0 ? terms(kinds.join(' ')) : null;
  }
  // 'SK dewan … nomor brp dan kpn ditetapkan': the date of that kind of document, with its number.
  // ('… selesai tgl brp, trs perbupnya nomor brp?' asks two things, of two documents.)
  // 'perwali … ditetapin tgl brp': the date of that kind of document, not of an event its report names.
  const issued = value === 'date' && ISSUED.test(plain);
  if ((value === 'number' && unit === 'nomor') || (value === 'date' && (NUMBERED.test(plain) || issued) && !/\b(?:terus|trs|trus|lalu|kemudian)\b/.test(plain))) {
    // 'perwali … nomor brp': the number of that kind of document, not another kind's ('KEPUTUSAN BUPATI … NOMOR …' is no perbup).
    const said = new Set(plain.split(' '));
    const kinds = DOCUMENT_KINDS.filter(([asked]) => asked.split(' ').some((w) => said.has(w) || said.has(`${w}nya`)));
    return kinds.length > 0 ? terms(kinds.map(([, quoted]) => quoted).join(' ')) : null;
  }
  if (value !== 'number' || unit !== null) return null;
  const scores = terms(SCORES);
  const isScore = (word: string | undefined) => !!word && terms(word).some((t) => scores.includes(t));
  // 'berapa skor …', or 'skornya berapa' when no counted noun follows ('nilai brp provinsi' counts provinces).
  const after = /\bberapa(?:kah)?\s+(\p{L}+)/u.exec(plain)?.[1];
  const counted = after !== undefined && terms(after).length > 0;
  // 'berapa skor …', or a score noun anywhere when no counted noun follows ('nilai indeks asahan brp'; 'nilai brp provinsi' counts provinces).
  return isScore(after) || (!counted && plain.split(' ').some(isScore)) ? scores : null;
}

/** Capitalised words that are titles or administrative nouns, not names ('Kota', 'Bapak', 'Bupati'). */
const TITLES = new Set(
  `kota kabupaten kab provinsi pemkab pemkot pemprov pemda bupati wakil walikota wali gubernur bapak ibu pak bu sdr dinas kepala
   sekretaris sekda menteri presiden smart city gerakan menuju kota cerdas bimtek tim dewan angkatan tahap kak min mas mbak`.split(/\s+/),
);

/** Words that number the phases of an event ('Bimtek II', 'tahap 3', 'sesi 2'). */
export const PHASE_WORDS = 'tahap tahapan bimtek gelombang putaran fase sesi termin';
const PHASE_WORD = new RegExp(`^(?:${PHASE_WORDS.replace(/ /g, '|')})$`, 'iu');
/** Words that number the stages of a programme or an event ('Bimtek II', 'tahap 3', 'angkatan ke-2'). */
export const STAGE_WORDS = `${PHASE_WORDS} angkatan batch buku rakor rapat pertemuan`;
const STAGE_WORD = new RegExp(`^(?:${STAGE_WORDS.replace(/ /g, '|')})$`, 'iu');
/** The words for 'first': the index reads 'kedua' … 'keenam' as their numbers, these it keeps as words. */
export const FIRST_WORDS = 'pertama|perdana';
const FIRST_WORD = new RegExp(`^(?:${FIRST_WORDS})$`, 'iu');
const STAGE_NUMBER = new RegExp(`^(?:\\d{1,2}|ke-?\\d{1,2}|[ivx]{1,4}|${FIRST_WORDS}|kedua|ketiga|keempat|kelima|keenam)$`, 'iu');
/** A stage number's index terms, 'pertama' and 'perdana' read as '1'. */
export const stageTerms = (word: string): string[] => (FIRST_WORD.test(word) ? ['1'] : terms(word));
/** Whether a word numbers the stage word before it ('tahap IV', 'rakor pertama'). */
export function numbersStage(before: string, word: string): boolean {
  return STAGE_WORD.test(before) && STAGE_NUMBER.test(word);
}

/**
 * The names and figures a question writes, each as the index terms of one mention: a run of
 * words capitalised inside the question ('Yoweri Kaguta Museveni'), or a word holding a digit.
 * Chat questions written in lower case pin down only their figures.
 */
function namedGroups(question: string): Array<{ terms: string[]; hard: boolean; stage?: boolean; phase?: boolean }> {
  const groups: Array<{ terms: string[]; hard: boolean; stage?: boolean; phase?: boolean }> = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) groups.push({ terms: run, hard: true });
    run = [];
  };
  const all = question.split(/\s+/);
  all.forEach((word, i) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // 'MoU', 'eKTP', 'BPS' are abbreviations, not names.
    const capital = i > 0 && /^\p{Lu}\p{Ll}+$/u.test(bare) && !TITLES.has(bare.toLowerCase());
    // 'bimtek II', 'tahap 3', 'angkatan ke-2': which stage is asked about pins it down like a year.
    const stage = i > 0 && numbersStage(all[i - 1]!, bare);
    if (/\d/.test(bare) || stage) {
      flush();
      const t = stage ? stageTerms(bare) : terms(bare);
      if (t.length > 0) groups.push({ terms: t, hard: isYear(bare) || stage, stage, phase: stage && PHASE_WORD.test(all[i - 1]!) });
    } else if (capital) {
      run.push(...terms(bare));
      if (/[?,.!:;]$/.test(word)) flush();
    } else flush();
  });
  flush();
  return groups.filter((g) => g.terms.length > 0);
}

export function readQuestion(question: string): Asked {
  const named = namedGroups(question);
  const context = contextTerms(question);
  const plain = words(question).join(' ');
  const raw = normalize(question);
  const first = words(question.split('?')[0] ?? question).join(' ');
  const whether = WHETHER.test(first) && !/\b(apa saja|apa itu|siapa|kapan|berapa|dimana|di mana)\b/.test(first);
  const { value, unit } = valueOf(plain, raw, whether);
  const measure = value === 'number' && unit === null ? (MEASURE.exec(plain)?.slice(1).find(Boolean) ?? null) : value === 'date' ? dateMeasure(plain) : null;
  // 'QW itu apa sih maksudnya', 'apa yang dimaksud dengan quick win': the first reading that names something.
  // 'visi smart city manggarai timur apa ya' asks what one region's thing is; 'visi smart city apa?' may ask what a vision is.
  const namedThing = NAMED_THEN_WHAT.exec(first)?.[1];
  const defined = [DEFINE_AFTER.exec(first)?.[1], DEFINE_BEFORE.exec(first)?.[1], namedThing && words(namedThing).some((w) => isPlaceWord(w) && !isOrdinaryWord(w)) ? namedThing : undefined]
    .map((d) => d?.replace(DEFINED_IN, '').replace(/\b(ya|sih|dong|kak|min|itu|nya)\b/g, ' ').replace(/\s+(apa|apaan)\s*$/, '').trim())
    .find((d): d is string => !!d && terms(d).length > 0 && terms(d).length <= 5);
  const defines = defined ?? null;
  const what = /^(apa|apakah)\s+(?!saja|itu|yang|boleh|bisa|harus|perlu|wajib|sudah|ada|hubungan|beda|bedanya|perbedaan|syarat|isi|manfaat|tujuan|fungsi|peran|tugas|dampak|akibat|alasan|cara|kriteria|langkah)\p{L}+/u.test(first);
  // A stage pins down what is asked about it ('bimtek II diadain dmn?', 'output bimtek 3 apa aja?'); a yes/no
  // question about a rule ('bimtek 2 nya ikut mundur ga?') merely names it.
  const pins = named.filter((g) => g.hard && (!g.stage || !whether) && !g.terms.every((t) => context.has(t)));
  const focus = focusOf(plain, value, unit);
  const agent = value === 'person' && AGENT_ASKED.test(plain);
  return {
    value,
    alsoPlace: value === 'date' && PLACE_ASKED.test(plain),
    unit,
    factoid: !whether && (value !== null || what),
    // A question for one value is a list question only when it says so ('siapa saja', 'sebutkan'): in
    // 'boleh daftar brp akun' the word 'daftar' registers, it does not ask for a list.
    list: value === null ? LIST.test(plain) : EXPLICIT_LIST.test(plain),
    defines: value === null && !whether ? defines : null,
    definedBySource: defines !== null && DEFINED_IN.test(first),
    expansion: defines !== null && /\b(?:singkatan|kepanjangan|kependekan|akronim)/.test(first),
    whether,
    names: named.map((g) => g.terms),
    pinned: pins.map((g) => g.terms),
    stages: pins.filter((g) => g.stage).map((g) => g.terms),
    phases: pins.filter((g) => g.phase).map((g) => g.terms),
    measure,
    day: value === 'date' && (measure === 'tanggal' || measure === 'hari') && /\b(?:tanggal|tgl)(?:nya)?\b/.test(raw),
    agent,
    signs: agent && /\b(?:ttd|teken|diteken|meneken|tanda tangan|tandatangan|ditandatangani|menandatangani)\b/.test(plain),
    enacted: value === 'date' && ENACTED.test(plain),
    occurrence: value === 'date' || value === 'place' ? terms(plain.split(' ').filter((w) => OCCURRENCE.has(w)).join(' ')) : [],
    roles: [...new Set((plain.match(ROLE) ?? []).map((r) => r.replace(/\bwalikota\b/, 'wali kota')))],
    province: provinceIn(plain.split(' ').flatMap((w) => (readingsOf(w)?.[0] ?? w).split(' '))),
    kindTerms: new Set(value ? terms(KIND_WORDS[value] ?? '') : defines ? terms(DEFINITION_WORDS) : []),
    said: raw,
    focus,
    scored: focus !== null && focus.includes(terms('skor')[0]!),
    basis: REASONS.test(plain) ? 'reasons' : BASES.test(plain) ? 'bases' : null,
  };
}
