import { terms, words } from '../language/index.ts';
import type { Intent } from './types.ts';

const GREETING = /^(halo+|hal+o|hai+|hi+|hello|hey|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam)|assalamu.?alaikum|salam|permisi|tes+|test|ping|p)\b/;
const THANKS = /\b(terima ?kasih|makasih|trims|thanks|thank you|tq)\b/;
// Words that always ask for a deadline, and words that do only when a stage is named
// ('kapan Bimtek II?') and the question is not about something already done ('tanggal
// berapa SK dewan ditetapkan?').
const DEADLINE = /\b(tenggat|deadline|dedlen|batas (waktu|akhir|unggah|upload|pengumpulan|penyerahan|kirim|pengiriman|submit)|jatuh tempo|sampai kapan|paling lambat|terlambat|telat|h\d+|berapa hari lagi|due date)\b/;
const WHEN = /\b(kapan|jadwal|tanggal berapa|tanggalnya|tanggal|jam berapa|pukul berapa|hari apa)\b/;
// 'bimtek 4 nya ikut mundur?' asks whether a due date moved: a deadline question when a stage is named.
const POSTPONED = /\b(mundur|diundur|diundurkan|mengundur|bergeser|digeser|geser|perpanjangan|diperpanjang|molor)\b/;
// 'deadline 23.59 WIT itu jam berapa WIB?': converting a time between zones.
const ZONE_TIME = /\b(jam|pukul)\b.*\b(wib|wita|wit)\b|\b(wib|wita|wit)\b.*\b(jam|pukul) berapa\b/;
// 'kapan bimtek berikutnya?': the region's next deadlines, no stage named.
const NEXT_STAGE = /\b(bimtek|bimbingan teknis|tahap(an)?|tenggat)\s+(berikut(nya)?|selanjutnya|terdekat)\b/;
// 'tahap apa saja yang sudah selesai?': which stages a region has completed.
const STAGE_STATUS = /\btahap(an)?\s+(apa|mana)(\s+saja)?\b.*\b(selesai|rampung|tuntas|beres|lulus)\b|\b(sudah|telah|sampai)\s+(di\s+)?tahap(an)?\s+(apa|mana)\b|\bstatus\s+tahap(an)?\b/;
const PAST = /\b(ditetapkan\w*|ditandatangani\w*|diteken\w*|diterbitkan\w*|terbit\w*|dibentuk\w*|dilaksanakan\w*|nomor(nya)?|sudah|telah|dulu)\b/;
const CHECKLIST = /\b(checklist|ceklis|cek ?list|cheklist|daftar periksa|butir|centang|progres|progress)\b|apa saja yang (harus |perlu |wajib )?(di ?siapkan|di ?kumpulkan|di ?kumpul|di ?unggah|di ?upload|unggah|upload|di ?serahkan|di ?submit|submit|di ?lengkapi|di ?kerjakan)\b|(dokumen|syarat|keluaran|output) apa saja|apa saja (syarat|dokumen|keluaran|output|tugas)/;

// 'berapa lama …', 'dari kapan sampai kapan …': a length or a period, which the rules state.
const DURATION = /\bberapa (lama|hari|minggu|bulan|tahun)\b|\b(berapa|dalam) \d+ (hari|minggu|bulan)\b|\b(dari|mulai) kapan\b.*\b(sampai|hingga) kapan\b/;

/** Words that ask about a rule beside a date: permission, conditions, consequences, people. */
const RULE_TOO = /\b(boleh|bisa|kalau|bila|jika|bagaimana|apakah|mundur|diundur|bergeser|siapa|kenapa|mengapa|akibat(nya)?|sanksi)\b/;

/** A deadline question that also asks about a rule ('bimtek 2 ikut mundur ga?', 'kalau telat gimana?'). */
export function asksRuleToo(question: string): boolean {
  return RULE_TOO.test(words(question).join(' '));
}

export interface Classified {
  readonly intent: Intent;
  readonly thanks: boolean;
  /** Asks which stages a region has completed (answered from the calendar, as a deadline). */
  readonly stageStatus?: boolean;
}

/** Rule-based intent from the wording; 'rule' is the default, out_of_scope is decided after retrieval. */
export function classify(question: string, hasStage: boolean): Classified {
  // Slang and abbreviations expanded first: 'brp hr' reads as 'berapa hari'.
  const q = words(question).join(' ');
  const content = terms(q.replace(GREETING, ' ').replace(THANKS, ' '));
  if ((GREETING.test(q) || THANKS.test(q)) && content.length <= 1) return { intent: 'greeting', thanks: THANKS.test(q) };
  if (STAGE_STATUS.test(q) && !hasStage) return { intent: 'deadline', thanks: false, stageStatus: true };
  if (CHECKLIST.test(q) && (hasStage || /\b(checklist|ceklis|cek ?list|cheklist|progres|progress)\b/.test(q))) return { intent: 'checklist', thanks: false };
  // 'paling lambat berapa hari setelah MoU?' asks for a rule (a duration), not a date.
  if ((DEADLINE.test(q) || (hasStage && WHEN.test(q) && !PAST.test(q))) && !DURATION.test(q)) return { intent: 'deadline', thanks: false };
  if (NEXT_STAGE.test(q) && WHEN.test(q) && !DURATION.test(q)) return { intent: 'deadline', thanks: false };
  if (hasStage && POSTPONED.test(q)) return { intent: 'deadline', thanks: false };
  if (ZONE_TIME.test(q) && (hasStage || DEADLINE.test(q))) return { intent: 'deadline', thanks: false };
  return { intent: 'rule', thanks: false };
}

/** Words that show a question is about the programme even when the corpus has no answer. */
const DOMAIN = /\b(smart ?city|kota cerdas|nota kesepakatan|nk|assessment|asesmen|satu data|g100sc|bimtek|bimbingan teknis|masterplan|rencana induk|dewan|tim pelaksana|quick ?win|qw|mou|nota kesepahaman|tenggat|checklist|dimensi|evaluasi|kominfo|menkominfo|kemkominfo|kemenkominfo|komdigi|menkomdigi|rpjmd|renstra|perbup|perwali|perda|sekretariat|mentor|tahap|angkatan|pandu|pemda|kabupaten|kota|bupati|wali ?kota|opd|apbd|bappeda|diskominfo\w*|spbe|indeks|f-?0[1-5]|csr|pengingat|reminder|portal|buku [12]|program ini|daerah|pemerintah|kementerian|inovasi|layanan publik|program)\b/;

export function isProgrammeQuestion(question: string): boolean {
  return DOMAIN.test(words(question).join(' '));
}
