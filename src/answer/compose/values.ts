import { holdsRun, MONTH_NAMES, MONTH_SPELLINGS, normalize, terms, wordTable } from '../../language/index.ts';
import { readingsOf } from '../../retrieval/index.ts';
import type { Asked, ValueKind } from './asked.ts';
import { isPlaceWord } from '../../regions/names.ts';

/**
 * Recognises values of each kind in a sentence: the facts of Indonesian writing (month
 * names, 'Rp', 'pukul', venue nouns, honorifics), no list of particular names.
 */
const MONTHS = MONTH_SPELLINGS.flat().join('|');
/** A year of the years documents and questions speak of (1500–2099), as a pattern source. */
const YEAR = '(?:1[5-9]|20)\\d\\d';
const WHOLE_YEAR = new RegExp(`^${YEAR}$`);
const YEARS_IN_TEXT = new RegExp(`\\b${YEAR}\\b`, 'g');

/** A word that is a year ('2024', not '24' or '3000'). */
export function isYear(word: string): boolean {
  return WHOLE_YEAR.test(word);
}
const DAYS = 'senin|selasa|rabu|kamis|jumat|jum\'at|sabtu|minggu|ahad';
/** A date on the calendar ('12 Mei', 'April 2023', '2019', '14/3/2023'), not only a weekday or 'kemarin'. */
const DAY_DATE_SOURCE = `\\b\\d{1,2}(?:\\s?[–-]\\s?\\d{1,2})?\\s(?:${MONTHS})\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\(\\d{1,2}/\\d{1,2}\\)`;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(?:\d{4}|\d{2}))?(?![\d/.-])/g;

/**
 * The months a text writes only as numbers ('Rabu (1/12/2021)', '14-03-2023'), spelled: 'desember maret'.
 * A question's 'des 2021' is about the day '1/12/2021'. Day first, as Indonesian writes dates; the
 * day and month must be a real day and month, and a bare 'd.m' (a clock time, '09.30') counts only
 * with its year.
 */
export function spelledMonths(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    const withYear = m[0].length > m[1]!.length + m[3]!.length + 1;
    if (day < 1 || day > 31 || month < 1 || month > 12 || (!withYear && m[2] !== '/')) continue;
    out.push(MONTH_NAMES[month - 1]!);
  }
  return out.join(' ');
}

/** A month of a year ('April 2023'). */
const MONTH_YEAR_SOURCE = `\\b(?:${MONTHS})\\s\\d{4}\\b`;
const CALENDAR_DATE_SOURCE = `${DAY_DATE_SOURCE}|${MONTH_YEAR_SOURCE}|\\b${YEAR}\\b`;
const CALENDAR_DATE = new RegExp(CALENDAR_DATE_SOURCE, 'i');
/** A day of the calendar ('12 Mei', '14/3/2023'): what 'kapan' is best answered with; a year alone is not a day. */
const DAY_DATE = new RegExp(DAY_DATE_SOURCE, 'i');
/** A clock time ('pukul 09.00', '09.30 WIB'), as a pattern source. */
const CLOCK_SOURCE = '\\b(?:pukul|jam)\\s\\d{1,2}[.:]\\d{2}\\b|\\b\\d{1,2}[.:]\\d{2}\\s?(?:wib|wita|wit)\\b';
/** Any answer to 'kapan': a calendar date, a weekday, a clock time, an era, or a relative day. */
const DATE = new RegExp(
  `${CALENDAR_DATE_SOURCE}|\\b(?:${DAYS})\\b|${CLOCK_SOURCE}|\\babad ke-?\\s?\\d+|\\btahun \\d{1,4}\\b|\\b(?:besok|kemarin|lusa|hari ini|pekan (?:depan|lalu)|bulan (?:depan|lalu)|tahun (?:depan|lalu))\\b`,
  'i',
);

/**
 * A reference code with slashes: a letter's or a decree's number ('B-35/DJAI/HK.04.02/02/2023',
 * '005/1147/427.75/2023'), with letters, more than three parts or a part of three digits before its
 * end; '14/3/2023' and '(9/11)' are dates.
 */
function isReferenceCode(token: string): boolean {
  const parts = token.replace(/^\(|[).,;:]+$/g, '').split('/');
  return /\p{L}/u.test(token) || parts.length > 3 || parts.slice(0, -1).some((p) => /\d{3}/.test(p));
}

/** The text places its event on the calendar; 'pada Selasa pagi' alone needs the report's date beside it. */
export function statesCalendarDate(text: string, day = false): boolean {
  return (day ? DAY_DATE : CALENDAR_DATE).test(normalize(text));
}
/** Years of an era, case-sensitive ('384 SM', '622 M', '1445 H'): lower-case 'm' is a metre. */
const ERA = /\b\d{1,4}\s?(?:SM|M|Masehi|H|Hijriah)\b/;
const MONEY = /\brp\.?\s?\d|\b\d+(?:[.,]\d+)*\s*(?:juta|miliar|milyar|ribu|triliun|rupiah)\b|\b(?:us\$|\$)\s?\d/i;
const PERCENT = /\d\s*(?:%|persen\b)/i;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|id|com|org|net)(?:\/\S*)?\b/i;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const EMAIL_ALL = new RegExp(EMAIL.source, 'g');
const PHONE = /(?:\+62|\b0)\d[\d\s.-]{6,}\d/;
/** Nouns that name a venue; followed by a capitalised name they are a place. */
const VENUE = /\b(?:hotel|gedung|aula|ruang|ruangan|balai|pendopo|pendapa|kantor|auditorium|wisma|graha|hall|convention|stadion|lapangan|kampus|universitas|institut|alun-alun|taman|pusat|bandara|pelabuhan|rumah dinas|rumah jabatan|rujab|masjid|gereja|desa|kelurahan|kecamatan|kabupaten|kota|provinsi|jalan|jl\.?)\s+\p{Lu}/iu;
/** Words before a place's name that say only what kind of area it is ('di Kabupaten …'). */
const ADMIN_PLACE = /\b(?:di|ke|dari|bertempat|berlokasi|digelar|diadakan|dilaksanakan|berlangsung|kabupaten|kab|kota|provinsi|kecamatan|kelurahan|desa)\b/gi;
/** A place as written from where its match starts: any lower-case words before it, then its capitalised words. */
const PLACE_NAME_RUN = /^(?:\p{Ll}+\s+){0,3}\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*/u;
/** 'di Sragen', 'ke Jakarta', 'bertempat di …': a preposition before a capitalised name ('dari OPD' says where from, not where). */
const AT_NAME = /\b(?:di|ke|bertempat di|berlokasi di|digelar di|diadakan di|dilaksanakan di|berlangsung di)\s+(?:\p{Lu}[\p{L}.'-]*)/u;
/** Words that start a capitalised run without being part of a person's name. */
const NOT_NAME = new Set(
  `kota kabupaten provinsi dinas badan kepala wakil wali bupati gubernur sekretaris sekretariat daerah tim dewan smart city
   portal buku bimbingan teknis bimtek kementerian kemkominfo kominfo komdigi direktorat jenderal bagian bidang kantor staf presiden gerakan menuju
   nota kesepahaman rencana program pemerintah peraturan surat keputusan lembar laporan komitmen profil daftar dokumen
   masterplan analisis strategis pelaksana ketua anggota koordinator mentor panel penilai sub unit layanan pusat indonesia republik
   barat tengah timur utara selatan waktu ${MONTH_NAMES.join(' ')}
   senin selasa rabu kamis jumat sabtu minggu governance branding economy living society environment quick win hotel gedung aula
   balai pendopo jalan universitas institut pada dalam untuk dengan dari oleh menurut selain namun sementara adapun acara kegiatan
   undang pasal ayat bab nomor tahun tentang sistem pemerintahan berbasis elektronik satu data nasional regional rapat forum
   dirjen direktur menteri sekda camat lurah asisten kadis kabid plt plh pj penjabat aplikasi informatika komunikasi persandian
   statistik perencanaan pembangunan no nama jabatan kedudukan nip keterangan unsur susunan
   the of and for in on at by to`.split(/\s+/),
);
/** Nouns of places and bodies whose capitalised names follow them: no person's name. */
const INSTITUTION = new Set('universitas institut politeknik sekolah akademi hotel gedung aula balai pendopo wisma graha bandara stadion masjid gereja rsud jalan jl. jl pt cv'.split(' '));
const HONORIFIC = /\b(?:[Bb]apak|[Ii]bu|[Pp]ak|[Bb]u|[Ss]dri?|[Ss]audara|[Ss]audari|[Dd]rs?|[Dd]ra|[Ii]r|[Pp]rof|[Hh]j?|KH|[Kk]h)\.?\s+(?:(?:[Hh]j?|[Dd]rs?|[Ii]r)\.\s+)*(?!(?:Kota|Negara|Pertiwi)\b)\p{Lu}\p{Ll}+/u;
const DEGREE = /\b\p{Lu}\p{Ll}+,\s?(?:S|M|Dr|Ph)\.?\s?\p{Lu}/u;
/** Offices written out or shortened: the one the question names is no answer in either spelling. */
const ROLE_SPELLINGS = wordTable({ sekda: 'sekda|sekretaris daerah', 'sekretaris daerah': 'sekda|sekretaris daerah' });
/** Documents, buildings and bodies named after an office: 'Peraturan Menteri …', 'Kantor Bupati', 'Instruksi Presiden'. */
const OFFICE_THINGS = 'peraturan|keputusan|instruksi|surat edaran|edaran|kantor|rumah dinas|rumah jabatan|pendopo|perpres|permen|kepmen|perbup|perwali';
const NAMED_AFTER_OFFICE = new RegExp(`\\b(?:${OFFICE_THINGS}|sekretariat|staf)\\s+(?:\\w+\\s){0,1}\\w+`, 'g');

/** A match blanked out, positions kept. */
const blank = (m: string) => ' '.repeat(m.length);
const withoutNamedAfterOffice = (text: string) => normalize(text).replace(NAMED_AFTER_OFFICE, blank);
/** Buildings and documents named after an office ('kantor wali kota', 'peraturan bupati'): no one holding it. */
const THING_OF_OFFICE = new RegExp(`\\b(?:${OFFICE_THINGS})\\s+(?:\\w+\\s){0,1}\\w+`, 'g');
const withoutThingsOfOffice = (text: string) => normalize(text).replace(THING_OF_OFFICE, blank);

/** Offices that answer 'siapa yang …' as well as a person's name does. */
const OFFICE = /\b(?:bupati|wakil bupati|wali ?kota|wakil wali ?kota|gubernur|menteri|sekretaris daerah|sekda|kepala (?:dinas|badan|bagian|daerah|bidang|kantor|pusat|seksi|subbagian)|direktur(?: jenderal)?|dirjen|camat|lurah|presiden|ketua|koordinator|asisten|inspektur|kepala)\b/i;

/** Where a value sits in a text: its first character and length. */
export interface Span {
  readonly at: number;
  readonly length: number;
}

/** Matches of `re` in `text` that say something the question does not already say (a year it names is not the answer). */
function novel(re: RegExp, text: string, question: string): Span[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const asked = new Set(question.match(/\d+/g) ?? []);
  const out: Span[] = [];
  for (const m of text.matchAll(g)) {
    const numbers = m[0].match(/\d+/g);
    // 'tahun 2019' repeats the question's '2019': a value is new when it says something the question does not.
    const repeated = numbers ? numbers.every((n) => asked.has(n)) && !/[a-z]{3,}/i.test(m[0].replace(/\d+|tahun|pukul|jam|ke-?/gi, '')) : question.includes(normalize(m[0]).trim());
    if (!repeated) out.push({ at: m.index, length: m[0].length });
  }
  return out;
}

/**
 * Runs of two to five capitalised words that are not an office, place or document — people's names
 * the question does not already give. An office before a name does not hide it ('Bupati Sumedang
 * Dony Ahmad Munir' holds 'Sumedang Dony Ahmad Munir' once 'Bupati' is set aside).
 */
function personNames(text: string, question: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\b\p{Lu}[\p{Ll}']{1,}(?: (?:\p{Lu}[\p{Ll}']{1,}|\p{Lu}\.))+/gu)) {
    let at = m.index;
    let run: string[] = [];
    const flush = () => {
      const parts = run.filter((p) => !/^\p{Lu}\.$/u.test(p));
      // Words of regions' and provinces' names only ('Sumbawa Besar', 'Nusa Tenggara') name a place.
      if (parts.every((p) => isPlaceWord(p.toLowerCase()))) return;
      if (parts.length >= 2 && parts.length <= 5 && !parts.every((p) => question.includes(p.toLowerCase()))) out.push({ at, length: run.join(' ').length });
    };
    let offset = m.index;
    // 'Universitas Gadjah Mada', 'Hotel Santika Premiere': after a place's or a body's noun the run is its name.
    let named = false;
    for (const word of m[0].split(' ')) {
      if (named || INSTITUTION.has(word.toLowerCase())) {
        flush();
        run = [];
        named = true;
      } else if (NOT_NAME.has(word.toLowerCase())) {
        flush();
        run = [];
        at = offset + word.length + 1;
      } else run.push(word);
      offset += word.length + 1;
    }
    flush();
  }
  // A signature's name after its mark, in capitals: 'ttd. EKO PURNOMO', 'ttd. JULIYATMONO', 'ttd. Dr. HENDRA KUSUMAWIJAYA, S.T.'.
  for (const m of text.matchAll(SIGNED_NAME)) {
    const name = m[1]!;
    const words = name.split(/\s+/).map((w) => w.replace(/\.$/, '').toLowerCase());
    // One name alone is common ('ttd. JULIYATMONO'); a short capital word after the mark is no name ('ttd. NIP').
    if (words.length === 1 && words[0]!.length < 5) continue;
    if (!words.some((w) => NOT_NAME.has(w)) && !question.includes(name.toLowerCase())) out.push({ at: m.index + m[0].indexOf(name), length: name.length });
  }
  // One name set off by commas after an office: 'Kepala Diskominfo Nunukan, Kaharuddin, mengatakan …'.
  for (const m of text.matchAll(APPOSED_NAME)) {
    const name = m[1]!;
    const lower = name.toLowerCase();
    if (NOT_NAME.has(lower) || NOT_APPOSED.has(lower) || isPlaceWord(lower) || question.includes(lower)) continue;
    if (officeBefore(text.slice(0, m.index))) out.push({ at: m.index + m[0].indexOf(name), length: name.length });
  }
  return [...out, ...novel(HONORIFIC, text, question), ...novel(DEGREE, text, question)];
}
/**
 * The clause before an apposed name states an office: 'Kepala Diskominfo Nunukan', or an office whose own
 * name holds commas, each part capitalised ('Kepala Dinas Komunikasi, Informatika dan Statistik Nunukan').
 */
function officeBefore(before: string): boolean {
  const parts = (before.split(/[;.!?]\s/).at(-1) ?? '').split(/,\s/);
  for (let i = parts.length - 1; i >= Math.max(0, parts.length - 3); i--) {
    if (OFFICE.test(parts[i]!)) return true;
    if (!/^\s*\p{Lu}/u.test(parts[i]!)) return false;
  }
  return false;
}
const APPOSED_NAME = /,\s+(\p{Lu}\p{Ll}{2,})(?=\s*[,.;)]|\s+(?:mengatakan|menyebut|menyebutkan|menjelaskan|menyampaikan|mengungkapkan|menuturkan|berharap|menegaskan|mengakui|memaparkan|melaporkan)\b)/gu;
const NOT_APPOSED = new Set('dia beliau mereka kami kita tetapi sedangkan selanjutnya kemudian sehingga lalu juga'.split(' '));

/** A signature's mark before the signer's name: 'ttd.', 'TTD', 'Tertanda'. */
export const SIGN_MARK_SOURCE = '\\b(?:[Tt][Tt][Dd]|[Tt]ertanda|TERTANDA)\\.?';
const SIGNED_NAME = new RegExp(`${SIGN_MARK_SOURCE}\\s+(?:(?:[Dd]rs?|[Dd]ra|[Ii]r|[Pp]rof|[Hh]j?)\\.?\\s+)*(\\p{Lu}{2,}\\.?(?:\\s+\\p{Lu}{2,}\\.?){0,4})`, 'gu');

export function hasPersonName(text: string, question = ''): boolean {
  return personNames(text, question).length > 0;
}

/** A document's number as written after 'Nomor' ('Nomor 9 Tahun 2023', 'Nomor: B-160/DJAI/…/2024', 'No. 512/HM/…'). */
const DOCUMENT_NUMBER = /\b(?:nomor|no\.?)\s*:?\s*[\w./-]*\d[\w./-]*/i;

/** A document's number with its year ('Nomor 13 Tahun 2024'): the year names the document, not a fact's date. */
const DATED_NUMBER = new RegExp(`${DOCUMENT_NUMBER.source}\\s+tahun\\s+\\d{4}`, 'gi');

/** The years (1500–2099) among index terms: what a question pins down in time. */
export function yearsAmong(termsOf: readonly string[]): string[] {
  return termsOf.filter(isYear);
}

/** Nouns that count people. */
const PEOPLE = 'orang|jiwa|peserta|anggota|asesor|panelis|juri|mentor|narasumber|pejabat|pegawai|personel|warga|pendamping|tenaga ahli|perwakilan|delegasi';
/** Nouns a count of regions is written with. */
const REGION_UNITS = 'kabupaten|kota|daerah|wilayah|pemda';
/** A counted noun asked ('berapa peserta', 'brp kab/kota') → every noun such a count is written with. */
const COUNTED_AS = new Map<string, string>([
  ...PEOPLE.split('|').map((u) => [u, `(?:${PEOPLE})`] as const),
  ...REGION_UNITS.split('|').map((u) => [u, `(?:${REGION_UNITS})(?:/(?:${REGION_UNITS}))?`] as const),
  ['salindia', '(?:salindia|slide)'],
]);

/** The units each measure is written in ('357.021 km2', '1.5kg', 'selama 32 tahun'). */
const LENGTH_UNITS = 'km|kilometer|m|meter|cm|sentimeter|mm|mil|kaki|mdpl';
const MEASURE_UNITS: Readonly<Record<string, string>> = {
  luas: 'km2|km²|km persegi|kilometer persegi|mil persegi|m2|m²|meter persegi|hektare|hektar|ha|are|meter',
  panjang: LENGTH_UNITS,
  tinggi: LENGTH_UNITS,
  jarak: LENGTH_UNITS,
  lebar: LENGTH_UNITS,
  kedalaman: LENGTH_UNITS,
  berat: 'kg|kilogram|gram|g|ton|kuintal|ons',
  lama: 'tahun|bulan|minggu|pekan|hari|jam|menit|detik|dekade|abad|windu|semester|triwulan',
  umur: 'tahun|bulan|hari',
  usia: 'tahun|bulan|hari',
};

const MEASURE_FIGURE = new Map(
  Object.entries(MEASURE_UNITS).map(([measure, units]) => [
    measure,
    // A figure glued to its unit or with its words between ('357,021km2', '9,69 juta kilometer persegi', '5 (lima) tahun'),
    // a count in words ('enam abad'), and for 'lama' a span of time ('1293 hingga 1500', '1954–1969').
    new RegExp(
      `\\d+(?:[.,]\\d+)*\\s?(?:\\([\\p{L} ]+\\)\\s|(?:juta|ribu|miliar)\\s)?(?:${units})(?![\\p{L}\\d])|\\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\\p{L}+ (?:belas|puluh)|seratus|ratusan|puluhan|beberapa) (?:${units})\\b${
        measure === 'lama' ? '|\\b\\d{1,4}(?:\\s\\p{Lu}\\p{Ll}+)?(?:\\s?(?:SM|M))?\\s?(?:[–-]|hingga|sampai(?: dengan)?|s\\.d\\.?)\\s?(?:\\d{1,2}\\s\\p{L}+\\s)?\\d{1,4}\\b' : ''
      }`,
      'iu',
    ),
  ]),
);

/**
 * A date question measures too: 'kapan' / 'tanggal berapa' is best answered by a day or a month
 * ('12 Mei 2024', '14/3/2023', 'April 2023'), not a year alone.
 */
MEASURE_FIGURE.set('tanggal', new RegExp(`${DAY_DATE_SOURCE}|${MONTH_YEAR_SOURCE}`, 'i'));
/** …'hari apa' by a weekday ('Selasa, 20 Mei 2025'), which a date alone does not say… */
MEASURE_FIGURE.set('hari', new RegExp(`(?<!\\d\\s?)\\b(?:${DAYS})\\b`, 'i'));
/** …and 'jam berapa' / 'pukul berapa' by a clock time ('pukul 09.00', '09.30 - 12.15 WIB'). */
MEASURE_FIGURE.set('jam', /\b(?:pukul|jam)\s\d{1,2}[.:]\d{2}\b|\b\d{1,2}[.:]\d{2}\s?(?:(?:[–-]|s\.d\.?|sampai)\s?\d{1,2}[.:]\d{2}\s?)?(?:wib|wita|wit)\b/i);

/** The measures a question may ask for ('luas', 'lama', 'tinggi' …): the words of 'berapa luas …'. */
export const MEASURES: readonly string[] = Object.keys(MEASURE_UNITS);

/** The text gives a figure in a unit of the measure asked ('berapa luas …' → '44 km2'). */
export function holdsMeasure(measure: string, text: string): boolean {
  return MEASURE_FIGURE.get(measure)?.test(text) ?? false;
}

function numberPattern(unit: string | null): RegExp {
  // Ordinals count too ('peringkat brp?' — 'di urutan kelima', 'ke-3', 'pertama').
  if (!unit) return /\d+(?:[.,]\d+)*|\b(?:ke-?)?(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|ribu|seratus|seribu|separuh|setengah|sejumlah|puluhan|ratusan|ribuan|pertama)\b/i;
  // 'berapa orang' is answered by a count of people named by what they are ('20 asesor'), and 'berapa peserta' by '98 orang'.
  // 'berapa kab/kota' is answered by '24 kota/kabupaten' or '50 daerah'.
  const u = COUNTED_AS.get(unit) ?? unit;
  // Regulations write a figure and then its words: '5 (lima) tahun', '6 (enam) bulan'.
  return new RegExp(`\\d+(?:[.,]\\d+)?(?:\\s?[–-]\\s?\\d+| sampai \\d+| hingga \\d+)?\\s(?:\\([\\p{L} ]+\\)\\s)?(?:\\w+\\s)?${u}\\b|\\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\\w+ (?:belas|puluh)|seratus|ratusan|puluhan) ${u}\\b`, 'iu');
}

/** Numbers that name rather than count: document numbers, articles, years, digits inside a word ('DP3AP2KB', 'P3K'). */
const IDENTIFIER = new RegExp(`\\b(?:nomor|no\\.?|pasal|ayat|bab|huruf|angka)\\s+[\\w./-]+|\\b${YEAR}\\b|\\b[a-z]+\\d[a-z\\d]*\\b`, 'gi');
/**
 * Numbers that place, rank or measure rather than count, for a count that asks no rank: a day of a
 * date ('12 Oktober'), a clock time, an ordinal ('minggu kedua', 'ke-3'), 'salah satu' ('one of'), a code ('k-3', 'COVID-19'), a rank or stage ('Peringkat 1',
 * 'tahap II'), a share ('80 persen') and a span of time ('1x24 jam', '3 hari').
 */
const NOT_A_COUNT = new RegExp(
  `${DAY_DATE_SOURCE}|${CLOCK_SOURCE}|\\bke-?\\s?\\d+\\b|\\bke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)\\b|\\bpertama\\b|\\bsalah (?:satu|seorang)\\b|\\p{L}+[-/]\\d+[\\w-]*|\\b(?:peringkat|ranking|rangking|urutan|juara|posisi|tahap|tahapan|angkatan|bimtek|gelombang|putaran|fase|sesi)\\s+(?:ke-?\\s?)?(?:\\d+|[ivx]+)\\b|\\b\\d+(?:[.,]\\d+)?(?:\\s?x\\s?\\d+)?\\s?(?:%|persen\\b|jam\\b|menit\\b|hari\\b|minggu\\b|pekan\\b|bulan\\b)`,
  'giu',
);
/** The programme's own name, whose '100' is no figure of anything asked. */
const PROGRAMME_NAME = /\b(?:gerakan|menuju)\s+100\s+(?:smart\s+city|kota\s+cerdas)\b/giu;
/** The question asks for a rank or an ordinal, which the ordinal itself answers. */
const RANK_ASKED = /\b(?:peringkat|ranking|rangking|urutan|juara|posisi|ke ?(?:berapa|brp)|keberapa|kebrp)\b/;
/** A street address's number ('Jl. Kartini No. 3'), which is no document's number. */
const ADDRESS = /\b(?:jl|jln|jalan|gg|gang)\.?\s+[^,;\n]{1,40}?\b(?:no|nomor)\.?\s*\d+\w*/gi;

/** A text speaks of a role when it writes the role's head, or holds its index terms in a row ('Kepala Bidang … Dinas' is no 'kepala dinas'). */
function speaksOf(text: string, head: string): boolean {
  // As written ('diketuai' holds 'ketua'), or in index terms ('Kadis' is 'kepala dinas').
  const plain = normalize(text);
  if (plain.includes(head)) return true;
  // An office written by its own shortening is a dinas: 'Kepala Diskominfo', 'Kepala Dinkes', 'Kepala Dishub'.
  if (head === 'kepala dinas' && /\bkepala (?:dis|din)\p{L}{2,}/u.test(plain)) return true;
  // An office however it is written: a sekda is the Sekretaris Daerah.
  const spelled = ROLE_SPELLINGS[head];
  if (spelled && new RegExp(`\\b(?:${spelled})\\b`).test(plain)) return true;
  const said = terms(text);
  const h = terms(head);
  return holdsRun(said, h);
}

/**
 * Whether a text speaks of the role asked: of its head word, and for the head of an office named by
 * its shortening ('kepala bappeda') of that office, shortened or written out ('Kepala Badan
 * Perencanaan Pembangunan Daerah'). A shortening the glossary does not know is taken as a badan's
 * ('ba…') or a dinas's ('dis…', 'din…') when it is not written.
 */
function speaksOfRole(text: string, role: string): boolean {
  const head = roleHead(role);
  if (!speaksOf(text, head)) return false;
  const office = head === 'kepala' ? /^kepala (\p{L}+)$/u.exec(role)?.[1] : undefined;
  if (!office) return true;
  const plain = normalize(text);
  if (new RegExp(`\\b${office}`).test(plain)) return true;
  const readings = readingsOf(office);
  if (readings) return readings.some((r) => plain.includes(r.split(' ')[0]!) && speaksOf(text, r));
  if (/^ba/.test(office)) return /\bkepala badan\b/.test(plain);
  if (/^di[sn]/.test(office)) return /\bkepala dinas\b/.test(plain);
  return true;
}

/**
 * Whether a name in a sentence is given with the role: in its own clause ('Kepala Bappeda Budi Santoso
 * mengatakan'), after the role's clause ('Kepala Bappeda Blora, Budi Santoso, …') or before a clause that
 * opens with it ('Budi Santoso, Kepala Bappeda, …'); not before '…, serta Kepala Bappeda'.
 */
function namedAs(sentence: string, name: Span, speaks: (clause: string) => boolean): boolean {
  const clauses = [...sentence.matchAll(/[^,;:()]+/g)].map((c) => ({ at: c.index, text: c[0] }));
  const i = clauses.findIndex((c) => c.at + c.text.length > name.at);
  if (i < 0) return false;
  if (speaks(clauses[i]!.text)) return true;
  // Back over the parts of an office's own name, each capitalised ('Kepala Dinas Komunikasi, Informatika, Persandian
  // dan Statistik (Diskominfopersantik) Katingan, Wim Ngantung'), to the clause that names the office.
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    if (speaks(clauses[j]!.text)) return true;
    if (!capitalised(clauses[j]!.text)) break;
  }
  const next = clauses[i + 1]?.text;
  return next !== undefined && capitalised(next) && speaks(next);
}
/** A clause that opens with a capital, after any bullet ('- Sekretaris'). */
const capitalised = (clause: string) => /^[\s\-•*]*\p{Lu}/u.test(clause);

/** The word of a role a sentence must use ('kepala' of 'kepala bappeda', 'kepala' for 'kadis'; 'wakil bupati' and 'kepala dinas' whole). */
function roleHead(role: string): string {
  // 'kepala dinas …' is the head of an office, not any 'kepala' ('kepala daerah').
  if (role.startsWith('wakil ')) return role;
  const office = /^kepala (dinas|badan|bidang|bagian|kantor|seksi)\b/.exec(role);
  if (office) return office[0];
  const head = role.split(' ')[0]!;
  return head === 'kadis' || head === 'kabid' ? 'kepala' : head;
}

/**
 * Sentence boundaries of a text: a sentence ends at . ! ? or a line break, but not at a dot that
 * a comma, a digit or a lower-case word follows ('CEO Citiasia Inc., yang ditunjuk …', 'Kab. bogor').
 */
function sentenceSpans(text: string): Span[] {
  // A signature's mark ('ttd.') and a title before a name ('Drs. H. Sulaiman') are abbreviations: the name after them is in the same sentence.
  return [...text.matchAll(/(?:[^.!?\n]|[.!?](?=\s*[,;\d\p{Ll}])|(?<=\b(?:ttd|TTD|Ttd|[Dd]rs?|[Dd]ra|[Ii]r|[Pp]rof|[Hh]j?|H[Jj]|[Ss]dri?))\.)+[.!?]*/gu)].map((m) => ({ at: m.index, length: m[0].length }));
}

/**
 * Names in a table row as the loaders write it ('Kategori: Kota Sedang; Peringkat 1: Manado
 * (59,04)'): a cell's capitalised value is the row's answer to 'siapa', whatever its length.
 */
function tableNames(text: string): Span[] {
  const cells = [...text.matchAll(/(?:^|;\s*)[^:;\n]{2,40}:\s*(\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*)*)/gu)];
  if (cells.length < 2) return [];
  return cells.map((m) => ({ at: m.index + m[0].length - m[1]!.length, length: m[1]!.length }));
}

/** The question's index terms, kept for the last question read: every unit of every candidate passage asks for them. */
let lastQuestion: { readonly text: string; readonly terms: ReadonlySet<string> } = { text: '', terms: new Set() };
function questionTerms(question: string): ReadonlySet<string> {
  if (lastQuestion.text !== question) lastQuestion = { text: question, terms: new Set(terms(question)) };
  return lastQuestion.terms;
}

type ValueAsk = Pick<Asked, 'value' | 'unit' | 'roles'> & { readonly said?: string; readonly measure?: string | null };

/** A thing's name: capitalised words after a lower-case one ('aplikasi Super, yaitu …'), or words in quotes. */
const THING_NAME = /(?<=\p{Ll}[,:]?\s)\p{Lu}[\p{L}\d'-]*(?:\s\p{Lu}[\p{L}\d'-]*)*|["“][^"”]{2,60}["”]/gu;

/**
 * Where a text holds values of the kind the question asks for, other than ones the question itself states.
 * `heading`: the section heading the text sits under ('Siapa pendamping dari Kominfo?' over 'Kominfo diwakili oleh
 * Prof. Lukito …'); it speaks of the office asked about for every sentence below it.
 */
export function valueSpans(asked: ValueAsk, text: string, heading = ''): Span[] {
  const q = asked.said ?? '';
  switch (asked.value) {
    case null:
      return [];
    case 'date':
      // 'jam berapa' is answered by a clock time, not by the day.
      if (asked.measure === 'jam') return novel(MEASURE_FIGURE.get('jam')!, text, q);
      // A letter's number ('B-35/DJAI/HK.04.02/02/2023') ends like a date and is none.
      text = text.replace(/\S*\/\S*/g, (m) => (isReferenceCode(m) ? blank(m) : m));
      return [...novel(DATE, text, q), ...novel(ERA, text, q)];
    case 'place': {
      // A place the question names is no answer to where: 'di Kabupaten Jayapura' for 'bimtek kab jayapura dmn'. Read as
      // the whole name from where the match starts ('Hotel Aston Banyuwangi', not 'Hotel A', which 'di hotel apa?' holds).
      const repeats = (s: Span) => {
        const name = PLACE_NAME_RUN.exec(text.slice(s.at))?.[0] ?? '';
        const named = terms(name.replace(ADMIN_PLACE, ' '));
        const asked = questionTerms(q);
        return named.length > 0 && named.every((t) => asked.has(t));
      };
      return [...novel(VENUE, text, ''), ...novel(AT_NAME, text, '')].filter((s) => !repeats(s));
    }
    case 'person': {
      // A name, or an office other than the one the question already names ('siapa bupati yang …' wants the bupati's name);
      // an office inside a document's or a building's name ('Peraturan Menteri', 'Kantor Bupati') is no one.
      const masked = asked.roles.reduce((t, r) => t.replace(new RegExp(`\\b(?:${ROLE_SPELLINGS[r] ?? r})\\b`, 'g'), blank), withoutNamedAfterOffice(text));
      // 'siapa camat yang hadir' wants a name, or an office, in a sentence that speaks of a camat.
      // Read as index terms, so that a document's 'Kadis Kominfo' speaks of a 'kepala dinas' and 'diketuai' of a 'ketua';
      // a heading that speaks of the office speaks of it for its whole section.
      // An office inside a building's or a document's name ('di kantor wali kota') speaks of no office holder.
      const fits = (t: string) => asked.roles.length === 0 || asked.roles.some((r) => speaksOfRole(withoutThingsOfOffice(t), r) || speaksOfRole(heading, r));
      // 'siapa nama kepala bappeda': a name, not an office, and the name of that office's holder, not of another one the sentence also names.
      const named = asked.unit === 'nama';
      const found: Span[] = [];
      for (const s of sentenceSpans(text)) {
        const sentence = text.slice(s.at, s.at + s.length);
        if (!fits(sentence)) continue;
        const maskedSentence = masked.slice(s.at, s.at + s.length);
        const offices = named ? [] : novel(OFFICE, maskedSentence, '');
        const names = personNames(sentence, q).filter((n) => !named || asked.roles.length === 0 || namedAs(sentence, n, fits));
        found.push(...[...names, ...offices].map((n) => ({ at: n.at + s.at, length: n.length })));
      }
      // A table row answers too, when it speaks of the office asked about (if any).
      return fits(text) ? [...found, ...tableNames(text)] : found;
    }
    case 'name':
      return novel(THING_NAME, text, q);
    case 'number': {
      // A document's number is not a street's; a document's number ('Nomor 13 Tahun 2024') or a year is no amount;
      // a count is no date, time or rank.
      if (asked.unit === 'nomor') return novel(DOCUMENT_NUMBER, text.replace(ADDRESS, blank), q);
      // The programme's name ('Gerakan Menuju 100 Smart City') counts nothing.
      text = text.replace(PROGRAMME_NAME, blank);
      const counted = asked.unit !== null || asked.measure || RANK_ASKED.test(q) ? text : text.replace(NOT_A_COUNT, blank);
      return novel(numberPattern(asked.unit), counted.replace(IDENTIFIER, blank), q);
    }
    case 'money':
      return novel(MONEY, text, q);
    case 'percent':
      return novel(PERCENT, text, q);
    case 'url':
      return novel(URL, text.replace(EMAIL_ALL, blank), '');
    case 'phone':
      return novel(PHONE, text, '');
    case 'email':
      return novel(EMAIL, text, '');
  }
}

/** 'sejak (tahun) 2019': what a sentence tells holds from that year on. */
const SINCE_YEAR = /\bsejak\s+(?:tahun\s+)?((?:19|20)\d\d)\b/gi;

/**
 * The quote states the value asked only for other years: every sentence holding a value of the
 * kind asked names a year, and none names a year the question pins ('indeks 2024?' answered by
 * 'untuk tahun 2023 tercatat 2,93'). Years inside a document's number ('Nomor 13 Tahun 2024') do
 * not date a fact.
 */
export function valueOfOtherYears(asked: ValueAsk & Pick<Asked, 'pinned'>, text: string): boolean {
  const years = yearsAmong(asked.pinned.flat());
  if (years.length === 0 || asked.value === null) return false;
  const valued = sentenceSpans(text)
    .map((s) => text.slice(s.at, s.at + s.length))
    .filter((s) => holdsValue(asked, s));
  const yearsOf = (s: string): string[] => s.replace(DATED_NUMBER, ' ').match(YEARS_IN_TEXT) ?? [];
  return valued.length > 0 && valued.every((s) => {
    const named = yearsOf(s);
    // 'sejak 2019 … telah menggelar serat optik 126 km': a state since that year holds in a later one asked.
    const since = [...s.matchAll(SINCE_YEAR)].map((m) => Number(m[1]));
    if (since.some((from) => years.some((y) => Number(y) >= from))) return false;
    return named.length > 0 && !years.some((y) => named.includes(y));
  });
}

/** A place value found in `text` is named ('di Ruang Kembang Joyo', 'di Sragen'), not only a common noun ('di ruang rapat'). */
export function namedPlace(text: string, s: Span): boolean {
  return /\p{Lu}$/u.test(text.slice(s.at, s.at + s.length));
}

/** The text names a day ('14 Juni 2021', '14/6/2021', '(14/6)'), not only a month or a year. */
export function namesDay(text: string): boolean {
  return DAY_DATE.test(text);
}

const MONTH_WORD = new RegExp(`\\b(?:${MONTHS})\\b`, 'i');
/** Words by which a report dates what it tells to its own day: a weekday, 'kemarin', 'hari ini', 'tadi pagi'. */
const REPORT_DAY = new RegExp(`\\b(?:${DAYS}|kemarin|hari ini|tadi|pagi|siang|sore|malam)\\b`, 'i');
/**
 * Whether a report's own date may stand for the day of what a quote from it tells: the quote names no
 * month ('dijadwalkan pada Oktober 2023' dates its event to a month, not to the report's day), and it
 * dates what it tells to the report's day ('Selasa pagi', 'kemarin') or year: a quote naming only
 * another year ('tsunami 2006'), or none ('sebelum bimtek dimulai'), tells nothing of that day.
 */
export function reportDatesIt(quote: string, published: string): boolean {
  const text = normalize(quote);
  if (MONTH_WORD.test(text)) return false;
  return REPORT_DAY.test(text) || new RegExp(`\\b${published.slice(0, 4)}\\b`).test(text);
}

/** Whether a text holds a value of the kind the question asks for (any text does when none is asked). */
export function holdsValue(asked: ValueAsk, text: string, heading = ''): boolean {
  return asked.value === null || valueSpans(asked, text, heading).length > 0;
}

/** Kinds whose absence means the text does not answer (a 'kapan' answered without a date is no answer). */
export const STRICT_KINDS: ReadonlySet<ValueKind> = new Set(['date', 'place', 'person', 'number', 'money', 'percent', 'url', 'phone', 'email']);

/** An enumeration inside one sentence: 'A, B, C dan D' (at least three items). */
export function isInlineList(sentence: string): boolean {
  const commas = sentence.split(',').length - 1;
  return commas >= 2 && /\b(dan|serta|atau)\b/.test(sentence);
}

/** A sentence that announces a list ('… sebagai berikut:', '… antara lain:', ending with a colon). */
export function introducesList(sentence: string): boolean {
  return /:\s*$/.test(sentence) || /\b(sebagai berikut|antara lain|di antaranya|diantaranya|meliputi|terdiri (?:atas|dari)|yaitu|yakni|adalah)\s*:?\s*$/i.test(sentence);
}
