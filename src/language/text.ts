import { SastrawiStemmer } from './sastrawi/stemmer.ts';

/**
 * The one tokenizer used at ingest and at query time, identically on both database
 * backends: lower-case, split on non-alphanumerics, keep codes such as F-03 or H-7 whole,
 * drop Indonesian stop words, stem with Sastrawi (Nazief–Adriani with its dictionary).
 */

const stemmer = new SastrawiStemmer();
const stemCache = new Map<string, string>();

// Function words and chat filler that carry no topic: the same list for documents and questions.
export const STOP_WORDS = new Set(
  `yang dan di ke dari untuk pada dengan dalam atau ini itu adalah akan oleh sebagai juga tidak bisa dapat ada telah
   sudah belum harus masih lebih para serta bahwa karena agar jika kalau maka namun tetapi tapi saat setiap tersebut
   secara antara hingga sampai sejak selama seperti yaitu yakni kami kita saya anda kamu mereka dia ia nya pun lah kah mau ingin
   apa apakah siapa kapan berapa bagaimana gimana mengapa kenapa dimana mana manakah bila apabila
   saja aja dong deh sih ya yah nih tuh kok kan min kak pak bu bapak ibu mas mbak tolong mohon minta kasih terus lalu
   halo hai selamat pagi siang sore malam maksudnya artinya the of a an to is are
   lagi idealnya sebaiknya seharusnya semestinya bilang ngomong`.split(/\s+/).filter(Boolean),
);

/** The text as a regular expression matching it literally ('kab.' matches only 'kab.'). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words hold `run` in a row ('kepala', 'dinas' in 'kata kepala dinas kominfo'). */
export function holdsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i < words.length && i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/**
 * A table looked up by words of any text: without a prototype, so that 'constructor' or
 * 'tostring' in a document or a question is not found in it.
 */
export function wordTable(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

// Common informal spellings and typos in officers' chats → the standard word.
const SLANG = wordTable({
  yg: 'yang', dgn: 'dengan', utk: 'untuk', untk: 'untuk', tdk: 'tidak', gak: 'tidak', ga: 'tidak', nggak: 'tidak',
  blm: 'belum', sdh: 'sudah', udah: 'sudah', udh: 'sudah', kpn: 'kapan', brp: 'berapa', gmn: 'bagaimana',
  bgmn: 'bagaimana', knp: 'kenapa', tgl: 'tanggal', bln: 'bulan', thn: 'tahun', th: 'tahun', dok: 'dokumen',
  dokumen2: 'dokumen', hrs: 'harus', jg: 'juga', krn: 'karena', sy: 'saya', trs: 'terus', sm: 'sama', dr: 'dari',
  pd: 'pada', smpe: 'sampai', sampe: 'sampai', taun: 'tahun', ngapain: 'melakukan apa', ngapa: 'kenapa', diperbup: 'ditetapkan perbup', diperwali: 'ditetapkan perwali', sapa: 'siapa', sp: 'siapa', pas: 'saat', org: 'orang', aja: 'saja', sj: 'saja', kl: 'kalau', klo: 'kalau', kalo: 'kalau', lg: 'lagi', trus: 'terus', gk: 'tidak', bgt: 'sangat', hr: 'hari', mgg: 'minggu', stlh: 'setelah', sblm: 'sebelum', ttg: 'tentang', dmn: 'dimana', gimana: 'bagaimana', dlm: 'dalam', bs: 'bisa', tsb: 'tersebut', kab: 'kabupaten', kec: 'kecamatan', pemkab: 'pemerintah kabupaten',
  pemkot: 'pemerintah kota', pemda: 'pemerintah daerah', deadline: 'tenggat', dedlen: 'tenggat', batas: 'batas',
  ceklis: 'checklist', cheklist: 'checklist', ceklist: 'checklist', daftar: 'daftar', bimteknya: 'bimtek',
  masterplannya: 'masterplan', rencana: 'rencana', smartcity: 'smart city', telat: 'terlambat', didapat: 'diperoleh', didapet: 'diperoleh',
  // Chat's function words, written as the documents write them: 'buat NK' is 'untuk NK', 'habis NK' is 'setelah NK'.
  buat: 'untuk', bareng: 'bersama', barengan: 'bersama', tiap: 'setiap', habis: 'setelah', abis: 'setelah', dikasih: 'diberi', dikasi: 'diberi', ngasih: 'memberi', jd: 'jadi', dpt: 'dapat', dapet: 'dapat',
  kayak: 'seperti', kyk: 'seperti', emang: 'memang', emg: 'memang', banget: 'sangat', doang: 'saja', gitu: 'begitu', gini: 'begini',
  biar: 'agar',
  mnrt: 'menurut', sbg: 'sebagai', spt: 'seperti', sprti: 'seperti', skrg: 'sekarang', bbrp: 'beberapa', lbh: 'lebih', krg: 'kurang',
  dg: 'dengan', msh: 'masih', tlg: 'tolong', mksd: 'maksud', ato: 'atau', atw: 'atau', gmna: 'bagaimana', dmna: 'dimana',
  kmrn: 'kemarin', narsum: 'narasumber', bsk: 'besok', bsok: 'besok', scr: 'secara', sdg: 'sedang', sbb: 'sebagai berikut', tpi: 'tapi', jgn: 'jangan', bkn: 'bukan', pny: 'punya',
  bikin: 'membuat', dibikin: 'dibuat', ntar: 'nanti', cuma: 'hanya', cuman: 'hanya', liat: 'lihat', gede: 'besar', ngga: 'tidak', enggak: 'tidak',
  td: 'tadi', dtg: 'datang', lwt: 'lewat', dpn: 'depan', sampek: 'sampai', ketemu: 'bertemu', ketemuan: 'bertemu',
  milih: 'memilih', dipilihin: 'dipilihkan', mantau: 'memantau', diselesain: 'diselesaikan', nyelesain: 'menyelesaikan',
  kerjasama: 'kerja sama', prov: 'provinsi',
  // Officials' titles as chats and news shorten them ('walkot', 'wabup', 'kadis', 'plt').
  walkot: 'wali kota', wawali: 'wakil wali kota', wabup: 'wakil bupati', wagub: 'wakil gubernur', kadis: 'kepala dinas',
  kaban: 'kepala badan', kabid: 'kepala bidang', plt: 'pelaksana tugas', plh: 'pelaksana harian',
  // Meetings as letters and chats shorten them.
  raker: 'rapat kerja',
  // English words in officers' chats → the words the Indonesian documents use.
  upload: 'unggah', diupload: 'diunggah', uploadnya: 'unggahan', ngupload: 'mengunggah', download: 'unduh', didownload: 'diunduh',
  reminder: 'pengingat', remindernya: 'pengingat', file: 'berkas', filenya: 'berkas', template: 'templat', templatenya: 'templat',
  meeting: 'rapat', submit: 'kirim', disubmit: 'dikirim', slide: 'salindia', slidenya: 'salindia', update: 'perbarui', diupdate: 'diperbarui',
  launching: 'peluncuran', dilaunching: 'diluncurkan',
});

const CODE_RE = /^[a-z]{1,4}\d{0,2}-\d{1,3}$/; // F-03, H-7, BT1-01, ASM-02

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** 'menandatangani', 'ditandatangani', 'penandatanganan', 'tanda tangan', 'teken', 'ttd': one word the stemmer cannot split. */
const SIGN = /^(?:(?:me|di|pe)n?)?(?:tandatangan|nandatangan)(?:i|an|inya|annya|nya)?$|^(?:di|ne|me)?teken(?:nya)?$|^meneken(?:nya)?$|^ttd$/;

/** Surface words: lower-cased, slang expanded, codes kept whole ('f-03' → 'f03'). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^\p{L}\p{N}-]+/u)) {
    if (!raw) continue;
    if (!raw.includes('-')) {
      // The common case, a word without hyphens: neither a code nor parts to split.
      const fixed = SLANG[raw];
      if (fixed) out.push(...fixed.split(' '));
      else out.push(formalWord(raw));
      continue;
    }
    const w = raw.replace(/^-+|-+$/g, '');
    if (!w) continue;
    if (CODE_RE.test(w)) {
      out.push(w.replace('-', ''));
      continue;
    }
    for (const part of w.split('-')) {
      if (!part) continue;
      const fixed = SLANG[part];
      if (fixed) out.push(...fixed.split(' '));
      else out.push(formalWord(part));
    }
  }
  return out;
}

const formalCache = new Map<string, string>();

/**
 * The standard form of a colloquial (Jakarta-style) word, when one can be found in the
 * stemmer's dictionary: '-in' verbs ('nulisin' → 'menuliskan', 'ngajuin' → 'mengajukan',
 * 'nyelenggarain' → 'menyelenggarakan', 'ngejalanin' → 'jalan', 'diwakilin' → 'diwakili')
 * and 'e' for 'a' ('dapet' → 'dapat', 'sampe' → 'sampai'). Words that already stem to a
 * dictionary root stay as they are, so formal text is untouched.
 */
export function formalWord(word: string): string {
  // Only words that passed the checks below are cached: a hit skips them.
  let formal = formalCache.get(word);
  if (formal !== undefined) return formal;
  // 'ganti2' writes 'ganti-ganti'.
  if (/^\p{L}{3,}2$/u.test(word)) return formalWord(word.slice(0, -1));
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return word;
  formal = word;
  const stemmed = stem(word);
  // 'ngitungnya': the clitic on a chat word is read off before the word is made formal.
  const bare = word.length > 7 && word.endsWith('nya') && !isRoot(stemmed) ? formalWord(word.slice(0, -3)) : null;
  // 'dimenangin' stems to the root 'angin' though it is 'dimenangkan': a di-…-in word whose stem keeps the '-in'
  // and is not the word after 'di-' ('dijamin' is 'jamin' guaranteed).
  const stemKeepsIn = word.startsWith('di') && word.endsWith('in') && stemmed.endsWith('in') && stemmed !== word.slice(2) && !isRoot(word);
  if (bare !== null && bare !== word.slice(0, -3)) formal = bare;
  else if (!isRoot(stemmed) || stemKeepsIn) {
    const candidates: string[] = [];
    if (word.endsWith('in') && word.length >= 5) {
      const base = word.slice(0, -2);
      if (base.startsWith('di')) candidates.push(`${base}kan`, `${base}i`);
      else if (base.startsWith('nge')) candidates.push(base.slice(3), `me${base}kan`);
      else if (/^(ng|ny|n|m)/.test(base)) candidates.push(`me${base}kan`, `me${base}i`);
      else candidates.push(base, `${base}kan`);
    }
    else if (/^(ng|ny|n)[^g]/.test(word) && !word.startsWith('nge')) candidates.push(`me${word}`);
    // 'ngitung' is 'hitung', 'ngirim' is 'kirim': chat's nasal prefix takes the place of the root's h or k.
    if (/^ng[aeiou]/.test(word)) candidates.push(`h${word.slice(2)}`, `k${word.slice(2)}`);
    if (/e$/.test(word)) candidates.push(`${word.slice(0, -1)}ai`);
    if (/e[^aeiou]$/.test(word)) candidates.push(`${word.slice(0, -2)}a${word.slice(-1)}`);
    formal = candidates.find((c) => isRoot(stem(c))) ?? word;
  }
  if (formalCache.size > 50_000) formalCache.clear();
  formalCache.set(word, formal);
  return formal;
}

/** An ordinary Indonesian word (a stop word or a dictionary root), so no name: 'batu', 'malang', 'yang'. */
export function isOrdinaryWord(word: string): boolean {
  return STOP_WORDS.has(word) || isRoot(word);
}

/** True when the word is a root word of Sastrawi's dictionary. */
export function isRoot(word: string): boolean {
  return stemmer.isRoot(word);
}

/**
 * Words Sastrawi cuts to the wrong root, with the root the documents mean: 'diketuai' is led by
 * a ketua (not 'tuai', to harvest), 'penilai' and 'penilaian' are of 'nilai' as 'dinilai' is (not
 * 'ilai'), 'penanggung jawab' bears a 'tanggung', 'Gerakan Menuju …' moves towards something.
 */
const STEM_FIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:diketuai|mengetuai)(?:nya)?$/, 'ketua'],
  [/^(?:pe|me)nilai(?:an)?(?:nya)?$/, 'nilai'],
  [/^penanggung(?:jawab)?(?:nya)?$/, 'tanggung'],
  // The programme's own name: 'Gerakan Menuju …' is of 'gerak' and 'tuju' (not 'gera', 'uju').
  [/^gerakan(?:nya)?$/, 'gerak'],
  [/^menuju$/, 'tuju'],
];

/**
 * meN-/peN- before a root in s- write 'ny' before an a ('menyaksikan' is 'saksi', 'menyampaikan' 'sampai'); the
 * stemmer reads 'menya…' as a root in ny- ('menyanyi'), so a word it leaves whole is read again with the s.
 */
function nasalS(word: string, stemmed: string): string {
  if (stemmed !== word || !/^(?:me|pe)nya/.test(word)) return stemmed;
  const again = stemmer.stem(`${word.slice(0, 2)}ns${word.slice(4)}`);
  return again === `${word.slice(0, 2)}ns${word.slice(4)}` ? stemmed : again;
}

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\p{L}+$/u.test(word) && word.length > 3 ? (STEM_FIXES.find(([re]) => re.test(word))?.[1] ?? nasalS(word, stemmer.stem(word) || word)) : word;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Numbers written as words, Roman numerals or ordinals ('enam dimensi', 'Bimtek II', 'tahap
 * ketiga', 'ke-4') are the same term as digits ('6 dimensi', 'bimtek 2').
 */
const NUMERAL = wordTable({
  satu: '1', dua: '2', tiga: '3', empat: '4', lima: '5', enam: '6', tujuh: '7', delapan: '8', sembilan: '9', sepuluh: '10', sebelas: '11',
  i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10', xi: '11', xii: '12',
});

const DERIVED = /^(pe|ke|me|di|ter|ber)/;

function unclitic(word: string, stemmed: string): string {
  return stemmed === word && word.length > 6 && word.endsWith('nya') ? stem(word.slice(0, -3)) : stemmed;
}

/** Index terms of a text: words without stop words, stemmed. */
export function terms(text: string): string[] {
  return termsOfWords(words(text));
}

/**
 * Index terms of a text already split by `words`: stop words dropped, the rest stemmed, and
 * every spelling of signing one term ('tanda tangan', 'ditandatangani', 'teken', 'ttd').
 */
export function termsOfWords(surface: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < surface.length; i++) {
    let w = surface[i]!;
    if (w === 'tanda' && /^tangan(i|nya)?$/.test(surface[i + 1] ?? '')) {
      w = 'tandatangan';
      i++;
    }
    // 'terima kasih' thanks; 'menerima', 'diterima', 'penerima' are one idea with 'terima' alone.
    else if (w === 'terima' && surface[i + 1] === 'kasih') continue;
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}

/** What one word becomes as an index term (null: none), cached: words recur, stemming is the cost. */
const termCache = new Map<string, string | null>();

function termOf(word: string): string | null {
  let t = termCache.get(word);
  if (t === undefined) {
    t = wordTerm(SIGN.test(word) ? 'tandatangan' : word);
    if (termCache.size > 200_000) termCache.clear();
    termCache.set(word, t);
  }
  return t;
}

function wordTerm(w: string): string | null {
  const number = NUMERAL[w] ?? /^ke(\d+)$/.exec(w)?.[1];
  if (number) return number;
  if (STOP_WORDS.has(w)) return null;
  // The clitic '-nya' on a word the stemmer's dictionary lacks ('asesornya', 'walidatanya') is still a clitic.
  const s = unclitic(w, stem(w));
  if (NUMERAL[s] && s.length > 1) return NUMERAL[s];
  if (STOP_WORDS.has(s)) {
    // Sastrawi strips some derived words down to a stop word ('peserta' → 'serta', 'pengadaan'
    // → 'ada', 'diperoleh' → 'oleh'): such a word keeps its own form instead of being lost, its
    // per- stem when it has one ('diperoleh', 'memperoleh', 'perolehan' → 'peroleh').
    const own = w.includes(`per${s}`) ? `per${s}` : DERIVED.test(w) ? w.replace(/(nya|lah|kah|pun)$/, '') : '';
    return own.length >= 6 && !STOP_WORDS.has(own) ? own : null;
  }
  if (s.length === 0 || (s.length === 1 && !/\d/.test(s))) return null;
  return s;
}

/** Term frequencies of a text, or of its `words` when already split. */
export function termCounts(text: string, surface: readonly string[] = words(text)): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of termsOfWords(surface)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * Words written with a full stop that do not end a sentence: Indonesian abbreviations ('No.',
 * 'Kab.', 'Kec.', 'Jl.', 'dll.', 'skt.', 'Yth.'), titles ('Dr.', 'Ir.', 'Prof.', 'H.', 'PLT.', 'Pj.'), single
 * initials ('Joseph P. Kennedy') and day numbers before a month ('17. Agustus').
 */
const ABBREVIATION = /(?:^|[\s(.])(no|nomor|plt|plh|pj|pjs|kab|kec|kel|prov|ds|dr|drs|dra|ir|hlm|hal|dll|dsb|dst|dkk|tsb|sda|mis|skt|sekt|yth|tgl|ttd|a\.n|u\.p|prof|h|hj|kh|st|jl|gg|rt|rw|pt|cv|tbk|bpk|sdr|sdri|\p{L}|\d{1,2})\.$/iu;
/**
 * A capitalised word without a vowel is shortened ('Sdn.', 'Bhd.', 'Kpt.', 'Sr.'): no Indonesian or
 * English word is written so. Lower-case ones ('dll.', 'dsb.') often end a list and the sentence too.
 */
const CONSONANT_ABBREVIATION = /(?:^|[\s(])\p{Lu}[b-df-hj-np-tv-z]{1,3}\.$/u;

/** Splits text into sentences (keeps list items and short lines whole); no text is dropped. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const l = line.trim();
    if (!l) continue;
    // A sentence ends at . ! or ? followed by a space and what can start a sentence.
    const parts = l.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"'“‘([])/u);
    let buf = '';
    for (const p of parts) {
      buf = buf ? `${buf} ${p}` : p;
      // Do not split after abbreviations such as 'No.', 'Kab.', 'mis.', 'Dr.'
      if (ABBREVIATION.test(buf) || CONSONANT_ABBREVIATION.test(buf)) continue;
      out.push(buf);
      buf = '';
    }
    if (buf) out.push(buf);
  }
  return out;
}
